import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForwardList } from '../../src/model/rules/forward-list.js';
import { EndpointAvailability } from '../../src/resolve/endpoint-availability.js';
import { walkForwardList } from '../../src/resolve/forward-walk.js';
import { dnsClientFor, resolveTarget } from '../../src/resolve/resolve-target.js';
import { sipOptionsAttempt } from '../../src/resolve/sip-attempt.js';
import { targetFromForwardEntry } from '../../src/resolve/sip-target.js';
import { SipClient } from '../../src/sip/user-agent/sip-client.js';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';
import type { SippProcess } from '../helpers/sipp.js';
import { deadPort, startPeer, type PeerKind } from './helpers/peers.js';
import { nexmoProfile } from './helpers/nexmo-profile.js';

const rules = nexmoProfile().forward;
const TIMEOUT = 2000; // the carrier's smallest ;timeout=

/** The carrier's forward-to-SIP walk against real sipp peers: 500, silent, 200, 486, and a dead port. */
describe('forward-to-SIP walk', () => {
  const uri: Record<string, string> = {};
  const peers: SippProcess[] = [];
  let dns: TestDnsServer;
  let client: SipClient;

  beforeAll(async () => {
    const kinds: Array<[PeerKind, string]> = [['500', '127.0.20.21'], ['silent', '127.0.20.22'], ['200', '127.0.20.23'], ['486', '127.0.20.24']];
    for (const [kind, host] of kinds) {
      const p = await startPeer(kind, host);
      peers.push(p);
      uri[kind] = `sip:1234@${host}:${p.port};timeout=${TIMEOUT}`;
    }
    uri['dead'] = `sip:1234@127.0.20.25:${await deadPort('127.0.20.25')};timeout=${TIMEOUT}`;
    dns = await startDnsServer({ host: '127.0.20.1', zone: { 'pbx.forward.test': { A: ['127.0.20.23'] } } });
    uri['named'] = `sip:1234@pbx.forward.test:${peers[2]!.port};timeout=${TIMEOUT}`;
    uri['nxdomain'] = `sip:1234@gone.forward.test;timeout=${TIMEOUT}`;
    client = new SipClient({ localAddress: '127.0.20.1' });
  });

  afterAll(async () => {
    await client?.close();
    await dns?.close();
    await Promise.all(peers.map((p) => p.stop()));
  });

  async function walk(...kinds: string[]) {
    const { entries, findings } = parseForwardList(kinds.map((k) => uri[k]!), { rules });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const dnsClient = dnsClientFor(dns.address);
    return walkForwardList(entries, {
      resolve: (e) => resolveTarget(targetFromForwardEntry(e), { dns: dnsClient }),
      attempt: sipOptionsAttempt(client),
      availability: new EndpointAvailability(),
    });
  }

  it('5xx, then timeout, then 200: the third entry takes the call', async () => {
    const r = await walk('500', 'silent', '200');
    expect(r.selected).toEqual({ index: 2, uri: uri['200'] });
    expect(r.attempts.map((a) => [a.index, a.outcome, a.status])).toEqual([
      [0, 'server-error', 500],
      [1, 'timeout', undefined],
      [2, 'answered', 200],
    ]);
    expect(r.attempts[0]?.why).toMatch(/500 .*5xx moves the call/);
    expect(r.attempts[1]?.why).toMatch(/no final answer within the entry's timeout of 2000 ms/);
    expect(r.attempts[1]?.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT - 5);
    expect(r.elapsedMs).toBeLessThan(3 * TIMEOUT);
  });

  it('200 first: the first entry takes the call and no other is tried', async () => {
    const r = await walk('200', '500', 'silent');
    expect(r.selected?.index).toBe(0);
    expect(r.attempts).toHaveLength(1);
  });

  it('timeout, then 486: a 4xx is a final answer, so the second entry takes the call', async () => {
    const r = await walk('silent', '486', '200');
    expect(r.selected?.index).toBe(1);
    expect(r.attempts.map((a) => [a.outcome, a.status])).toEqual([['timeout', undefined], ['answered', 486]]);
  });

  it('transport error, 5xx, timeout: no entry takes the call', async () => {
    const r = await walk('dead', '500', 'silent');
    expect(r.selected).toBeNull();
    expect(r.attempts.map((a) => a.outcome)).toEqual(['transport-error', 'server-error', 'timeout']);
    expect(r.attempts[0]?.why).toMatch(/unreachable/i);
  });

  it('a name that does not resolve moves on; a name that does is tried through DNS', async () => {
    const r = await walk('nxdomain', 'named');
    expect(r.attempts.map((a) => [a.outcome, a.address])).toEqual([['dns-error', undefined], ['answered', '127.0.20.23']]);
    expect(r.selected?.index).toBe(1);
  });
});
