import { hash } from 'node:crypto';

/**
 * Digest algorithms: RFC 2617 (MD5, MD5-sess), RFC 7616 3.2 (SHA-256, SHA-512-256 and their
 * -sess variants), registered for SIP by RFC 8760. Hashes come from node:crypto;
 * `sha512-256` is SHA-512/256 (FIPS 180-4), as RFC 7616 requires.
 */
export type DigestAlgorithmName = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess' | 'SHA-512-256' | 'SHA-512-256-sess';

export interface DigestAlgorithm {
  name: DigestAlgorithmName;
  /** node:crypto hash name. */
  hash: 'md5' | 'sha256' | 'sha512-256';
  /** -sess variant: A1 includes the nonce and cnonce (RFC 7616 3.4.2). */
  sess: boolean;
  /** Strength rank for choosing among challenges: higher is stronger. */
  strength: number;
}

const ALGORITHMS: Record<string, DigestAlgorithm> = {
  'md5': { name: 'MD5', hash: 'md5', sess: false, strength: 1 },
  'md5-sess': { name: 'MD5-sess', hash: 'md5', sess: true, strength: 1 },
  'sha-256': { name: 'SHA-256', hash: 'sha256', sess: false, strength: 2 },
  'sha-256-sess': { name: 'SHA-256-sess', hash: 'sha256', sess: true, strength: 2 },
  'sha-512-256': { name: 'SHA-512-256', hash: 'sha512-256', sess: false, strength: 3 },
  'sha-512-256-sess': { name: 'SHA-512-256-sess', hash: 'sha512-256', sess: true, strength: 3 },
};

/** The algorithm for a challenge's `algorithm` parameter (absent means MD5, RFC 7616 3.3); undefined if unsupported. */
export function digestAlgorithm(name: string | undefined): DigestAlgorithm | undefined {
  return ALGORITHMS[(name ?? 'MD5').toLowerCase()];
}

export const SUPPORTED_DIGEST_ALGORITHMS: readonly DigestAlgorithmName[] = Object.values(ALGORITHMS).map((a) => a.name);

/** Lower-case hex digest of UTF-8 text or bytes (one-shot `crypto.hash`: no Hash object per call). */
export function hashHex(algorithm: DigestAlgorithm['hash'], data: string | Buffer): string {
  return hash(algorithm, data, 'hex');
}
