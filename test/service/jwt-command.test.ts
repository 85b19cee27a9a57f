import { createPublicKey } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/jwt.js';
import { verifyApplicationJwt } from '../../src/service/jwt.js';
import { readPrivateKey } from '../../src/service/signing-keys.js';
import { SiptrunkError } from '../../src/util/siptrunk-error.js';

const KEY = new URL('../../fixtures/service/test-jwt-key.pem', import.meta.url).pathname;

async function capture(opts: Record<string, unknown>): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await run([], opts);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

async function refusal(opts: Record<string, unknown>): Promise<SiptrunkError> {
  const err = await run([], opts).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(SiptrunkError);
  return err as SiptrunkError;
}

describe('siptrunk jwt', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints a token that verifies with the public key of the given private key', async () => {
    const { code, out } = await capture({ applicationId: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab', privateKey: KEY, ttl: '15m' });
    expect(code).toBe(0);
    const claims = verifyApplicationJwt(out.trim(), createPublicKey(readPrivateKey(KEY)));
    expect(claims.application_id).toBe('aaaaaaaa-bbbb-cccc-dddd-0123456789ab');
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('with --json gives the claims and the expiry time', async () => {
    const { out } = await capture({ applicationId: 'app', privateKey: KEY, ttl: '1h', json: true });
    const j = JSON.parse(out);
    expect(j.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(j.expiresIn).toBe(3600);
    expect(Date.parse(j.expiresAt)).toBe(j.claims.exp * 1000);
  });

  it('refuses --ttl 10s: below the carrier minimum of 30 s', async () => {
    const e = await refusal({ applicationId: 'app', privateKey: KEY, ttl: '10s' });
    expect(e.code).toBe('SERVICE_JWT_TTL_RANGE');
    expect(e.message).toContain('10 s');
    expect(e.expected).toContain('30s to 24h');
  });

  it('refuses --ttl 25h: above the carrier maximum of 24 h', async () => {
    const e = await refusal({ applicationId: 'app', privateKey: KEY, ttl: '25h' });
    expect(e.code).toBe('SERVICE_JWT_TTL_RANGE');
    expect(e.message).toContain('90000 s');
  });

  it('refuses a ttl that is not a duration', async () => {
    expect((await refusal({ applicationId: 'app', privateKey: KEY, ttl: 'soon' })).code).toBe('SERVICE_DURATION_SYNTAX');
  });

  it('names the missing key file without printing any key material', async () => {
    const e = await refusal({ applicationId: 'app', privateKey: '/nonexistent/private.key', ttl: '15m' });
    expect(e.code).toBe('SERVICE_KEY_UNREADABLE');
    expect(e.location?.file).toBe('/nonexistent/private.key');
  });
});
