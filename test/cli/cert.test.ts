/** `siptrunk cert`: a self-signed client certificate and key, never overwritten, key mode 0600. */
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'siptrunk-cert-'));
  dirs.push(d);
  return d;
}

describe('siptrunk cert', () => {
  it('writes cert.pem and a 0600 key.pem that match, with the CN and validity asked for', async () => {
    const out = join(tmp(), 'client');
    const r = await runCli(['cert', '--out', out, '--cn', 'pbx.example.com', '--days', '30', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, cert: join(out, 'cert.pem'), key: join(out, 'key.pem'), commonName: 'pbx.example.com' });
    expect(r.stdout).not.toContain('PRIVATE KEY');
    const x = new X509Certificate(readFileSync(join(out, 'cert.pem')));
    expect(x.subject).toBe('CN=pbx.example.com');
    expect(x.issuer).toBe('CN=pbx.example.com');
    expect(x.subjectAltName).toBe('DNS:pbx.example.com');
    const days = (Date.parse(x.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(x.fingerprint256).toBe(j.fingerprint256);
    expect(x.checkPrivateKey(createPrivateKey(readFileSync(join(out, 'key.pem'))))).toBe(true);
    expect(statSync(join(out, 'key.pem')).mode & 0o777).toBe(0o600);
  });

  it('never overwrites an existing certificate (exit 3)', async () => {
    const out = tmp();
    expect((await runCli(['cert', '--out', out, '--cn', 'a'])).code).toBe(0);
    const before = readFileSync(join(out, 'key.pem'), 'utf8');
    const r = await runCli(['cert', '--out', out, '--cn', 'b']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('SIPUA_CERT_WRITE_FAILED');
    expect(readFileSync(join(out, 'key.pem'), 'utf8')).toBe(before);
  });

  it('rejects a validity outside 1-3650 days (exit 3)', async () => {
    for (const days of ['0', '4000', 'ten']) {
      const r = await runCli(['cert', '--out', join(tmp(), 'x'), '--days', days]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('SIPUA_CERT_BAD_DAYS');
    }
  });
});
