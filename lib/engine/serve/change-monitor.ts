import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const setpriv = '/usr/bin/setpriv';

/** A long-lived `nft monitor` or `ip monitor`: calls back on every change the kernel announces. */
export interface ChangeMonitor {
  /** Lines it printed so far (one or more per change). */
  readonly changes: number;
  /** False once the monitor process ended (or never started): nothing is announced any more. */
  readonly alive: boolean;
  stop(): void;
}

/**
 * Start `file args` and call `onLine` for each line it prints. The monitor costs nothing while
 * nothing changes; when it cannot start or ends, `alive` turns false and callers read instead.
 */
export function startMonitor(file: string, args: readonly string[], onLine: (line: string) => void = () => undefined): ChangeMonitor {
  // Under `setpriv --pdeathsig` (util-linux) the monitor ends with the session even when the session is killed.
  const [cmd, ...rest] = existsSync(setpriv) ? [setpriv, '--pdeathsig', 'TERM', '--', file, ...args] : [file, ...args];
  const child = spawn(cmd, rest, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LC_ALL: 'C' } });
  const m = { changes: 0, alive: true, stop: () => void child.kill() };
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let i;
    while ((i = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      m.changes++;
      onLine(line);
    }
  });
  const end = () => {
    m.alive = false;
  };
  child.on('error', end).on('exit', end);
  // The session never waits for its monitors: they end with it.
  child.unref();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  return m;
}
