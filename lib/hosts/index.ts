export { runEngine, defaultEngineTimeoutMs } from './run-engine';
export type { HostConnection, Transport } from './host-connection';
export type { HostSession, SessionState } from './session';
export { unreachableExitCode, timeoutExitCode } from './session';
export { openHostSession, type OpenSessionOptions } from './open-host-session';
export { SessionPool, hostSessions, type SessionPoolOptions } from './session-pool';
export { seedNetwork } from './sim/seed-network';
export type { SimNetworkSpec } from './sim/seed-network';
export { sshSettings, type SshSettings } from './ssh-settings';
