import type { RunResult } from '@/lib/engine/runner/command-runner';
import type { StatusReport } from '@/lib/engine/model/report';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { timeoutExitCode, unreachableResult, type HostSession, type SessionState } from './session';
import type { Connection, Connector } from './session-channel';
import { StartGate } from './start-gate';

/** Tuning of one session; the defaults suit real hosts. */
export interface SessionOptions {
  /** Shared by a pool so only so many sessions connect at once. */
  gate?: StartGate;
  backoff?: BackoffPolicy;
  /** How long a start may take before it counts as failed. */
  connectTimeoutMs?: number;
  /** A connection that stayed up this long resets the backoff. */
  stableAfterMs?: number;
  /** Default deadline of one request. */
  requestTimeoutMs?: number;
  random?: () => number;
}

const now = () => new Date().toISOString();

/**
 * A HostSession that keeps one connection open and opens a new one, after a growing, jittered
 * delay, whenever it ends. While it is down, requests fail at once as unreachable.
 */
export class ReconnectingSession implements HostSession {
  private current: Connection | undefined;
  /** The connection being started or serving, so close() can end it either way. */
  private opened: Connection | undefined;
  private stateNow: SessionState = { up: false, reason: 'connecting', at: now() };
  private status: StatusReport | undefined;
  private closed = false;
  private firstAttempt: Promise<void>;
  private firstAttemptDone = false;
  private wake: (() => void) | undefined;
  private readonly statusListeners = new Set<(r: StatusReport) => void>();
  private readonly stateListeners = new Set<(s: SessionState) => void>();
  private readonly opts: Required<Omit<SessionOptions, 'gate'>> & { gate: StartGate };

  constructor(
    readonly host: string,
    private readonly connector: Connector,
    opts: SessionOptions = {},
  ) {
    this.opts = {
      gate: opts.gate ?? new StartGate(8),
      backoff: opts.backoff ?? defaultBackoff,
      connectTimeoutMs: opts.connectTimeoutMs ?? 30_000,
      stableAfterMs: opts.stableAfterMs ?? 10_000,
      requestTimeoutMs: opts.requestTimeoutMs ?? 15_000,
      random: opts.random ?? Math.random,
    };
    let firstDone!: () => void;
    this.firstAttempt = new Promise((resolve) => (firstDone = resolve));
    void this.firstAttempt.then(() => (this.firstAttemptDone = true));
    void this.keepConnected(firstDone);
  }

  get state(): SessionState {
    return this.stateNow;
  }

  get lastStatus(): StatusReport | undefined {
    return this.status;
  }

  async request(args: readonly string[], input?: string, timeoutMs: number = this.opts.requestTimeoutMs): Promise<RunResult> {
    if (this.closed) return unreachableResult(`the session to ${this.host} is closed`);
    // Only the very first start is waited for; after that, a host that is down fails fast.
    if (!this.current && !this.firstAttemptDone) {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.firstAttempt, new Promise((r) => (timer = setTimeout(r, timeoutMs)))]).finally(() => clearTimeout(timer));
      if (!this.firstAttemptDone) return { exitCode: timeoutExitCode, stdout: '', stderr: `${this.host} did not answer within ${timeoutMs} ms (its session is still starting)\n` };
      timeoutMs = Math.max(1, timeoutMs - (Date.now() - started));
    }
    if (!this.current || !this.stateNow.up) return unreachableResult(`${this.host} is unreachable: ${this.stateNow.reason ?? 'not connected'}`);
    return this.current.request(args, input, timeoutMs);
  }

  onStatus(listener: (report: StatusReport) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onState(listener: (s: SessionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    const c = this.opened;
    if (c) {
      c.close();
      await c.ended;
    }
  }

  private setState(up: boolean, reason?: string): void {
    if (this.stateNow.up === up && this.stateNow.reason === reason) return;
    this.stateNow = { up, ...(reason ? { reason } : {}), at: now() };
    for (const l of this.stateListeners) l(this.stateNow);
  }

  private async keepConnected(firstDone: () => void): Promise<void> {
    for (let attempt = 0; !this.closed; ) {
      const release = await this.opts.gate.acquire();
      if (this.closed) {
        release();
        break;
      }
      let upSince: number | undefined;
      let failed: string | undefined;
      const c: Connection = this.connector({
        onReady: () => {
          if (this.closed) return;
          upSince = Date.now();
          this.current = c;
          this.setState(true);
        },
        onStatus: (report) => {
          this.status = report;
          for (const l of this.statusListeners) l(report);
        },
      });
      this.opened = c;
      try {
        await withTimeout(c.ready, this.opts.connectTimeoutMs, `no answer within ${this.opts.connectTimeoutMs} ms of starting its engine`);
      } catch (e) {
        failed = (e as Error).message;
        c.close();
      } finally {
        release();
      }
      if (upSince !== undefined) firstDone();
      const ended = await c.ended;
      const reason = failed && !ended.startsWith(failed) && /stopped/.test(ended) ? failed : ended;
      this.current = undefined;
      this.opened = undefined;
      if (upSince !== undefined && Date.now() - upSince >= this.opts.stableAfterMs) attempt = 0;
      if (this.closed) break;
      this.setState(false, reason);
      firstDone();
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, backoffDelay(attempt++, this.opts.backoff, this.opts.random));
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
    this.setState(false, 'closed');
    firstDone();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (t = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(t));
}
