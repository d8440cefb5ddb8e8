import type { CommandRunner } from '../runner/command-runner';

/** A socket the host itself listens on (TCP) or has bound (UDP). */
export interface Listener {
  proto: 'tcp' | 'udp';
  /** The local address as `ss` prints it without the port: `0.0.0.0`, `*`, `[::]`, `192.168.1.2`. */
  address: string;
  port: number;
  /** The program holding it, when `ss` could tell (`sshd`). */
  process?: string;
}

/** Parse `ss -Hltnup` output: `tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=1,fd=3))`. */
export function parseListeners(text: string): Listener[] {
  const out: Listener[] = [];
  for (const line of text.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 5 || (cols[0] !== 'tcp' && cols[0] !== 'udp')) continue;
    const local = cols[4];
    const i = local.lastIndexOf(':');
    const port = Number(local.slice(i + 1));
    if (i <= 0 || !Number.isInteger(port) || port < 1 || port > 65535) continue;
    // `0.0.0.0%eth0` names a device; the address is what matters for a front.
    const address = local.slice(0, i).replace(/%.*$/, '');
    const proc = /users:\(\("([^"]+)"/.exec(line)?.[1];
    out.push({ proto: cols[0], address, port, ...(proc ? { process: proc } : {}) });
  }
  return out;
}

/** What the host listens on, or why it could not be read (then nothing is checked against it). */
export async function readListeners(runner: CommandRunner): Promise<{ listeners: Listener[] } | { warning: string }> {
  const r = await runner.run('ss', ['-Hltnup']);
  if (r.exitCode !== 0) return { warning: `could not list the ports this host listens on (ss: ${r.stderr.trim() || `exit ${r.exitCode}`}); they were not checked` };
  return { listeners: parseListeners(r.stdout) };
}
