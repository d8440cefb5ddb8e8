import { execa, type ResultPromise } from 'execa';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { BackendName } from '@/lib/engine/backend';
import { ProcessRunner } from '@/lib/engine/runner/process-runner';
import type { RunResult } from '@/lib/engine/runner/command-runner';
import { cliPath, labDown, labUp, machine, stateDirOf } from '@/lib/lab';

const clientPath = fileURLToPath(new URL('./lab-client.mjs', import.meta.url));

/**
 * The backends lab suites run on: both, unless SWITCHYARD_TEST_BACKENDS narrows them
 * (`describe.each(labBackends)` builds the lab once per backend, not a copy of the suite).
 */
export const labBackends: BackendName[] = (process.env.SWITCHYARD_TEST_BACKENDS?.split(',') as BackendName[] | undefined) ?? ['iptables', 'nft'];

/** Builds a fresh lab whose hosts use `backend` before a suite's tests and removes it after them, whatever happened. */
export function useLab(backend?: BackendName): void {
  let built = false;
  beforeAll(async () => {
    if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build:cli\` (or \`npm run test:lab\`)`);
    await labUp({ backend }); // waits while another process (the console's lab e2e) owns the lab
    built = true;
  });
  afterAll(async () => {
    // A lab this file never got belongs to someone else: leave it to them.
    if (built) await labDown();
  });
}

/** Runs a program inside a lab namespace (argument array, no shell). */
export function inNs(ns: string, file: string, args: readonly string[], timeoutMs = 20_000): Promise<RunResult> {
  return new ProcessRunner(['ip', 'netns', 'exec', ns]).run(file, args, { timeoutMs });
}

/** What a lab service said, or why no answer came. */
export type Answer = { ok: true; reply: string } | { ok: false; error: string };

/** Sends one line to HOST:PORT from a machine's namespace and returns the one-line answer. */
export async function ask(from: string, host: string, port: number, text = 'Hello, world.', opts: { udp?: boolean; timeoutMs?: number } = {}): Promise<Answer> {
  const args = [clientPath, 'ask', host, String(port), text, '--timeout', String(opts.timeoutMs ?? 3_000), ...(opts.udp ? ['--udp'] : [])];
  const r = await inNs(machine(from).namespace, process.execPath, args);
  if (r.exitCode !== 0) throw new Error(`lab client failed in ${from} (exit ${r.exitCode}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Answer;
}

/** Starts the lab client in a machine's namespace in the given mode; the caller drives its stdin. */
export function startClient(from: string, mode: 'loop' | 'hold', host: string, port: number, extra: string[] = []): ResultPromise<{ stdin: 'pipe'; stdout: 'pipe'; reject: false; timeout: number }> {
  return execa('ip', ['netns', 'exec', machine(from).namespace, process.execPath, clientPath, mode, host, String(port), ...extra], {
    stdin: 'pipe',
    stdout: 'pipe',
    reject: false,
    timeout: 110_000,
  });
}

/** One engine CLI run on a lab host: exit code, parsed JSON output and the error object, if any. */
export interface CliRun {
  exitCode: number;
  json: unknown;
  error: { code: string; message: string; field?: string } | undefined;
  stdout: string;
  stderr: string;
}

const parse = (text: string): unknown => {
  try {
    return text.trim() ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/** Runs `switchyard --state-dir <host's own> --json ARGS` inside a lab host's namespace. */
export async function switchyard(host: string, args: readonly string[]): Promise<CliRun> {
  const r = await inNs(machine(host).namespace, 'env', [`SWITCHYARD_HOSTNAME=${host}`, process.execPath, cliPath, '--state-dir', stateDirOf(host), '--json', ...args]);
  return { exitCode: r.exitCode, json: parse(r.stdout), error: parse(r.stderr) as CliRun['error'], stdout: r.stdout, stderr: r.stderr };
}

/** Like `switchyard`, for setup steps that must succeed: throws with what the CLI printed. */
export async function mustSwitchyard(host: string, args: readonly string[]): Promise<unknown> {
  const r = await switchyard(host, args);
  if (r.exitCode !== 0) throw new Error(`switchyard ${args.join(' ')} on ${host} exited ${r.exitCode}: ${r.stderr || r.stdout}`);
  return r.json;
}

/** Collects a client's JSON output lines as they arrive (the array grows while the client runs). */
export function jsonLines<T = Record<string, unknown>>(stdout: Readable): T[] {
  const lines: T[] = [];
  createInterface({ input: stdout }).on('line', (line) => lines.push(JSON.parse(line) as T));
  return lines;
}

/** Waits until `done()` holds, polling; throws after `timeoutMs` naming what it waited for. */
export async function waitFor(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited >= timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
