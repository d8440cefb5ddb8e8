// The console's last-known state of every host: fed by the host sessions, kept in the store,
// read by pages and pushed to browsers over Server-Sent Events.
export { Hub, type HubListener } from './hub';
export type { HostRecord, Freshness, PersistedHost } from './host-record';
export { hostView } from './host-view';
export { hostEventStream, streamStart, type StreamStart } from './host-event-stream';
export { networkHub, startNetworkHub, hubTopology, refreshHost, type NetworkHub } from './network-hub';
export { loadHostStates, saveHostStates } from './host-state-table';
export { startProber, probeIntervalFromEnv, type Prober, type AskProbe } from './prober';
