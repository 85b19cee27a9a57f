import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceConfig, normaliseServiceConfig } from '../../src/service/config.js';
import { SiptrunkError } from '../../src/util/siptrunk-error.js';

const DIR = new URL('../../fixtures/service/', import.meta.url).pathname;
const INVALID = join(DIR, 'invalid');

function load(file: string): SiptrunkError {
  try {
    loadServiceConfig(file);
  } catch (e) {
    if (e instanceof SiptrunkError) return e;
    throw e;
  }
  throw new Error(`${file} loaded without error`);
}

describe('service configuration', () => {
  it('loads the example with its defaults applied', () => {
    const c = loadServiceConfig(join(DIR, 'service.example.yaml'));
    expect(c.listen).toEqual({ host: '127.0.0.1', port: 9070 });
    expect(c.auth.publicRoutes).toEqual(['/healthz']);
    expect(c.auth.jwt.defaultTtlSeconds).toBe(900);
    expect(c.auth.jwt.privateKeyFile).toBe(join(DIR, 'service-jwt-key.pem'));
    expect(c.modules['sip_options']).toMatchObject({ method: 'options', timeoutMs: 2000, intervalMs: 30000, jitterMs: 2000, insecure: false });
    expect(c.targets.map((t) => [t.name, t.module, t.thresholds])).toEqual([
      ['nexmo-us1-udp', 'sip_options', { down: 3, up: 2 }],
      ['nexmo-us2-tcp', 'sip_options', { down: 3, up: 2 }],
      ['nexmo-eu1-tls', 'sip_options_tls', { down: 2, up: 1 }],
    ]);
    expect(c.shutdownTimeoutMs).toBe(10_000);
  });

  it('gives an empty document every default, with the sip_options module', () => {
    const c = normaliseServiceConfig({});
    expect(Object.keys(c.modules)).toEqual(['sip_options']);
    expect(c.auth.failedAuthRateLimit).toEqual({ burst: 10, refillPerSecond: 0.2 });
    expect(c.thresholds).toEqual({ down: 3, up: 2 });
  });

  it('reads the callee and caller of INVITE modules', () => {
    const c = normaliseServiceConfig({ modules: { call: { method: 'invite', to: '+14155550100' } } });
    expect(c.modules['call']).toMatchObject({ method: 'invite', call: { to: '+14155550100', from: 'siptrunk' } });
    expect(normaliseServiceConfig({}).modules['sip_options']?.call).toBeUndefined();
  });

  const files = readdirSync(INVALID).filter((f) => f.endsWith('.yaml')).sort();
  it.each(files)('refuses %s with the expected code, path, position and message', (f) => {
    const header = readFileSync(join(INVALID, f), 'utf8').split('\n')[0] as string;
    const m = /^# expect: (\S+) (\S+) (\d+):(\d+) (.+)$/.exec(header);
    expect(m, `header of ${f}`).not.toBeNull();
    const [, code, path, line, column, message] = m as unknown as string[];
    const e = load(join(INVALID, f));
    expect(e.code).toBe(code);
    if (path !== '-') expect(e.location?.path).toBe(path);
    expect(e.location?.file).toBe(join(INVALID, f));
    expect([e.location?.line, e.location?.column]).toEqual([Number(line), Number(column)]);
    expect(e.message).toContain(message);
    expect(e.expected).toBeTruthy();
  });

  it('names the unreadable file', () => {
    const e = load('/nonexistent/service.yaml');
    expect(e.code).toBe('SERVICE_CONFIG_UNREADABLE');
    expect(e.location?.file).toBe('/nonexistent/service.yaml');
  });
});
