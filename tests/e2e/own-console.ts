import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { usersCommand } from './accounts';

const root = path.resolve(import.meta.dirname, '../..');

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A console of its own (the embedded seed network, or a generated one), with one operator account. */
export interface OwnConsole {
  url: string;
  user: { username: string; password: string };
  stop(): Promise<void>;
}

/**
 * Start `next start` on a free port with a data directory of its own: on a network generated with
 * `npm run sim -- generate --hosts H --bindings B`, or (`size` null) on the embedded seed network.
 */
export async function startOwnConsole(size: { hosts: number; bindings: number } | null): Promise<OwnConsole> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchyard-console-'));
  let inventory = '';
  if (size) {
    inventory = path.join(dir, 'net.json');
    const generate = ['generate', '--hosts', String(size.hosts), '--bindings', String(size.bindings)];
    writeFileSync(inventory, execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'lib/console/sim-cli.ts'), ...generate], { cwd: root, maxBuffer: 64 << 20 }));
  }
  const dataDir = path.join(dir, 'data');
  const user = { username: 'olivia', password: 'operator password 1' };
  await usersCommand(dataDir, ['add', user.username, '--role', 'operator', '--password-stdin'], `${user.password}\n`);
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SWITCHYARD_INVENTORY: inventory, SWITCHYARD_DATA_DIR: dataDir, SWITCHYARD_URL: '' },
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}/`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${url}login`).then((r) => r.ok, () => false);
    if (up) return { url, user, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('the console did not start');
}
