import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SipClient } from '../../src/sip/user-agent/sip-client.js';
import { EndpointAvailability } from '../../src/resolve/endpoint-availability.js';
import { withFailover } from '../../src/resolve/failover.js';
import { resolveTarget } from '../../src/resolve/resolve-target.js';
import { sipOptionsAttempt } from '../../src/resolve/sip-attempt.js';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';
import type { SippProcess } from '../helpers/sipp.js';
import { deadPort, startPeer } from './helpers/peers.js';

const ATTEMPT_TIMEOUT_MS = 1000;

/**
 * The failover walk against real peers found through real DNS: failover.test's SRV records name
 * four servers, in priority order: 127.0.20.2 has no listener, 127.0.20.3 answers 503 with
 * Retry-After: 30, 127.0.20.4 never answers, 127.0.20.5 answers 200.
 */
describe.each(['udp', 'tcp'] as const)('failover through an SRV plan over %s', (transport) => {
  const peers: SippProcess[] = [];
  let dns: TestDnsServer;
  let client: SipClient;
  const availability = new EndpointAvailability();

  beforeAll(async () => {
    const dead = await deadPort('127.0.20.2');
    const p503 = await startPeer('503-retry-after', '127.0.20.3', transport, 30);
    const silent = await startPeer('silent', '127.0.20.4', transport);
    const ok = await startPeer('200', '127.0.20.5', transport);
    peers.push(p503, silent, ok);
    const prefix = transport === 'udp' ? '_sip._udp' : '_sip._tcp';
    const service = transport === 'udp' ? 'SIP+D2U' : 'SIP+D2T';
    dns = await startDnsServer({
      host: '127.0.20.1',
      zone: {
        'failover.test': { NAPTR: [{ order: 10, preference: 10, flags: 's', services: service, regexp: '', replacement: `${prefix}.failover.test` }] },
        [`${prefix}.failover.test`]: {
          SRV: [
            { priority: 10, weight: 0, port: dead, target: 'nolistener.failover.test' },
            { priority: 20, weight: 0, port: p503.port, target: 'busy.failover.test' },
            { priority: 30, weight: 0, port: silent.port, target: 'silent.failover.test' },
            { priority: 40, weight: 0, port: ok.port, target: 'ok.failover.test' },
          ],
        },
        'nolistener.failover.test': { A: ['127.0.20.2'] },
        'busy.failover.test': { A: ['127.0.20.3'] },
        'silent.failover.test': { A: ['127.0.20.4'] },
        'ok.failover.test': { A: ['127.0.20.5'] },
      },
    });
    client = new SipClient({ localAddress: '127.0.20.1' });
  });

  afterAll(async () => {
    await client?.close();
    await dns?.close();
    await Promise.all(peers.map((p) => p.stop()));
  });

  it('ends at the fourth server, with every earlier attempt explained, within the sum of the timeouts', async () => {
    const plan = await resolveTarget('sip:failover.test', { dnsServer: dns.address });
    expect(plan.plan.map((e) => e.host)).toEqual(['nolistener.failover.test', 'busy.failover.test', 'silent.failover.test', 'ok.failover.test']);
    const t0 = performance.now();
    const r = await withFailover(plan.plan, sipOptionsAttempt(client), { attemptTimeoutMs: ATTEMPT_TIMEOUT_MS, availability });
    const elapsed = performance.now() - t0;
    expect(r.answered).toMatchObject({ target: 'ok.failover.test', address: '127.0.20.5', outcome: 'answered', status: 200, transport });
    expect(r.attempts.map((a) => [a.target, a.outcome, a.status])).toEqual([
      ['nolistener.failover.test', 'transport-error', undefined],
      ['busy.failover.test', 'unavailable', 503],
      ['silent.failover.test', 'timeout', undefined],
      ['ok.failover.test', 'answered', 200],
    ]);
    expect(r.attempts[0]?.error).toMatch(transport === 'udp' ? /unreachable/i : /refused/i);
    expect(r.attempts[1]?.retryAfterSeconds).toBe(30);
    expect(r.attempts[2]?.elapsedMs).toBeGreaterThanOrEqual(ATTEMPT_TIMEOUT_MS - 5);
    // The bound the engine promises: never more than the sum of the per-attempt timeouts.
    expect(elapsed).toBeLessThan(4 * ATTEMPT_TIMEOUT_MS);
  });

  it('skips the server that asked to be left alone (Retry-After) on the next request', async () => {
    const plan = await resolveTarget('sip:failover.test', { dnsServer: dns.address });
    const r = await withFailover(plan.plan, sipOptionsAttempt(client), { attemptTimeoutMs: ATTEMPT_TIMEOUT_MS, availability });
    const busy = r.attempts[1];
    expect(busy?.outcome).toBe('skipped-retry-after');
    expect(Date.parse(busy?.retryAt ?? '')).toBeGreaterThan(Date.now() + 20_000);
    expect(r.answered?.target).toBe('ok.failover.test');
  });
});
