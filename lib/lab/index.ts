/** The lab's public face: build, tear down and inspect the seed topology; its fixed table and paths. */
export { labUp, type LabUpReport } from './up';
export { labDown, type LabDownReport } from './down';
export { labStatus, type LabStatus, type MachineStatus } from './status';
export { labInventory, type Inventory } from './inventory';
export { machines, machine, overlay, labNamespaces, overlayAddress, type LabMachine } from './topology';
export { cliPath, inventoryPath, labDir, ownerPath, stateDirOf } from './paths';
export { labOwner } from './lab-owner';
export { LabError } from './lab-error';
