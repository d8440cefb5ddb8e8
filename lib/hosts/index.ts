export { runEngine, defaultEngineTimeoutMs } from './run-engine';
export type { HostConnection, Transport } from './host-connection';
export { seedNetwork } from './sim/seed-network';
export type { SimNetworkSpec } from './sim/seed-network';
