import type { RunResult } from '@/lib/engine/runner/command-runner';
import type { StatusReport } from '@/lib/engine/model/report';
import { timeoutExitCode, unreachableResult } from './session';

/** What a connection tells its session besides answers. */
export interface ConnectionEvents {
  /** The engine said its first line: it is serving (called before that line is handled). */
  onReady?(): void;
  onStatus(report: StatusReport): void;
  /** The host's status could not be read (the engine's error line). */
  onStatusError?(stderr: string): void;
}

/** One running `serve --stdio` (a process, or the engine in process for simulated hosts). */
export interface Connection {
  /** Resolves once the engine has said anything (it is serving); rejects with the reason if it ends first. */
  readonly ready: Promise<void>;
  /** Resolves with the reason, in plain words, when the connection ends (never rejects). */
  readonly ended: Promise<string>;
  request(args: readonly string[], input: string | undefined, timeoutMs: number): Promise<RunResult>;
  /** End it: close its stdin, and stop it if it does not leave by itself. */
  close(): void;
}

/** Opens a connection to one host's engine. */
export type Connector = (events: ConnectionEvents) => Connection;

interface Pending {
  resolve(r: RunResult): void;
  timer: NodeJS.Timeout;
}

/**
 * The console's side of the line protocol over any byte pipe: numbers requests, matches answers
 * by id, hands pushed events on, and fails every open request when the pipe ends.
 */
export class SessionChannel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private endedWith: string | undefined;
  private buffered = '';
  private isReady = false;
  private markReady!: () => void;
  private markFailed!: (reason: Error) => void;
  private markEnded!: (reason: string) => void;
  readonly ready = new Promise<void>((resolve, reject) => {
    this.markReady = resolve;
    this.markFailed = reject;
  });
  readonly ended = new Promise<string>((resolve) => {
    this.markEnded = resolve;
  });

  constructor(
    private readonly host: string,
    private readonly writeLine: (line: string) => void,
    private readonly events: ConnectionEvents,
  ) {
    this.ready.catch(() => undefined);
  }

  /** Feed bytes the engine wrote (any chunking). */
  receive(chunk: string): void {
    this.buffered += chunk;
    let nl: number;
    while ((nl = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, nl);
      this.buffered = this.buffered.slice(nl + 1);
      if (line.trim()) this.receiveLine(line);
    }
  }

  private receiveLine(line: string): void {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // not the protocol (an ssh banner, a stray print): ignore rather than die
    }
    if (!this.isReady) {
      this.isReady = true;
      this.events.onReady?.();
      this.markReady();
    }
    if (msg.event === 'status' && msg.report) this.events.onStatus(msg.report as StatusReport);
    else if (msg.event === 'status-error') this.events.onStatusError?.(String(msg.stderr ?? ''));
    else if (typeof msg.id === 'number' && typeof msg.exitCode === 'number') {
      const p = this.pending.get(msg.id);
      if (!p) return; // answered after its timeout
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      p.resolve({ exitCode: msg.exitCode, stdout: String(msg.stdout ?? ''), stderr: String(msg.stderr ?? '') });
    }
  }

  /** Send one request; resolves with the answer, a timeout (124) or the end of the pipe (255). */
  request(args: readonly string[], input: string | undefined, timeoutMs: number): Promise<RunResult> {
    if (this.endedWith !== undefined) return Promise.resolve(unreachableResult(`${this.host} is unreachable: ${this.endedWith}`));
    const id = this.nextId++;
    return new Promise<RunResult>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ exitCode: timeoutExitCode, stdout: '', stderr: `${this.host} did not answer within ${timeoutMs} ms\n` });
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      this.writeLine(JSON.stringify({ id, args, ...(input !== undefined ? { input } : {}) }) + '\n');
    });
  }

  /** The pipe is gone: fail what is open, and say why. */
  end(reason: string): void {
    if (this.endedWith !== undefined) return;
    this.endedWith = reason;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve(unreachableResult(`${this.host}'s session ended before it answered (the change may or may not have been made): ${reason}`));
      this.pending.delete(id);
    }
    this.markFailed(new Error(reason));
    this.markEnded(reason);
  }
}

/** A connection that could not even be started, ended at once with the reason. */
export function failedConnection(reason: string): Connection {
  const ready = Promise.reject(new Error(reason));
  ready.catch(() => undefined);
  return {
    ready,
    ended: Promise.resolve(reason),
    request: async () => ({ exitCode: 255, stdout: '', stderr: `${reason}\n` }),
    close: () => undefined,
  };
}
