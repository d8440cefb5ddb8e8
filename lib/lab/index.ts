/** The lab's public face: build, tear down and inspect the seed topology; its fixed table and paths. */
export { labUp, type LabUpReport } from './up';
export { labDown, type LabDownReport } from './down';
export { labStatus, type LabStatus, type MachineStatus } from './status';
export { labInventory, sshHosts, type Inventory, type InventoryHost } from './inventory';
export { machines, machine, overlay, labNamespaces, overlayAddress, labMachines, extraMachines, maxExtraHosts, namespacesOf, type LabMachine } from './topology';
export { sshCliOf, sshDir, labHostKey } from './sshd';
export { cliPath, inventoryPath, labDir, ownerPath, stateDirOf } from './paths';
export { labOwner } from './lab-owner';
export { LabError } from './lab-error';
