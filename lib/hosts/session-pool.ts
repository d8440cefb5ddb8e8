import type { RunResult } from '@/lib/engine/runner/command-runner';
import type { StatusReport } from '@/lib/engine/model/report';
import type { HostConnection } from './host-connection';
import { openHostSession, type OpenSessionOptions } from './open-host-session';
import type { HostSession, SessionState } from './session';
import { StartGate } from './start-gate';

/** How a pool opens sessions; tests pass their own. */
export interface SessionPoolOptions extends OpenSessionOptions {
  /** At most this many sessions connecting at once (default 8). */
  concurrency?: number;
  open?: (host: HostConnection, opts: OpenSessionOptions) => HostSession;
}

interface Entry {
  key: string;
  session: HostSession;
  unsubscribe: () => void;
}

/**
 * One session per host, whatever the number of pages and tabs: opened on first use (or by
 * `sync`), started a few at a time, restarted by the session itself with backoff, and closed when
 * the host leaves the inventory or its connection details change.
 */
export class SessionPool {
  private readonly entries = new Map<string, Entry>();
  private readonly statusListeners = new Set<(host: string, report: StatusReport) => void>();
  private readonly stateListeners = new Set<(host: string, s: SessionState) => void>();
  private readonly gate: StartGate;

  constructor(private readonly opts: SessionPoolOptions = {}) {
    this.gate = opts.gate ?? new StartGate(opts.concurrency ?? 8);
  }

  /** Make the pool hold exactly these hosts' sessions. */
  sync(hosts: readonly HostConnection[]): void {
    const wanted = new Set(hosts.map((h) => h.name));
    for (const [name, e] of this.entries) if (!wanted.has(name)) this.drop(name, e);
    for (const h of hosts) this.sessionFor(h);
  }

  /** The session of this host, opened now if the pool has none (or had one with other details). */
  sessionFor(host: HostConnection): HostSession {
    const key = JSON.stringify(host);
    const e = this.entries.get(host.name);
    if (e?.key === key) return e.session;
    if (e) this.drop(host.name, e);
    const session = (this.opts.open ?? openHostSession)(host, { ...this.opts, gate: this.gate });
    const offStatus = session.onStatus((r) => this.statusListeners.forEach((l) => l(host.name, r)));
    const offState = session.onState((s) => this.stateListeners.forEach((l) => l(host.name, s)));
    this.entries.set(host.name, { key, session, unsubscribe: () => (offStatus(), offState()) });
    return session;
  }

  /** The open session of a host, by name. */
  get(name: string): HostSession | undefined {
    return this.entries.get(name)?.session;
  }

  /** Every open session. */
  sessions(): HostSession[] {
    return [...this.entries.values()].map((e) => e.session);
  }

  /** Run one verb on a host through its session. */
  request(host: HostConnection, args: readonly string[], input?: string, timeoutMs?: number): Promise<RunResult> {
    return this.sessionFor(host).request(args, input, timeoutMs);
  }

  /** Every host's pushed status. Returns an unsubscribe function. */
  onStatus(listener: (host: string, report: StatusReport) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Every host's up/down transitions. Returns an unsubscribe function. */
  onState(listener: (host: string, s: SessionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Close every session. */
  async close(): Promise<void> {
    const all = [...this.entries];
    this.entries.clear();
    await Promise.all(all.map(([, e]) => (e.unsubscribe(), e.session.close())));
  }

  private drop(name: string, e: Entry): void {
    this.entries.delete(name);
    e.unsubscribe();
    void e.session.close();
  }
}

// The pool lives as long as the server process; kept on globalThis because Next.js may load this
// module once per bundle, and every bundle must share the same sessions.
const poolKey = Symbol.for('switchyard.host-sessions');
type Registry = { [poolKey]?: SessionPool };

/** The console's process-wide session pool; `opts` count only on the first call, which creates it. */
export function hostSessions(opts?: SessionPoolOptions): SessionPool {
  const g = globalThis as Registry;
  g[poolKey] ??= new SessionPool(opts);
  return g[poolKey];
}
