/**
 * Property tests (fast-check): whatever arrives in an Authorization header or as a token, the
 * authenticator returns an outcome (never throws), and nothing but the right credentials
 * authenticates.
 */
import { createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiKeyStore, sha256 } from '../../src/service/api-keys.js';
import { authenticate } from '../../src/service/authenticator.js';
import { mintApplicationJwt, verifyApplicationJwt } from '../../src/service/jwt.js';
import { RevocationList } from '../../src/service/revocation-list.js';
import { readPrivateKey } from '../../src/service/signing-keys.js';
import { SiptrunkError } from '../../src/util/siptrunk-error.js';

const priv = readPrivateKey(new URL('../../fixtures/service/test-jwt-key.pem', import.meta.url).pathname);
const pub = createPublicKey(priv);
const SECRET = 'c0ffee0123456789abcdef0123456789abcdef0123456789';
const keys = new ApiKeyStore([{ key: 'ops', secretSha256: sha256(SECRET).toString('hex'), disabled: false }]);
const deps = { keys, publicKey: pub, revoked: new RevocationList(), skewSeconds: 30 };

describe('authenticator properties', () => {
  it('never throws and never authenticates an arbitrary header', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('Basic ', 'App ', 'Bearer ').chain((s) => fc.string().map((x) => s + x))), (h) => {
        const out = authenticate(h, deps);
        expect(out.ok).toBe(false);
        if (!out.ok) expect([401, 403]).toContain(out.status);
      }),
      { numRuns: 2000 },
    );
  });

  it('never authenticates Basic credentials other than the right pair', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (k, s) => {
        fc.pre(!(k === 'ops' && s === SECRET));
        const out = authenticate('Basic ' + Buffer.from(`${k}:${s}`).toString('base64'), deps);
        expect(out.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(authenticate('Basic ' + Buffer.from(`ops:${SECRET}`).toString('base64'), deps).ok).toBe(true);
  });

  it('refuses any change to a valid token with a typed error', () => {
    const token = mintApplicationJwt({ applicationId: 'ops', privateKey: priv }).token;
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), (i, c) => {
        fc.pre(token[i] !== c);
        const t = token.slice(0, i) + c + token.slice(i + 1);
        try {
          verifyApplicationJwt(t, pub);
        } catch (e) {
          expect(e).toBeInstanceOf(SiptrunkError);
          return;
        }
        // A change in base64url padding bits can decode to the same bytes; it must then be the same claims.
        expect(verifyApplicationJwt(t, pub)).toEqual(verifyApplicationJwt(token, pub));
      }),
      { numRuns: 500 },
    );
  });
});
