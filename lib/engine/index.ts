/** The host-side rule engine's public face, for the console's transports and for tests. */
export { runSwitchyard, type EngineIO, type EngineOutput } from './cli/run';
export { MemoryStateStore } from './state/memory-state-store';
export { FileStateStore } from './state/file-state-store';
export type { StateStore } from './state/state-store';
export type { CommandRunner, RunResult, RunOptions } from './runner/command-runner';
export { ProcessRunner } from './runner/process-runner';
export type * from './model/binding';
export type * from './model/report';
export { describeFront, describeTarget } from './model/binding';
export { specOf } from './verbs/binding-from-spec';
