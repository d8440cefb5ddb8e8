/** The seam between the verbs and netfilter: one interface, an iptables and an nft implementation. */
export type { Applied, Backend, BackendName, Observed, StateChange } from './backend';
export { backendNames, wholeChange } from './backend';
export { chooseBackend, parseBackendName, recordedBackend } from './choose';
export { createBackend } from './create';
