// A console of the test's own on the real lab: the lab brought up for it, one operator made by the
// users CLI before the console starts, and a real client in any lab namespace.
import { execa } from 'execa';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliPath, labDown, labUp } from '@/lib/lab';
import { usersCommand } from './accounts';
import { startOwnConsole } from './own-console';

const labClient = path.resolve(import.meta.dirname, '../lab/lab-client.mjs');

export const labOperator = { username: 'lab-operator', password: 'lab operator password' };

export interface LabConsole {
  /** e.g. http://localhost:41234/ (with the trailing slash). */
  url: string;
  /** Stops the console, takes the lab down and removes the console's data. */
  stop(): Promise<void>;
}

/** Brings the lab up (its console's ssh key reaches the ssh hosts) and starts a console on it with `env` added. */
export async function startLabConsole(env: Record<string, string> = {}): Promise<LabConsole> {
  if (process.getuid?.() !== 0) throw new Error('the lab e2e needs root (network namespaces); run as root, or only `--project sim`');
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-lab-e2e-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const lab = await labUp({ consoleDataDir: dataDir });
    await usersCommand(dataDir, ['add', labOperator.username, '--role', 'operator', '--password-stdin'], `${labOperator.password}\n`);
    const own = await startOwnConsole({ SWITCHYARD_INVENTORY: lab.inventoryPath, SWITCHYARD_DATA_DIR: dataDir, SWITCHYARD_URL: '', ...env });
    return {
      url: `${own.url}/`,
      async stop() {
        await own.stop();
        await labDown();
        removeData();
      },
    };
  } catch (e) {
    await labDown().catch(() => undefined);
    removeData();
    throw e;
  }
}

/** One TCP exchange from a lab machine's namespace: what answered, or why nothing did. */
export async function askFromLab(namespace: string, host: string, port: number): Promise<{ ok: boolean; reply?: string; error?: string }> {
  const r = await execa('ip', ['netns', 'exec', namespace, process.execPath, labClient, 'ask', host, String(port), 'Hello, world.', '--timeout', '3000'], { reject: false, timeout: 20_000 });
  if (r.exitCode !== 0) throw new Error(`lab client failed in ${namespace}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
