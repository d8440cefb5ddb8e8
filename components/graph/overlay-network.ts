/** The network an overlay address belongs to: `10.2.1.3/16` → `10.2.0.0/16`. */
export function overlayNetwork(cidr: string): string {
  const [address, bits = '32'] = cidr.split('/');
  const prefix = Number(bits);
  const value = address.split('.').reduce((v, o) => (v << 8) | (Number(o) & 255), 0) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const network = (value & mask) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (network >>> s) & 255).join('.')}/${prefix}`;
}
