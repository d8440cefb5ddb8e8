import { isIPv4 } from './validate';

/** A dotted-quad address as a 32-bit unsigned number. */
export function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((acc, p) => ((acc << 8) | Number(p)) >>> 0, 0);
}

/** True when `address` lies in `cidr` (`10.2.0.0/16`; a bare address means /32). */
export function inCidr(address: string, cidr: string): boolean {
  const [net, len = '32'] = cidr.split('/');
  if (!isIPv4(address) || !isIPv4(net)) return false;
  const n = Number(len);
  const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
  return ((ipv4ToNumber(address) & mask) >>> 0) === ((ipv4ToNumber(net) & mask) >>> 0);
}

/** The broadcast address of the subnet `cidr` lies in (`192.168.1.2/24` → `192.168.1.255`). */
export function broadcastOf(cidr: string): string {
  const [addr, len] = cidr.split('/');
  const n = Number(len);
  const host = n >= 32 ? 0 : (2 ** (32 - n) - 1) >>> 0;
  const b = (ipv4ToNumber(addr) | host) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

/** Address ranges no DNAT target may lie in, with what they are in words. */
const specialRanges: readonly [string, string][] = [
  ['0.0.0.0/8', 'an unspecified address'],
  ['127.0.0.0/8', 'a loopback address'],
  ['224.0.0.0/4', 'a multicast address'],
  ['255.255.255.255/32', 'the broadcast address'],
];

/** What kind of special address `address` is (loopback, unspecified, multicast, broadcast), or null. */
export function specialAddress(address: string): string | null {
  return specialRanges.find(([cidr]) => inCidr(address, cidr))?.[1] ?? null;
}
