/** The faithful fake of iptables: a simulated netfilter, its save/restore commands, and packet tracing. */
export { SimulatedIptables, freshTables } from './simulated-iptables';
export type { RestoreResult } from './simulated-iptables';
export type { RestoreOptions } from './apply-restore';
export { handleIptablesCommand } from './iptables-commands';
export { trace } from './trace';
export type { TraceHit, TraceHost, TracePacket, TraceResult } from './trace';
export { TraceError } from './rule-match';
export { canonicalArgs, RuleSyntaxError } from './canonical-rule';
