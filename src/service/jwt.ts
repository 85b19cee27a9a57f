/**
 * RS256 JSON Web Tokens shaped like the carrier's application JWTs
 * (reference: nexmo-authentication.txt, "JSON Web Tokens (JWT)"; RFC 7519, RFC 7515, RFC 7518):
 * header `{ alg: "RS256", typ: "JWT" }`, claims `application_id`, `iat`, `nbf`, `exp`, `jti`.
 * Lifetime: 15 minutes by default, at least 30 seconds, at most 24 hours, as the carrier says.
 *
 * Only node:crypto is used. Verification accepts RS256 and nothing else: a token whose header
 * says `none`, `HS256` (the RSA public key used as an HMAC secret: the classic algorithm
 * confusion) or anything other than RS256 is refused before any signature check
 * (RFC 8725 section 3.1: "libraries MUST enable the caller to specify a supported set of
 * algorithms and MUST NOT use any other algorithms").
 */
import { createPublicKey, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { SiptrunkError } from '../util/siptrunk-error.js';

export const JWT_TTL_DEFAULT_SECONDS = 15 * 60;
export const JWT_TTL_MIN_SECONDS = 30;
export const JWT_TTL_MAX_SECONDS = 24 * 3600;

export interface ApplicationClaims {
  application_id: string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
  [extra: string]: unknown;
}

export interface MintedToken {
  token: string;
  claims: ApplicationClaims;
  /** ISO 8601 time the token stops being valid. */
  expiresAt: string;
  expiresIn: number;
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** Checks a lifetime in seconds against the carrier's limits (30 s .. 24 h). */
export function checkTtl(ttlSeconds: number, where = 'ttl'): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds < JWT_TTL_MIN_SECONDS || ttlSeconds > JWT_TTL_MAX_SECONDS) {
    throw new SiptrunkError(
      'SERVICE_JWT_TTL_RANGE',
      `${where}: a token lifetime of ${ttlSeconds} s is outside the carrier's limits`,
      { expected: 'a lifetime from 30s to 24h (the carrier minimum and maximum); 15m is the default' },
    );
  }
  return ttlSeconds;
}

/** Mints an RS256 application JWT. `now` is in milliseconds (tests pass a fixed clock). */
export function mintApplicationJwt(opts: {
  applicationId: string;
  privateKey: KeyObject;
  ttlSeconds?: number;
  now?: number;
  jti?: string;
  /** Shifts nbf relative to iat (tests make not-yet-valid tokens with it). */
  nbfOffsetSeconds?: number;
}): MintedToken {
  const ttl = checkTtl(opts.ttlSeconds ?? JWT_TTL_DEFAULT_SECONDS);
  if (opts.privateKey.type !== 'private' || opts.privateKey.asymmetricKeyType !== 'rsa') {
    throw new SiptrunkError('SERVICE_KEY_INVALID', 'the signing key is not an RSA private key', {
      expected: 'a PEM RSA private key (PKCS#1 or PKCS#8)',
    });
  }
  const iat = Math.floor((opts.now ?? Date.now()) / 1000);
  const claims: ApplicationClaims = {
    application_id: opts.applicationId,
    iat,
    nbf: iat + (opts.nbfOffsetSeconds ?? 0),
    exp: iat + Math.floor(ttl),
    jti: opts.jti ?? randomUUID(),
  };
  const signingInput = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(signingInput), opts.privateKey);
  return {
    token: `${signingInput}.${b64url(signature)}`,
    claims,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    expiresIn: claims.exp - iat,
  };
}

function fail(code: string, message: string, expected?: string): never {
  throw new SiptrunkError(code, message, expected ? { expected } : {});
}

function decodeJsonSegment(seg: string, what: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]+$/.test(seg)) fail('SERVICE_JWT_MALFORMED', `the token ${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(seg, 'base64url').toString('utf8'));
  } catch {
    fail('SERVICE_JWT_MALFORMED', `the token ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('SERVICE_JWT_MALFORMED', `the token ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Verifies an application JWT: three segments, header alg RS256 (only), signature, claims
 * present and well typed, nbf and exp with `skewSeconds` of clock allowance (RFC 7519 4.1.4,
 * 4.1.5: "some small leeway"). Revocation is the caller's (it owns the revocation list).
 * Throws SiptrunkError with a SERVICE_JWT_* code; never includes the token in the message.
 */
export function verifyApplicationJwt(
  token: string,
  publicKey: KeyObject,
  opts: { now?: number; skewSeconds?: number } = {},
): ApplicationClaims {
  const parts = token.split('.');
  if (parts.length !== 3) fail('SERVICE_JWT_MALFORMED', `the token has ${parts.length} segments`, 'header.payload.signature');
  const [h, p, s] = parts as [string, string, string];
  const header = decodeJsonSegment(h, 'header');
  if (header['alg'] !== 'RS256') {
    fail('SERVICE_JWT_ALGORITHM', `the token algorithm ${JSON.stringify(header['alg'])} is not accepted`, 'alg RS256');
  }
  if (header['typ'] !== undefined && header['typ'] !== 'JWT') {
    fail('SERVICE_JWT_MALFORMED', `the token type ${JSON.stringify(header['typ'])} is not JWT`, 'typ JWT');
  }
  if (header['crit'] !== undefined) fail('SERVICE_JWT_MALFORMED', 'the token has critical header extensions', 'no crit header');
  if (!/^[A-Za-z0-9_-]+$/.test(s)) fail('SERVICE_JWT_MALFORMED', 'the token signature is not base64url');
  const pub = publicKey.type === 'private' ? createPublicKey(publicKey) : publicKey;
  const ok = verify('sha256', Buffer.from(`${h}.${p}`), pub, Buffer.from(s, 'base64url'));
  if (!ok) fail('SERVICE_JWT_SIGNATURE', 'the token signature does not verify with the service key');
  const claims = decodeJsonSegment(p, 'payload');
  for (const name of ['iat', 'nbf', 'exp'] as const) {
    if (typeof claims[name] !== 'number' || !Number.isFinite(claims[name])) {
      fail('SERVICE_JWT_MALFORMED', `the token claim ${name} is missing or not a number`, `${name}: NumericDate`);
    }
  }
  for (const name of ['application_id', 'jti'] as const) {
    if (typeof claims[name] !== 'string' || claims[name] === '') {
      fail('SERVICE_JWT_MALFORMED', `the token claim ${name} is missing or not a string`, `${name}: non-empty string`);
    }
  }
  const c = claims as ApplicationClaims;
  const now = (opts.now ?? Date.now()) / 1000;
  const skew = opts.skewSeconds ?? 30;
  if (now >= c.exp + skew) fail('SERVICE_JWT_EXPIRED', `the token expired at ${new Date(c.exp * 1000).toISOString()}`);
  if (now < c.nbf - skew) fail('SERVICE_JWT_NOT_YET_VALID', `the token is not valid before ${new Date(c.nbf * 1000).toISOString()}`);
  return c;
}
