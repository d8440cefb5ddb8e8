/** `switchyard serve --stdio`: a long-lived engine session speaking JSON lines. */
export { serveStdio, defaultWatchIntervalMs, type ServeOptions } from './serve-stdio';
export { rememberingHost, type RememberingHost } from './remembering-host';
export type { SessionMemory } from './session-memory';
export { serveInvocation, type ServeInvocation } from './serve-invocation';
export { realHostProbe, textProbe, type HostProbe } from './host-probe';
export { parseRequest, type ServeRequest, type ServeAnswer, type ServeEvent, type ServeLine, type StatusEvent, type StatusErrorEvent } from './protocol';
