import { execa } from 'execa';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Run `npm run users -- …` against a data dir, as an administrator would; its output, or an error with it. */
export async function users(dataDir: string, args: string[], stdin?: string): Promise<string> {
  const r = await execa('npm', ['run', '--silent', 'users', '--', ...args], { cwd: root, env: { SWITCHYARD_DATA_DIR: dataDir }, input: stdin, reject: false });
  if (r.exitCode !== 0) throw new Error(`npm run users -- ${args.join(' ')} failed (${r.exitCode}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Create an API token for `name` with the users CLI and return the token it printed once. */
export async function createApiToken(dataDir: string, name: string): Promise<string> {
  const token = /^syt_\S+$/m.exec(await users(dataDir, ['token', name]))?.[0];
  if (!token) throw new Error(`npm run users -- token ${name} printed no token`);
  return token;
}
