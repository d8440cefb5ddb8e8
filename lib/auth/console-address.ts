import { hostname, networkInterfaces } from 'node:os';

/** The names this console answers to: the public URL when one is set, else this machine's own names and addresses. */
export interface ConsoleAddress {
  publicUrl: URL | null;
  ownNames: ReadonlySet<string>;
}

/** This machine's hostname and every address of its interfaces, lower case, IPv6 without brackets. */
export function machineNames(): Set<string> {
  const names = new Set<string>([hostname().toLowerCase()]);
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address.toLowerCase().replace(/%.*$/, ''));
  return names;
}

/** Read `SWITCHYARD_URL` (the console's public URL behind a proxy); without it, the machine's own names count. */
export function consoleAddress(env: Record<string, string | undefined> = process.env, ownNames: () => Set<string> = machineNames): ConsoleAddress {
  const raw = env.SWITCHYARD_URL?.trim();
  if (raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`SWITCHYARD_URL is not a URL: "${raw}" (expected e.g. https://switchyard.example.net)`);
    }
    return { publicUrl: url, ownNames: new Set() };
  }
  return { publicUrl: null, ownNames: ownNames() };
}

/** The name part of a Host header (no port, IPv6 without brackets), lower case; null when it is not a host. */
export function hostNameOf(hostHeader: string | null | undefined): string | null {
  if (!hostHeader) return null;
  try {
    const url = new URL(`http://${hostHeader}`);
    if (url.username || url.password || url.pathname !== '/' || url.host !== hostHeader.toLowerCase()) return null;
    return url.hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return null;
  }
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1: a browser only reaches these on its own machine. */
export const isLoopbackName = (name: string): boolean =>
  name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1';

/** Whether a request's Host header names this console (so a DNS-rebinding name is refused). */
export function isConsoleHost(hostHeader: string | null | undefined, at: ConsoleAddress): boolean {
  const name = hostNameOf(hostHeader);
  if (!name) return false;
  if (isLoopbackName(name)) return true;
  if (at.publicUrl) return name === at.publicUrl.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return at.ownNames.has(name);
}

/**
 * Whether a request's Origin is the console's own: the very host (and port) the request was sent
 * to, when that host is the console's, or the public URL's origin. A missing or opaque ("null")
 * Origin is not.
 */
export function isConsoleOrigin(origin: string | null | undefined, hostHeader: string | null | undefined, at: ConsoleAddress): boolean {
  if (!origin || origin === 'null') return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (at.publicUrl && url.origin === at.publicUrl.origin) return true;
  return isConsoleHost(hostHeader, at) && url.host === hostHeader!.toLowerCase();
}
