import type { Hash } from 'node:crypto';
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

/**
 * A new sha256 hash. `node:crypto` is loaded at the first one, not when the CLI starts: it costs
 * the process about 2 MB, and `list` reads the kernel (nft beside it) before it hashes anything.
 */
export function createSha256(): Hash {
  crypto ??= process.getBuiltinModule?.('node:crypto') ?? (createRequire(import.meta.url)('node:crypto') as Crypto);
  return crypto.createHash('sha256');
}
