import { execa } from 'execa';
import { createInterface } from 'node:readline';
import { clientPath } from './scratch-network';

/** One connection of a client loop: its number, and the answer or the error. */
export interface Connection {
  n: number;
  ok: boolean;
  reply?: string;
  error?: string;
}

/**
 * Run `fn` while a client in namespace `from` opens connection after connection to host:port
 * (lab-client `loop`); returns every connection, at least 10 before `fn` and 10 after it.
 */
export async function underLoad(from: string, host: string, port: number, fn: () => Promise<void>): Promise<Connection[]> {
  const client = execa('ip', ['netns', 'exec', from, process.execPath, clientPath, 'loop', host, String(port), '--max', '5000', '--pause', '2', '--timeout', '3000'], {
    stdin: 'pipe',
    reject: false,
    timeout: 60_000,
  });
  const seen: Connection[] = [];
  createInterface({ input: client.stdout! }).on('line', (l) => seen.push(JSON.parse(l)));
  const waitFor = async (count: number) => {
    for (let i = 0; seen.length < count; i++) {
      if (i > 500) throw new Error(`only ${seen.length} connections answered`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  try {
    await waitFor(10);
    await fn();
    await waitFor(seen.length + 10);
  } finally {
    client.stdin!.end();
    await client;
  }
  return seen;
}
