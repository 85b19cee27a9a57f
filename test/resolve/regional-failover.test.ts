import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierProfile } from '../../src/model/types.js';
import { EndpointAvailability } from '../../src/resolve/endpoint-availability.js';
import { withFailover } from '../../src/resolve/failover.js';
import { TierRotation } from '../../src/resolve/regional-plan.js';
import { resolveTarget } from '../../src/resolve/resolve-target.js';
import { sipOptionsAttempt } from '../../src/resolve/sip-attempt.js';
import { SipClient } from '../../src/sip/user-agent/sip-client.js';
import { startDnsServer, type TestDnsServer, type Zone } from '../helpers/dns-server.js';
import { freePort } from '../helpers/ports.js';
import type { SippProcess } from '../helpers/sipp.js';
import { startSippUas } from '../helpers/sipp.js';
import { fileURLToPath } from 'node:url';
import { nexmoProfile } from './helpers/nexmo-profile.js';

const ATTEMPT_TIMEOUT_MS = 1000;
const scenario = (n: string) => fileURLToPath(new URL(`./peers/${n}.xml`, import.meta.url));

/**
 * sip.nexmo.com without SRV, pointed by our DNS server at six sipp peers standing in for the six
 * carrier endpoints: sip-XX1 never answers, sip-XX2 answers 200. The carrier profile is the
 * built-in one with its UDP port moved to the peers' port.
 */
describe('the carrier regional plan against real peers', () => {
  const hosts: Record<string, string> = {
    'sip-us1.nexmo.com': '127.0.20.11', 'sip-us2.nexmo.com': '127.0.20.12',
    'sip-eu1.nexmo.com': '127.0.20.13', 'sip-eu2.nexmo.com': '127.0.20.14',
    'sip-ap1.nexmo.com': '127.0.20.15', 'sip-ap2.nexmo.com': '127.0.20.16',
  };
  const peers: SippProcess[] = [];
  let dns: TestDnsServer;
  let client: SipClient;
  let carrier: CarrierProfile;

  beforeAll(async () => {
    for (let tries = 0; peers.length < 6 && tries < 5; tries++) {
      await Promise.all(peers.splice(0).map((p) => p.stop()));
      const port = await freePort('127.0.20.11');
      try {
        for (const [name, address] of Object.entries(hosts)) {
          peers.push(await startSippUas({ scenario: scenario(name.includes('1.') ? 'options-silent' : 'options-200'), host: address, port }));
        }
      } catch {
        // The port was taken on one of the addresses: try another.
      }
    }
    expect(peers).toHaveLength(6);
    const port = peers[0]!.port;
    carrier = { ...nexmoProfile(), ports: { udp: port, tcp: port, tls: port + 1 } };
    const zone: Zone = { 'sip.nexmo.com': { A: ['127.0.20.10'] } };
    for (const [name, address] of Object.entries(hosts)) zone[name] = { A: [address] };
    dns = await startDnsServer({ host: '127.0.20.1', zone });
    client = new SipClient({ localAddress: '127.0.20.1' });
  });

  afterAll(async () => {
    await client?.close();
    await dns?.close();
    await Promise.all(peers.map((p) => p.stop()));
  });

  it.each([
    ['us-east', 'us'],
    ['eu-west', 'eu'],
    ['ap-southeast', 'ap'],
  ])('region %s: the nearest endpoint is down, the plan fails over to its pair within the per-attempt timeout', async (region, prefix) => {
    const rotation = new TierRotation();
    const res = await resolveTarget('sip.nexmo.com', { dnsServer: dns.address, carrier, region, rotation });
    expect(res.source).toBe('regional');
    expect(res.plan.slice(0, 2).map((e) => [e.host, e.tier])).toEqual([[`sip-${prefix}1.nexmo.com`, 1], [`sip-${prefix}2.nexmo.com`, 1]]);
    // The domain's own address comes last, after the six endpoints.
    expect(res.plan.map((e) => e.address).at(-1)).toBe('127.0.20.10');
    const t0 = performance.now();
    const r = await withFailover(res.plan, sipOptionsAttempt(client), { attemptTimeoutMs: ATTEMPT_TIMEOUT_MS, availability: new EndpointAvailability() });
    const elapsed = performance.now() - t0;
    expect(r.attempts.map((a) => [a.target, a.outcome])).toEqual([[`sip-${prefix}1.nexmo.com`, 'timeout'], [`sip-${prefix}2.nexmo.com`, 'answered']]);
    // The timer may fire a little late on a loaded machine; the bound is the timeout, not a tight timing.
    expect(r.attempts[0]?.elapsedMs).toBeLessThan(ATTEMPT_TIMEOUT_MS + 250);
    expect(elapsed).toBeLessThan(2 * ATTEMPT_TIMEOUT_MS);

    // The next request starts with the other endpoint of the pair (load balancing), which answers at once.
    const next = await resolveTarget('sip.nexmo.com', { dnsServer: dns.address, carrier, region, rotation });
    expect(next.plan[0]?.host).toBe(`sip-${prefix}2.nexmo.com`);
    const r2 = await withFailover(next.plan, sipOptionsAttempt(client), { attemptTimeoutMs: ATTEMPT_TIMEOUT_MS, availability: new EndpointAvailability() });
    expect(r2.attempts).toHaveLength(1);
    expect(r2.answered?.status).toBe(200);
  });

  it('does not use the regional plan for an explicit port or another domain', async () => {
    const explicit = await resolveTarget('sip.nexmo.com:5070', { dnsServer: dns.address, carrier, region: 'us-east' });
    expect(explicit.regional).toBeUndefined();
    expect(explicit.plan.map((e) => `${e.address}:${e.port}`)).toEqual(['127.0.20.10:5070']);
    const other = await resolveTarget('sip-eu1.nexmo.com', { dnsServer: dns.address, carrier, region: 'us-east' });
    expect(other.regional).toBeUndefined();
    expect(other.plan.map((e) => e.address)).toEqual(['127.0.20.13']);
  });

  it('does not use the regional plan when the carrier domain has SRV records', async () => {
    dns.options.zone['_sip._udp.sip.nexmo.com'] = { SRV: [{ priority: 1, weight: 0, port: peers[1]!.port, target: 'sip-us2.nexmo.com' }] };
    try {
      const res = await resolveTarget('sip.nexmo.com', { dnsServer: dns.address, carrier, region: 'eu-west' });
      expect(res.regional).toBeUndefined();
      expect(res.source).toBe('srv');
      expect(res.plan.map((e) => e.host)).toEqual(['sip-us2.nexmo.com']);
    } finally {
      delete dns.options.zone['_sip._udp.sip.nexmo.com'];
    }
  });
});
