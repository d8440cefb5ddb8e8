import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SshSettings } from './ssh-settings';

/** The console's own ssh key, made with ssh-keygen (ed25519, no passphrase) the first time it is needed; returns the public line. */
export function ensureConsoleKey(s: SshSettings): string {
  if (!existsSync(s.identityFile)) {
    mkdirSync(path.dirname(s.identityFile), { recursive: true, mode: 0o700 });
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'switchyard-console', '-f', s.identityFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  return readFileSync(`${s.identityFile}.pub`, 'utf8').trim();
}
