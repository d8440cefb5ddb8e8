/** Request facts the data-access check reads, as plain values (so the rules can be tested without a server). */
export interface RequestMeta {
  host: string | null;
  origin: string | null;
  /** Whether the request changes something: a server action, or a route handler called with another method than GET/HEAD. */
  mutation: boolean;
  authorization: string | null;
  sessionToken: string | null;
}

/** The header the console's own request hook sets to the socket's peer address (any value a client sends is replaced). */
export const peerHeader = 'x-switchyard-peer';
/** The header the proxy sets to the request's method, so route handlers can tell a mutation. */
export const methodHeader = 'x-switchyard-method';

/**
 * Who sent a request: the socket's peer, or, when that peer is this machine (a local reverse
 * proxy), the last address the proxy appended to X-Forwarded-For.
 */
export function requestAddress(peer: string | null, forwardedFor: string | null): string {
  const last = forwardedFor?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  if (!peer) return last ?? 'unknown';
  const loopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  return loopback && last ? last : peer;
}
