import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** An ssh host as the inventory names it. */
export interface SshDestination {
  /** `user@address` or `address`. */
  ssh: string;
  port?: number;
}

/** The name ssh looks the host up by in known_hosts: `address`, or `[address]:port` off port 22. */
export function knownHostsName(d: SshDestination): string {
  const address = d.ssh.slice(d.ssh.lastIndexOf('@') + 1);
  return d.port && d.port !== 22 ? `[${address}]:${d.port}` : address;
}

/** `SHA256:…` of a public key line (`ssh-ed25519 AAAA… [comment]`), as `ssh-keygen -l` prints it. */
export function fingerprint(publicKey: string): string {
  const blob = publicKey.trim().split(/\s+/)[1];
  if (!blob) throw new Error(`not an ssh public key: "${publicKey.slice(0, 40)}"`);
  return `SHA256:${createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/** The keys pinned for a host name in a known_hosts file (plain, unhashed entries). */
export function pinnedKeys(file: string, name: string): string[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3 && !f[0].startsWith('#') && f[0].split(',').includes(name))
    .map((f) => `${f[1]} ${f[2]}`);
}

/**
 * Pin `publicKey` for the host unless it already has a pin. An existing, different pin stays as it
 * is, so ssh refuses the host ("host key has changed") until an operator decides.
 */
export function pinHostKey(file: string, d: SshDestination, publicKey: string): 'pinned' | 'already pinned' | 'pinned differently' {
  const name = knownHostsName(d);
  const [type, blob] = publicKey.trim().split(/\s+/);
  const existing = pinnedKeys(file, name);
  if (existing.includes(`${type} ${blob}`)) return 'already pinned';
  if (existing.length) return 'pinned differently';
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${name} ${type} ${blob}\n`, { mode: 0o600 });
  return 'pinned';
}

/** Remove every pin for the host (the operator rebuilt it with new keys). Returns how many lines went. */
export function unpinHostKey(file: string, d: SshDestination): number {
  const name = knownHostsName(d);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 0;
  }
  const lines = text.split('\n').filter((l) => l.trim());
  const kept = lines.filter((l) => !l.trim().split(/\s+/)[0].split(',').includes(name));
  if (kept.length !== lines.length) writeFileSync(file, kept.map((l) => `${l}\n`).join(''), { mode: 0o600 });
  return lines.length - kept.length;
}
