import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const example = 'fixtures/models/nexmo-example.yaml';

describe('siptrunk validate', () => {
  it('prints the summary of the example and exits 0', async () => {
    const r = await runCli(['validate', example]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const text of [
      'Trunk nexmo',
      'Vonage (Nexmo) (nexmo), sip.nexmo.com',
      'API key abcd1234, secret from env:NEXMO_API_SECRET',
      '+447937947990 (JE)',
      '+14155550100 (US), +442079460018 (GB)',
      'PCMU, PCMA, G729',
      'udp, tcp, tls',
      'us-east (US East (Washington))',
      'asterisk-pjsip', 'asterisk-chansip', 'freepbx', 'freeswitch',
      'nftables, iptables, ufw, firewalld',
      '1. sip:1234567890@mydomain.com;timeout=5000  UDP port 5060, timeout 5000 ms',
      '3. sips:1234567890@my3domain.com:5062;timeout=5000  TLS port 5062, timeout 5000 ms',
      `${example}: valid (0 errors, 0 warnings)`,
    ]) {
      expect(r.stdout).toContain(text);
    }
    expect(r.stdout).not.toMatch(/\x1b\[/); // no colour when not a terminal
  });

  it('--json gives the stable shape with the model and no secret', async () => {
    const r = await runCli(['validate', example, '--json'], { env: { NEXMO_API_SECRET: 'do-not-print-me' } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['ok', 'file', 'errors', 'warnings', 'findings', 'model']);
    expect(out).toMatchObject({ ok: true, file: example, errors: 0, warnings: 0, findings: [] });
    expect(out.model.account).toEqual({ apiKey: 'abcd1234', secretRef: { kind: 'env', name: 'NEXMO_API_SECRET' } });
    expect(r.stdout).not.toContain('do-not-print-me');
  });

  it('an invalid model exits 1 with file:line:col findings and what would be valid', async () => {
    const file = 'fixtures/models/invalid/codec-duplicate.yaml';
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:10:22: error MODEL_CODEC_DUPLICATE "alaw" is PCMA, already listed at position 2`);
    expect(r.stdout).toContain('(at /codecs/2; expected each codec once, in preference order)');
    expect(r.stdout).toContain(`${file}: invalid (1 error, 0 warnings)`);
    expect(r.stdout).not.toContain('Trunk ');
  });

  it('an invalid model with --json exits 1 and lists the findings', async () => {
    const r = await runCli(['validate', 'fixtures/models/invalid/region-unknown.yaml', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.model).toBeNull();
    expect(out.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'MODEL_REGION_UNKNOWN', path: '/region', line: 9, column: 9, file: 'fixtures/models/invalid/region-unknown.yaml' }),
    ]);
  });

  it('warnings alone still exit 0', async () => {
    const r = await runCli(['validate', 'fixtures/models/warnings/codec-ulaw-outside-us.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning MODEL_CODEC_ULAW_OUTSIDE_US');
    expect(r.stdout).toContain('valid (0 errors, 1 warning)');
  });

  it('an unreadable file exits 2 naming it', async () => {
    const r = await runCli(['validate', 'fixtures/models/no-such-file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MODEL_FILE_UNREADABLE');
    expect(r.stderr).toContain('no-such-file.yaml: no such file');
    const j = await runCli(['validate', join('fixtures', 'models'), '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, error: { code: 'MODEL_FILE_UNREADABLE' } });
  });

  it('a missing argument is a usage error, exit 2', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});
