import { execa, type ResultPromise } from 'execa';
import path from 'node:path';
import { freePort } from './free-port';

const root = path.resolve(import.meta.dirname, '../..');

/** A console (`next start` of the current build) this test runs itself, with its own environment. */
export interface OwnConsole {
  /** e.g. http://localhost:41234 (no trailing slash). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Start `next start` on `port` (a free one when not given) with `env` added to this process's
 * environment, and wait until it answers. Throws with the server's output if it does not start.
 */
export async function startOwnConsole(env: Record<string, string>, port?: number): Promise<OwnConsole> {
  const p = port ?? (await freePort());
  const url = `http://localhost:${p}`;
  const server: ResultPromise = execa(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(p)], {
    cwd: root,
    env,
    reject: false,
    all: true,
  });
  const stop = async (): Promise<void> => {
    server.kill();
    await server;
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    const up = await fetch(`${url}/login`, { redirect: 'manual' }).then(() => true, () => false);
    if (up) return { url, port: p, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the console did not start on ${url}:\n${(await server).all}`);
}
