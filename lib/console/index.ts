export { loadInventory, simulatedInventory } from './load-inventory';
export { loadTopology } from './load-topology';
export { operationContext } from './operation-context';
export { addBinding, adoptForeignRule, exposeHost, planBinding, rebindBinding, removeBinding, repairBinding, type OperationContext } from './host-operations';
export { fieldLabel, type EngineOutcome, type EngineFailureCode } from './engine-outcome';
export type * from './topology';
