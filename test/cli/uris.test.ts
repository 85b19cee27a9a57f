import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('siptrunk uris', () => {
  it('prints the failover order of the dashboard example and exits 0', async () => {
    const r = await runCli(['uris', '1234567890@mydomain.com, 1234567890@my2domain.com;timeout=8000, sips:1234567890@my3domain.com']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'Failover order (next entry on 5xx or timeout):',
      '  1. sip:1234567890@mydomain.com;timeout=5000  UDP mydomain.com port 5060 (default), timeout 5000 ms',
      '  2. sip:1234567890@my2domain.com;timeout=8000  UDP my2domain.com port 5060 (default), timeout 8000 ms',
      '  3. sips:1234567890@my3domain.com;timeout=5000  TLS my3domain.com port 5061 (default), timeout 5000 ms',
      'valid (3 entries, 0 errors, 0 warnings)',
    ]);
  });

  it('--json: entries with uri, scheme, host, port, transport and timeoutMs', async () => {
    const r = await runCli(['uris', '--json', 'sips:1234@pbx.example.com:5062, 1234@192.168.1.2']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['ok', 'errors', 'warnings', 'entries', 'findings']);
    expect(out.entries[0]).toMatchObject({ index: 0, uri: 'sips:1234@pbx.example.com:5062;timeout=5000', scheme: 'sips', host: 'pbx.example.com', port: 5062, transport: 'tls', timeoutMs: 5000 });
    expect(out.warnings).toBe(1);
    expect(out.findings[0]).toMatchObject({ severity: 'warning', code: 'MODEL_FORWARD_PRIVATE_HOST', path: '/1', column: 33 });
  });

  it('errors exit 1 with the column of the entry in the list', async () => {
    const r = await runCli(['uris', 'a@x.example.com, a@x.example.com;timeout=100']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('column 18: error MODEL_FORWARD_TIMEOUT_RANGE entry 2');
    const j = JSON.parse((await runCli(['uris', '--json', 'a@x.example.com, a@x.example.com'])).stdout);
    expect(j).toMatchObject({ ok: false, errors: 1, findings: [{ code: 'MODEL_FORWARD_DUPLICATE', path: '/1' }] });
  });
});
