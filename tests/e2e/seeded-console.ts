import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { usersCommand } from './accounts';
import { startOwnConsole } from './own-console';

const root = path.resolve(import.meta.dirname, '../..');

/** A console of its own (the embedded seed network, or a generated one), with one operator account. */
export interface SeededConsole {
  /** With a trailing slash. */
  url: string;
  user: { username: string; password: string };
  /** The console's data directory (its store). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Start a console with a data directory of its own: on a network generated with
 * `npm run sim -- generate --hosts H --bindings B`, or (`size` null) on the embedded seed network.
 */
export async function startSeededConsole(size: { hosts: number; bindings: number } | null): Promise<SeededConsole> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchyard-console-'));
  try {
    let inventory = '';
    if (size) {
      inventory = path.join(dir, 'net.json');
      const generate = ['generate', '--hosts', String(size.hosts), '--bindings', String(size.bindings)];
      writeFileSync(inventory, execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'lib/console/sim-cli.ts'), ...generate], { cwd: root, maxBuffer: 64 << 20 }));
    }
    const dataDir = path.join(dir, 'data');
    const user = { username: 'olivia', password: 'operator password 1' };
    await usersCommand(dataDir, ['add', user.username, '--role', 'operator', '--password-stdin'], `${user.password}\n`);
    const own = await startOwnConsole({ SWITCHYARD_INVENTORY: inventory, SWITCHYARD_DATA_DIR: dataDir, SWITCHYARD_URL: '' });
    return {
      url: `${own.url}/`,
      user,
      dataDir,
      async stop() {
        await own.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
