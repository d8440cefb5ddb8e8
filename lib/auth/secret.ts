import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable secret (256 bits), optionally prefixed so people can tell what it is. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** How a secret is stored: its SHA-256, so a copy of the store holds no usable session or token. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
