import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mintApplicationJwt, verifyApplicationJwt } from '../../src/service/jwt.js';
import { loadSigningKeys } from '../../src/service/signing-keys.js';
import { SiptrunkError } from '../../src/util/siptrunk-error.js';

const dir = mkdtempSync(join(tmpdir(), 'siptrunk-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('token-signing keys', () => {
  it('creates an RSA key pair on first start with mode 0600, and loads the same one afterwards', () => {
    const file = join(dir, 'sub', 'jwt.pem');
    const first = loadSigningKeys(file, { create: true });
    expect(first.created).toBe(true);
    expect(first.privateKey.asymmetricKeyType).toBe('rsa');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const again = loadSigningKeys(file, { create: true });
    expect(again.created).toBe(false);
    const t = mintApplicationJwt({ applicationId: 'a', privateKey: first.privateKey }).token;
    expect(verifyApplicationJwt(t, again.publicKey).application_id).toBe('a');
  });

  it('refuses a missing file when creation is off, and a file that is not a key, naming the file only', () => {
    const missing = join(dir, 'missing.pem');
    expect(() => loadSigningKeys(missing, { create: false })).toThrow(SiptrunkError);
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a key at all');
    try {
      loadSigningKeys(junk, { create: true });
      expect.unreachable();
    } catch (e) {
      expect((e as SiptrunkError).code).toBe('SERVICE_KEY_INVALID');
      expect((e as SiptrunkError).location?.file).toBe(junk);
      expect((e as SiptrunkError).message).not.toContain('not a key at all');
    }
  });
});
