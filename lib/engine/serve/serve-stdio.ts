import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { runSwitchyard, type EngineIO } from '../cli/run';
import type { HostProbe } from './host-probe';
import { parseRequest, type ServeAnswer, type ServeLine } from './protocol';
import { forgetUnlessRemembering, type SessionMemory } from './session-memory';

/** What one `serve --stdio` session works with. */
export interface ServeOptions {
  input: Readable;
  output: Writable;
  /** Global flags put before every request's arguments (`--state-dir DIR`, `--backend …`). */
  globals: readonly string[];
  io: EngineIO;
  /** Cheap fingerprint of the host; a full status is read only when it changes. */
  probe: HostProbe;
  /** How often the host is checked for changes made by anyone else; default 2 s. */
  watchIntervalMs?: number;
  /** What the session remembers about its host between requests (real hosts; the sim reads in process). */
  memory?: SessionMemory;
}

/** How often a session checks its host when not told otherwise. */
export const defaultWatchIntervalMs = 2_000;

/**
 * Serve one session: run each request line as a CLI verb, one at a time (so a session never races
 * itself; other processes still meet it at the state lock), answer by id, and push the host's
 * status at start and whenever it changes. Resolves once stdin ends and the last answer is written.
 */
export async function serveStdio(opts: ServeOptions): Promise<void> {
  const send = (line: ServeLine) => opts.output.write(JSON.stringify(line) + '\n');
  const m = opts.memory;
  const io = { ...opts.io, ...(m?.facts ? { facts: m.facts.read } : {}), ...(m?.ruleset ? { knownRuleset: m.ruleset } : {}) };
  const run = (args: readonly string[], stdin?: string) => runSwitchyard([...opts.globals, '--json', ...args], { ...io, stdin });

  // Requests run one at a time, in order. Checks run beside them (reads take no lock), one at a
  // time, so a status read never delays an answer; a check asked for while one runs runs again after.
  let requests: Promise<unknown> = Promise.resolve();
  const enqueue = (job: () => Promise<unknown>) => {
    requests = requests.then(job, job);
  };

  let lastDigest: string | undefined;
  let lastPushed: string | undefined;
  let checking: Promise<void> | undefined;
  let again = false;
  const check = (): Promise<void> => {
    if (checking) {
      again = true;
      return checking;
    }
    checking = (async () => {
      do {
        again = false;
        await checkOnce().catch((e: unknown) => void send({ event: 'status-error', exitCode: 1, stderr: `internal error: ${e instanceof Error ? e.message : String(e)}\n` }));
      } while (again);
      checking = undefined;
    })();
    return checking;
  };
  const checkOnce = async () => {
    const digest = await opts.probe().catch((e: Error) => `probe failed: ${e.message}`);
    if (digest === lastDigest) return;
    lastDigest = digest;
    const r = await run(['status']);
    const pushed = r.exitCode === 0 ? r.stdout : `error:${r.exitCode}:${r.stderr}`;
    if (pushed === lastPushed) return;
    lastPushed = pushed;
    if (r.exitCode === 0) send({ event: 'status', report: JSON.parse(r.stdout) });
    else send({ event: 'status-error', exitCode: r.exitCode, stderr: r.stderr });
  };

  const answer = async (line: string) => {
    const parsed = parseRequest(line);
    let reply: ServeAnswer;
    if (!parsed.ok) {
      reply = { id: parsed.id, exitCode: 2, stdout: '', stderr: JSON.stringify({ code: 'bad-input', message: parsed.message, field: parsed.message.split(':')[0] }) + '\n' };
    } else {
      forgetUnlessRemembering(m, parsed.request.args);
      const r = await run(parsed.request.args, parsed.request.input).finally(() => forgetUnlessRemembering(m, parsed.request.args)).catch((e: unknown) => ({
        exitCode: 1,
        stdout: '',
        stderr: JSON.stringify({ code: 'host-failure', message: `internal error: ${e instanceof Error ? e.message : String(e)}` }) + '\n',
      }));
      reply = { id: parsed.request.id, ...r };
    }
    send(reply);
    void check(); // a change shows up in the next pushed status at once, not a tick later
  };

  void check();
  const timer = setInterval(() => void check(), opts.watchIntervalMs ?? defaultWatchIntervalMs);
  const lines = createInterface({ input: opts.input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.trim()) enqueue(() => answer(line));
    }
  } finally {
    clearInterval(timer);
    await requests;
    while (checking) await checking;
  }
}
