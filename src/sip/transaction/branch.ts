/**
 * Via branch parameters (RFC 3261 8.1.1.7): the magic cookie `z9hG4bK` followed by a value
 * "unique across space and time for all requests sent by the UA". 96 crypto-random bits,
 * base64url, drawn from a refilled pool so a branch costs no system call.
 */
import { randomBytes } from 'node:crypto';

export const MAGIC_COOKIE = 'z9hG4bK';
const BYTES = 12;
const POOL = 4096 * BYTES;
let pool = randomBytes(POOL);
let offset = 0;

/** Encodes the next `n` bytes of the pool (read straight from it: no view is made per value). */
function random(n: number, encoding: 'base64url' | 'hex'): string {
  if (offset + n > pool.length) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  offset += n;
  return pool.toString(encoding, offset - n, offset);
}

export function newBranch(): string {
  return MAGIC_COOKIE + random(BYTES, 'base64url');
}

/** A random token for tags and Call-IDs (RFC 3261 19.3: at least 32 random bits; we use 96). */
export function randomToken(bytes = BYTES): string {
  return random(bytes, 'base64url');
}

/** Random hex from the same pool (Digest cnonce values, RFC 7616 3.4: unpredictable). */
export function randomHex(bytes = 16): string {
  return random(bytes, 'hex');
}
