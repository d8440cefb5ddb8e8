import { Server } from 'node:http';
import { store } from '@/lib/store';
import { ensureInitialAdmin } from './first-start';
import { peerHeader } from './request-meta';
import { sweepSessions } from './sessions';

let started = false;

// Next.js offers no socket address to actions and routes, and a client may send its own
// X-Forwarded-For; stamp each request with the peer the socket really has.
function stampPeerAddress(): void {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };
      req.headers[peerHeader] = req.socket?.remoteAddress ?? '';
    }
    return (emit as (this: Server, event: string | symbol, ...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof Server.prototype.emit;
}

/** At server start: open the store (migrations), create the first admin if there is nobody, stamp peers, sweep old sessions. */
export async function startConsoleServer(): Promise<void> {
  if (started) return;
  started = true;
  stampPeerAddress();
  const db = store();
  await ensureInitialAdmin(db);
  sweepSessions(db);
  setInterval(() => sweepSessions(db), 60 * 60_000).unref();
}
