import { createHmac, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkTtl, mintApplicationJwt, verifyApplicationJwt } from '../../src/service/jwt.js';
import { readPrivateKey } from '../../src/service/signing-keys.js';
import { SiptrunkError } from '../../src/util/siptrunk-error.js';

const priv = readPrivateKey(new URL('../../fixtures/service/test-jwt-key.pem', import.meta.url).pathname);
const pub = createPublicKey(priv);
const NOW = Date.parse('2026-11-22T12:00:00Z');

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof SiptrunkError) return e.code;
    throw e;
  }
  return undefined;
}

function b64(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

describe('application JWT', () => {
  it('has the carrier header and claims and verifies with the public key', () => {
    const m = mintApplicationJwt({ applicationId: 'app-1', privateKey: priv, now: NOW });
    const [h, p] = m.token.split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' });
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    expect(Object.keys(claims).sort()).toEqual(['application_id', 'exp', 'iat', 'jti', 'nbf']);
    expect(claims.exp - claims.iat).toBe(15 * 60);
    expect(claims.nbf).toBe(claims.iat);
    expect(m.expiresAt).toBe('2026-11-22T12:15:00.000Z');
    expect(verifyApplicationJwt(m.token, pub, { now: NOW }).application_id).toBe('app-1');
  });

  it('gives every token its own jti', () => {
    const a = mintApplicationJwt({ applicationId: 'a', privateKey: priv, now: NOW });
    const b = mintApplicationJwt({ applicationId: 'a', privateKey: priv, now: NOW });
    expect(a.claims.jti).not.toBe(b.claims.jti);
  });

  it.each([
    [29, 'SERVICE_JWT_TTL_RANGE'],
    [24 * 3600 + 1, 'SERVICE_JWT_TTL_RANGE'],
    [Number.NaN, 'SERVICE_JWT_TTL_RANGE'],
  ])('refuses a lifetime of %s s', (ttl, expected) => {
    expect(code(() => checkTtl(ttl))).toBe(expected);
    expect(code(() => mintApplicationJwt({ applicationId: 'a', privateKey: priv, ttlSeconds: ttl }))).toBe(expected);
  });

  it('accepts the limits themselves: 30 s and 24 h', () => {
    expect(mintApplicationJwt({ applicationId: 'a', privateKey: priv, ttlSeconds: 30, now: NOW }).expiresIn).toBe(30);
    expect(mintApplicationJwt({ applicationId: 'a', privateKey: priv, ttlSeconds: 86400, now: NOW }).expiresIn).toBe(86400);
  });

  it('refuses an expired token, allowing the clock skew', () => {
    const m = mintApplicationJwt({ applicationId: 'a', privateKey: priv, ttlSeconds: 60, now: NOW });
    expect(verifyApplicationJwt(m.token, pub, { now: NOW + 60_000 + 29_000, skewSeconds: 30 }).jti).toBe(m.claims.jti);
    expect(code(() => verifyApplicationJwt(m.token, pub, { now: NOW + 60_000 + 30_000, skewSeconds: 30 }))).toBe('SERVICE_JWT_EXPIRED');
  });

  it('refuses a token before nbf beyond the skew', () => {
    const m = mintApplicationJwt({ applicationId: 'a', privateKey: priv, now: NOW, nbfOffsetSeconds: 120 });
    expect(code(() => verifyApplicationJwt(m.token, pub, { now: NOW, skewSeconds: 30 }))).toBe('SERVICE_JWT_NOT_YET_VALID');
    expect(verifyApplicationJwt(m.token, pub, { now: NOW + 95_000, skewSeconds: 30 }).jti).toBe(m.claims.jti);
  });

  it('refuses a tampered payload', () => {
    const m = mintApplicationJwt({ applicationId: 'a', privateKey: priv, now: NOW });
    const [h, , s] = m.token.split('.');
    const forged = `${h}.${b64({ ...m.claims, application_id: 'admin' })}.${s}`;
    expect(code(() => verifyApplicationJwt(forged, pub, { now: NOW }))).toBe('SERVICE_JWT_SIGNATURE');
  });

  it('refuses a token signed by another key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey as KeyObject;
    const m = mintApplicationJwt({ applicationId: 'a', privateKey: other, now: NOW });
    expect(code(() => verifyApplicationJwt(m.token, pub, { now: NOW }))).toBe('SERVICE_JWT_SIGNATURE');
  });

  it('refuses alg none', () => {
    const m = mintApplicationJwt({ applicationId: 'a', privateKey: priv, now: NOW });
    const t = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(m.claims)}.`;
    expect(code(() => verifyApplicationJwt(t, pub, { now: NOW }))).toBe('SERVICE_JWT_ALGORITHM');
  });

  it('refuses HS256 signed with the public key as the HMAC secret (algorithm confusion)', () => {
    const m = mintApplicationJwt({ applicationId: 'a', privateKey: priv, now: NOW });
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(m.claims)}`;
    const pem = pub.export({ type: 'spki', format: 'pem' });
    const sig = createHmac('sha256', pem).update(input).digest('base64url');
    expect(code(() => verifyApplicationJwt(`${input}.${sig}`, pub, { now: NOW }))).toBe('SERVICE_JWT_ALGORITHM');
  });

  it.each(['', 'a.b', 'a.b.c.d', '!!.e30.sig', `${b64([1])}.${b64({})}.x`])('refuses the malformed token %j', (t) => {
    expect(code(() => verifyApplicationJwt(t, pub, { now: NOW }))).toMatch(/^SERVICE_JWT_(MALFORMED|ALGORITHM)$/);
  });

  it('refuses a correctly signed token that lacks a claim', () => {
    // Built by hand with the right key, so only the claim check can refuse it.
    const input = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iat: NOW / 1000, nbf: NOW / 1000, exp: NOW / 1000 + 60, jti: 'x' })}`;
    const t = `${input}.${sign('sha256', Buffer.from(input), priv).toString('base64url')}`;
    expect(code(() => verifyApplicationJwt(t, pub, { now: NOW }))).toBe('SERVICE_JWT_MALFORMED');
  });

  it('refuses a non-RSA signing key with a typed error', () => {
    const ec = new URL('../../fixtures/service/test-ec-key.pem', import.meta.url).pathname;
    expect(code(() => readPrivateKey(ec))).toBe('SERVICE_KEY_INVALID');
    expect(code(() => readPrivateKey('/nonexistent/key.pem'))).toBe('SERVICE_KEY_UNREADABLE');
  });
});
