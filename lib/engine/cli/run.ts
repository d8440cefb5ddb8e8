import { hostname as osHostname } from 'node:os';
import { readFile } from 'node:fs/promises';
import { asEngineError, badInput } from '../errors';
import { parseBackendName } from '../backend';
import { iptablesCommands } from '../iptables/kernel';
import type { ErrorReport } from '../model/report';
import { defaultBindingId, parseBindingFile, parseBindingSpec, parseCidr, parseHostName, parseIface, parseId } from '../model/validate';
import type { CommandRunner } from '../runner/command-runner';
import type { FactsReader } from '../host/remembered-facts';
import type { KnownRuleset } from '../iptables/known-ruleset';
import { FileStateStore } from '../state/file-state-store';
import type { StateStore } from '../state/state-store';
import { addBinding } from '../verbs/add';
import type { EngineContext } from '../verbs/context';
import { applyDesired } from '../verbs/desired-set';
import { expose, hide } from '../verbs/expose';
import { flush } from '../verbs/flush';
import { migrate } from '../verbs/migrate';
import { list, status } from '../verbs/read-status';
import { rebind } from '../verbs/rebind';
import type { RailOptions } from '../verbs/rails';
import { removeBinding } from '../verbs/remove';
import { restore } from '../verbs/restore';
import { optional, parseArgs, required, verbs, type ParsedArgs } from './args';
import { formatChange, formatExpose, formatList, formatProbe, formatRepair, formatStatus } from './format-text';
import { adopt } from '../verbs/adopt';
import { probe } from '../verbs/probe';
import type { TcpConnector } from '../host/probe';
import { repair } from '../verbs/repair';
import { watch } from '../verbs/watch';
import { usage } from './usage';

/** What the engine needs from its surroundings; the CLI passes the real ones, the sim its own. */
export interface EngineIO {
  runner: CommandRunner;
  /** Defaults to the state file in --state-dir, $SWITCHYARD_STATE_DIR or /var/lib/switchyard. */
  store?: StateStore;
  /** How messages name this host; else $SWITCHYARD_HOSTNAME, else the system hostname. */
  hostname?: string;
  /** Read by `--file -`. */
  stdin?: string;
  env?: Record<string, string | undefined>;
  /** Where `watch` logs its lines (default: stderr as they happen). */
  log?: (line: string) => void;
  /** Ends `watch` (default: SIGTERM or SIGINT to this process). */
  signal?: AbortSignal;
  /** A long-lived session's remembered facts (default: read afresh on every verb). */
  facts?: FactsReader;
  /** A long-lived session's knowledge of the host's iptables (default: read afresh on every verb). */
  knownRuleset?: KnownRuleset;
  /** How `probe` connects to a target (default: a real TCP connection from this process); simulated hosts answer for their own network. */
  connector?: TcpConnector;
}

/** An abort signal fired by SIGTERM or SIGINT, for `watch` under systemd or a terminal. */
function signalOnTerm(): AbortSignal {
  const ac = new AbortController();
  // `on`, not `once`: execa's exit hook re-raises a signal it finds no other listener for.
  for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => ac.abort());
  return ac.signal;
}

const intervalOf = (p: ParsedArgs): number => {
  const v = optional(p.flags, 'interval') ?? '5';
  if (!/^[0-9]{1,4}(\.[0-9]+)?$/.test(v) || Number(v) < 0.2 || Number(v) > 3600) throw badInput('interval', `must be seconds between 0.2 and 3600, got "${v}"`);
  return Number(v) * 1000;
};

/** What a CLI run leaves: an exit code and the text for stdout and stderr. */
export interface EngineOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const revisionOf = (p: ParsedArgs): number | undefined => {
  const v = optional(p.flags, 'revision');
  if (v === undefined) return undefined;
  if (!/^[0-9]{1,9}$/.test(v)) throw badInput('revision', `must be a whole number, got "${v}"`);
  return Number(v);
};

/** What the operator let past the safety rails: `--allow-local-target`, `--force`. */
const railsOf = (p: ParsedArgs): RailOptions => ({ allowLocalTarget: p.flags['allow-local-target'] === true, force: p.flags.force === true });

async function readSpecFile(p: ParsedArgs, io: EngineIO): Promise<string> {
  const f = required(p.flags, 'file');
  if (f === '-') return io.stdin ?? '';
  return readFile(f, 'utf8').catch((e: Error) => {
    throw badInput('file', `cannot read ${f}: ${e.message}`);
  });
}

/** Run one verb and return the report and its text rendering (rendered only when asked: `--json` never builds it). */
async function dispatch(p: ParsedArgs, ctx: EngineContext, io: EngineIO): Promise<{ json: unknown; text: () => string }> {
  const f = p.flags;
  switch (p.verb!) {
    case 'export':
    case 'import': {
      const kind = p.verb as 'export' | 'import';
      const port = required(f, 'port');
      const iface = optional(f, 'in');
      const on = kind === 'import' ? required(f, 'on') : undefined;
      const id = optional(f, 'id') ?? defaultBindingId(kind, iface ?? on, port);
      const spec = parseBindingSpec({ id, kind, proto: optional(f, 'proto'), port, in: iface, on, to: required(f, 'to'), masquerade: !f['no-masquerade'] });
      const r = await addBinding(ctx, spec, railsOf(p));
      return { json: r, text: () => formatChange(r) };
    }
    case 'rebind': {
      const r = await rebind(ctx, { id: parseId('id', p.positional[0]), to: required(f, 'to'), cut: f.cut === true, expectRevision: revisionOf(p), allowLocalTarget: railsOf(p).allowLocalTarget });
      return { json: r, text: () => formatChange(r) };
    }
    case 'remove': {
      const r = await removeBinding(ctx, parseId('id', p.positional[0]), revisionOf(p));
      return { json: r, text: () => formatChange(r) };
    }
    case 'list': {
      const r = await list(ctx);
      return { json: r, text: () => formatList(r) };
    }
    case 'status': {
      const r = await status(ctx);
      return { json: r, text: () => formatStatus(r) };
    }
    case 'plan':
    case 'apply': {
      const dryRun = p.verb === 'plan';
      const r = await applyDesired(ctx, parseBindingFile(await readSpecFile(p, io)), { dryRun, rails: railsOf(p) });
      return { json: r, text: () => formatChange(r, dryRun) };
    }
    case 'restore': {
      const r = await restore(ctx);
      return { json: r, text: () => formatChange(r) };
    }
    case 'flush': {
      const r = await flush(ctx, f.forget === true);
      return { json: r, text: () => formatChange(r) };
    }
    case 'expose': {
      const name = optional(f, 'name');
      const r = await expose(ctx, {
        cidr: parseCidr('cidr', p.positional[0]),
        bridge: parseIface('bridge', optional(f, 'bridge') ?? 'weave'),
        ...(name ? { name: parseHostName('name', name) } : {}),
      });
      return { json: r, text: () => formatExpose(r) };
    }
    case 'migrate': {
      const r = await migrate(ctx, parseBackendName('to', required(f, 'to')));
      return { json: r, text: () => `moved ${r.from === r.to ? 'nothing' : `bindings from ${r.from} to ${r.to}`}\n` + formatChange(r) };
    }
    case 'repair': {
      const id = p.positional[0] === undefined ? undefined : parseId('id', p.positional[0]);
      const r = await repair(ctx, id);
      return { json: r, text: () => formatRepair(r) };
    }
    case 'adopt': {
      const ref = p.positional[0];
      if (!/^[A-Za-z0-9-]{1,64}$/.test(ref)) throw badInput('ref', `must be a foreign rule's ref as \`switchyard status\` lists it, got "${ref}"`);
      const r = await adopt(ctx, ref, parseId('id', required(f, 'id')));
      return { json: r, text: () => `adopted ${r.adopted.ref}: ${r.adopted.rule}\n` + formatChange(r) };
    }
    case 'probe': {
      const id = p.positional[0] === undefined ? undefined : parseId('id', p.positional[0]);
      const r = await probe(ctx, id, io.connector);
      return { json: r, text: () => formatProbe(r) };
    }
    case 'watch': {
      const log = io.log ?? ((line: string) => process.stderr.write(line + '\n'));
      const r = await watch(ctx, { intervalMs: intervalOf(p), signal: io.signal ?? signalOnTerm(), log });
      return { json: r, text: () => '' };
    }
    case 'hide': {
      const r = await hide(ctx, parseCidr('cidr', p.positional[0]));
      return { json: r, text: () => formatExpose(r) };
    }
  }
}

/** A CLI run whose `--json` report is left as a value (`json`, with `stdout` empty), for a caller that writes it out piece by piece. */
export interface EngineResult extends EngineOutput {
  json?: unknown;
}

/** Run the `switchyard` CLI in process: parse, validate, run one verb, render. Never throws: every failure is an exit code and a message. */
export async function runSwitchyard(argv: readonly string[], io: EngineIO): Promise<EngineOutput> {
  const { json, ...out } = await runSwitchyardReport(argv, io);
  return json === undefined ? out : { ...out, stdout: JSON.stringify(json) + '\n' };
}

/** {@link runSwitchyard}, with a successful `--json` report returned as the value itself rather than its text. */
export async function runSwitchyardReport(argv: readonly string[], io: EngineIO): Promise<EngineResult> {
  const env = io.env ?? process.env;
  const wantsJson = argv.includes('--json');
  try {
    const p = parseArgs(argv);
    if (p.global.help) return { exitCode: 0, stdout: usage, stderr: '' };
    if (!p.verb) {
      if (!wantsJson) return { exitCode: 2, stdout: '', stderr: usage };
      throw badInput('verb', `a verb is required (verbs: ${Object.keys(verbs).join(', ')})`);
    }
    const flag = optional(p.global, 'backend');
    const askedBackend = flag !== undefined ? parseBackendName('backend', flag) : env.SWITCHYARD_BACKEND ? parseBackendName('SWITCHYARD_BACKEND', env.SWITCHYARD_BACKEND) : undefined;
    const stateDir = optional(p.global, 'state-dir') ?? env.SWITCHYARD_STATE_DIR ?? '/var/lib/switchyard';
    if (!stateDir.startsWith('/')) throw badInput('state-dir', `must be an absolute path, got "${stateDir}"`);
    const ctx: EngineContext = {
      runner: io.runner,
      store: io.store ?? new FileStateStore(stateDir),
      iptables: { ...iptablesCommands(env.SWITCHYARD_IPTABLES ?? 'iptables'), ...(io.knownRuleset ? { known: io.knownRuleset } : {}) },
      ...(io.facts ? { facts: io.facts } : {}),
      hostname: io.hostname ?? env.SWITCHYARD_HOSTNAME ?? osHostname(),
      askedBackend,
      ...(io.store ? {} : { stateDir }),
    };
    const out = await dispatch(p, ctx, io);
    if (wantsJson) return { exitCode: 0, stdout: '', stderr: '', json: out.json };
    return { exitCode: 0, stdout: out.text(), stderr: '' };
  } catch (e) {
    const err = asEngineError(e);
    const report: ErrorReport = { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.context ? { context: err.context } : {}) };
    const stderr = wantsJson ? JSON.stringify(report) + '\n' : `switchyard: ${err.message}\n${err.context ? err.context + '\n' : ''}`;
    return { exitCode: err.exitCode, stdout: '', stderr };
  }
}
