import { describe, expect, it } from 'vitest';
import { evaluate, nagiosLine, NAGIOS } from '../../src/probe/evaluate.js';
import type { ProbeResult } from '../../src/probe/types.js';

function r(over: Partial<ProbeResult>): ProbeResult {
  return {
    target: 't', endpoint: '127.0.30.1:5060', transport: 'udp', role: 'primary', address: '127.0.30.1',
    success: true, outcome: 'answered', status: 200, reason: 'OK', rttMs: 5, durationSeconds: 0.005,
    dnsLookupSeconds: 0, auth: 'ok', algorithm: 'MD5', tls: undefined, error: undefined, at: '2026-11-22T13:00:00.000Z',
    ...over,
  };
}
const down = { success: false, outcome: 'timeout' as const, status: undefined, rttMs: undefined, auth: 'none' as const };
const T = { warnRttMs: 100, critRttMs: 500 };

describe('Nagios evaluation', () => {
  it('is OK when every endpoint answers in time', () => {
    const e = evaluate([r({}), r({ role: 'backup', endpoint: 'b:5060' })], T);
    expect(e.status).toBe(NAGIOS.OK);
    expect(nagiosLine(e, T)).toBe('SIP OK - 2/2 endpoints answer | rtt=5.000ms;100;500;0; answered=2;;;0;2');
  });
  it('is WARNING when a primary is down and a backup answers', () => {
    const e = evaluate([r(down), r({ role: 'backup', endpoint: 'b:5060' })], T);
    expect(e.status).toBe(NAGIOS.WARNING);
    expect(e.reasons[0]).toMatch(/^degraded: primary 127.0.30.1:5060\/udp down/);
  });
  it('is CRITICAL when nothing answers', () => {
    const e = evaluate([r(down), r({ ...down, role: 'backup' })], T);
    expect(e.status).toBe(NAGIOS.CRITICAL);
    expect(nagiosLine(e, T)).toMatch(/^SIP CRITICAL - no endpoint answers \(2 tried\).* \| rtt=Ums;100;500;0; answered=0;;;0;2$/);
  });
  it('is CRITICAL when authentication fails even though the peer answers', () => {
    expect(evaluate([r({ success: false, outcome: 'auth-failed', status: 403, auth: 'failed' })], T).status).toBe(NAGIOS.CRITICAL);
  });
  it('applies the RTT thresholds: over warn WARNING, over crit CRITICAL', () => {
    expect(evaluate([r({ rttMs: 150 })], T).status).toBe(NAGIOS.WARNING);
    expect(evaluate([r({ rttMs: 600 })], T).status).toBe(NAGIOS.CRITICAL);
    expect(evaluate([r({ rttMs: 600 })], { warnRttMs: undefined, critRttMs: undefined }).status).toBe(NAGIOS.OK);
  });
  it('warns about a TLS certificate expiring within 14 days, and reports the days as perfdata', () => {
    const tls = { version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', certExpires: '2026-11-27T13:00:00.000Z', certDaysLeft: 5 };
    const e = evaluate([r({ transport: 'tls', tls })], T);
    expect(e.status).toBe(NAGIOS.WARNING);
    expect(nagiosLine(e, T)).toContain('cert_days=5;14;;;');
    expect(evaluate([r({ transport: 'tls', tls: { ...tls, certDaysLeft: 30 } })], T).status).toBe(NAGIOS.OK);
  });
  it('is WARNING when a --target answers over some transports only', () => {
    const t = (transport: 'udp' | 'tcp', up: boolean) => r({ role: 'target', transport, ...(up ? {} : down) });
    const e = evaluate([t('udp', true), t('tcp', false)], T);
    expect(e.status).toBe(NAGIOS.WARNING);
    expect(e.reasons).toEqual(['degraded: 127.0.30.1:5060/tcp down']);
    expect(evaluate([t('udp', false), t('tcp', false)], T).status).toBe(NAGIOS.CRITICAL);
  });

  it('is CRITICAL when every forward-to-SIP entry fails, WARNING when some do', () => {
    const fwd = (ok: boolean, n: string) => r({ role: 'forward', target: n, ...(ok ? {} : down) });
    expect(evaluate([r({}), fwd(false, 'a'), fwd(false, 'b')], T).status).toBe(NAGIOS.CRITICAL);
    expect(evaluate([r({}), fwd(false, 'a'), fwd(true, 'b')], T).status).toBe(NAGIOS.WARNING);
  });
});
