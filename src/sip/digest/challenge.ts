import { parseAuthHeader } from '../headers/auth.js';
import { SipParseError } from '../parse-error.js';

/** A Digest challenge (RFC 3261 20.44/20.27, RFC 7616 3.3). */
export interface DigestChallenge {
  /** Always `Digest` for challenges returned by parseChallenges (others are skipped). */
  scheme: string;
  realm: string;
  nonce: string;
  opaque: string | undefined;
  /** As written; undefined when absent (which means MD5). */
  algorithm: string | undefined;
  /** qop options offered (`auth`, `auth-int`), lower-cased; empty for RFC 2069 style challenges. */
  qop: string[];
  stale: boolean;
  domain: string | undefined;
  /** RFC 7616 3.4.4: the username is sent hashed. */
  userhash: boolean;
  /** RFC 7616 3.3: only `UTF-8` is defined. */
  charset: string | undefined;
  /** Which header carried it. */
  header: 'WWW-Authenticate' | 'Proxy-Authenticate';
}

/**
 * Parses WWW-Authenticate or Proxy-Authenticate values into Digest challenges. Values of other
 * schemes are skipped; a Digest value without realm or nonce, or that does not follow the
 * grammar, throws SipParseError SIP_AUTH_CHALLENGE_INVALID.
 */
export function parseChallenges(headerValues: string[], header: 'WWW-Authenticate' | 'Proxy-Authenticate' = 'WWW-Authenticate'): DigestChallenge[] {
  const out: DigestChallenge[] = [];
  for (const value of headerValues) {
    for (const c of parseAuthHeader(value, header)) {
      if (c.scheme.toLowerCase() !== 'digest') continue;
      const p = c.params;
      if (p.realm === undefined || p.nonce === undefined) {
        throw new SipParseError('SIP_AUTH_CHALLENGE_INVALID', `${header} Digest challenge lacks ${p.realm === undefined ? 'realm' : 'nonce'}`, {
          location: { header },
          expected: 'Digest realm="...", nonce="..." (RFC 3261 25.1: both are required)',
        });
      }
      out.push({
        scheme: 'Digest',
        realm: p.realm,
        nonce: p.nonce,
        opaque: p.opaque,
        algorithm: p.algorithm,
        qop: p.qop === undefined ? [] : p.qop.split(',').map((q) => q.trim().toLowerCase()).filter((q) => q.length > 0),
        stale: (p.stale ?? '').toLowerCase() === 'true',
        domain: p.domain,
        userhash: (p.userhash ?? '').toLowerCase() === 'true',
        charset: p.charset,
        header,
      });
    }
  }
  return out;
}
