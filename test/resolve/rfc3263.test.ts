import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DnsClient } from '../../src/resolve/dns-client.js';
import { parseDnsServer } from '../../src/resolve/dns-server-address.js';
import { resolveRfc3263 } from '../../src/resolve/rfc3263.js';
import { seededRandom } from '../../src/resolve/seeded-random.js';
import { parseSipTarget } from '../../src/resolve/sip-target.js';
import { startDnsServer, type TestDnsServer, type Zone } from '../helpers/dns-server.js';

const naptr = (order: number, preference: number, services: string, replacement: string, flags = 's') => ({ order, preference, flags, services, regexp: '', replacement });

const zone: Zone = {
  // NAPTR prefers TCP, then UDP; TLS also offered; one record with an unusable flag.
  'naptr.test': {
    NAPTR: [
      naptr(20, 10, 'SIP+D2U', '_sip._udp.naptr.test'),
      naptr(10, 10, 'SIP+D2T', '_sip._tcp.naptr.test'),
      naptr(30, 10, 'SIPS+D2T', '_sips._tcp.naptr.test'),
      naptr(5, 10, 'SIP+D2T', 'ignored.naptr.test', 'a'),
    ],
  },
  '_sip._tcp.naptr.test': { SRV: [{ priority: 1, weight: 0, port: 5070, target: 'tcp1.naptr.test' }], ttl: 40 },
  '_sip._udp.naptr.test': { SRV: [{ priority: 1, weight: 0, port: 5080, target: 'udp1.naptr.test' }] },
  '_sips._tcp.naptr.test': { SRV: [{ priority: 1, weight: 0, port: 5091, target: 'tls1.naptr.test' }] },
  'tcp1.naptr.test': { A: ['127.0.20.11'], ttl: 300 },
  'udp1.naptr.test': { A: ['127.0.20.12'] },
  'tls1.naptr.test': { A: ['127.0.20.13'], AAAA: ['::1'] },
  // No NAPTR: SRV for each transport.
  'srv.test': {},
  '_sip._udp.srv.test': {
    SRV: [
      { priority: 20, weight: 0, port: 5060, target: 'b.srv.test' },
      { priority: 10, weight: 0, port: 5062, target: 'a.srv.test' },
    ],
  },
  '_sips._tcp.srv.test': { SRV: [{ priority: 10, weight: 0, port: 5061, target: 'a.srv.test' }] },
  'a.srv.test': { A: ['127.0.20.21'] },
  'b.srv.test': { A: ['127.0.20.22', '127.0.20.23'] },
  // Neither NAPTR nor SRV.
  'plain.test': { A: ['127.0.20.31'], AAAA: ['::1'] },
  // SRV says "not here".
  'dot.test': { A: ['127.0.20.41'] },
  '_sip._udp.dot.test': { SRV: [{ priority: 0, weight: 0, port: 0, target: '.' }] },
};

describe('RFC 3263 resolution against a real DNS server', () => {
  let server: TestDnsServer;
  let dns: DnsClient;
  beforeAll(async () => {
    server = await startDnsServer({ host: '127.0.20.1', zone });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.queries.length = 0;
    dns = new DnsClient({ servers: [parseDnsServer(server.address)], cache: false, timeoutMs: 500 });
  });
  const resolve = (t: string, transports?: Array<'udp' | 'tcp' | 'tls'>) =>
    resolveRfc3263(parseSipTarget(t), { dns, random: seededRandom(1), ...(transports ? { transports } : {}) });

  it('uses a numeric address as is, with no DNS query (4.2)', async () => {
    const r = await resolve('sips:127.0.20.9');
    expect(r.plan).toEqual([{ host: '127.0.20.9', address: '127.0.20.9', family: 4, port: 5061, transport: 'tls', source: 'numeric' }]);
    expect(server.queries).toEqual([]);
  });

  it('skips NAPTR and SRV when the port is explicit, and looks up A/AAAA only (4.2)', async () => {
    const r = await resolve('naptr.test:5099');
    expect(server.queries.map((q) => q.type)).toEqual(['A', 'AAAA']);
    expect(r.source).toBe('explicit-port');
    expect(r.plan).toEqual([]);
    const p = await resolve('plain.test:5099;transport=tcp');
    expect(p.plan.map((e) => [e.address, e.port, e.transport])).toEqual([['127.0.20.31', 5099, 'tcp'], ['::1', 5099, 'tcp']]);
  });

  it('skips NAPTR when the transport is explicit and queries the SRV of that transport (4.1)', async () => {
    const r = await resolve('sip:naptr.test;transport=tcp');
    expect(server.queries[0]).toMatchObject({ name: '_sip._tcp.naptr.test', type: 'SRV' });
    expect(server.queries.some((q) => q.type === 'NAPTR')).toBe(false);
    expect(r.plan[0]).toMatchObject({ host: 'tcp1.naptr.test', address: '127.0.20.11', port: 5070, transport: 'tcp', source: 'srv' });
  });

  it('follows NAPTR order (flag "s" only) into SRV and A/AAAA, keeping the smallest TTL', async () => {
    const r = await resolve('naptr.test');
    expect(r.source).toBe('naptr');
    expect(r.plan.map((e) => `${e.transport} ${e.address}:${e.port}`)).toEqual([
      'tcp 127.0.20.11:5070', 'udp 127.0.20.12:5080', 'tls 127.0.20.13:5091', 'tls ::1:5091',
    ]);
    expect(r.plan[0]?.ttl).toBe(40);
    expect(r.srvFound).toBe(true);
    expect(server.queries.some((q) => q.name === 'ignored.naptr.test')).toBe(false);
  });

  it('uses only SIPS+D2T for a sips URI, and only supported transports', async () => {
    const s = await resolve('sips:naptr.test');
    expect(s.plan.every((e) => e.transport === 'tls')).toBe(true);
    const u = await resolve('naptr.test', ['udp']);
    expect(u.plan.map((e) => e.transport)).toEqual(['udp']);
  });

  it('queries SRV for each supported transport when there is no NAPTR, lowest priority first', async () => {
    const r = await resolve('srv.test');
    expect(server.queries.filter((q) => q.type === 'SRV').map((q) => q.name)).toEqual([
      '_sip._udp.srv.test', '_sip._tcp.srv.test', '_sips._tcp.srv.test',
    ]);
    expect(r.source).toBe('srv');
    expect(r.plan.map((e) => `${e.transport} ${e.host} ${e.address}:${e.port}`)).toEqual([
      'udp a.srv.test 127.0.20.21:5062',
      'udp b.srv.test 127.0.20.22:5060',
      'udp b.srv.test 127.0.20.23:5060',
      'tls a.srv.test 127.0.20.21:5061',
    ]);
    // a.srv.test is looked up once for both transports.
    expect(server.queries.filter((q) => q.name === 'a.srv.test' && q.type === 'A')).toHaveLength(1);
  });

  it('falls back to A/AAAA with UDP 5060 for sip and TLS 5061 for sips when there is no SRV (4.1, 4.2)', async () => {
    const r = await resolve('plain.test');
    expect(r.source).toBe('address');
    expect(r.plan.map((e) => `${e.transport} ${e.address}:${e.port}`)).toEqual(['udp 127.0.20.31:5060', 'udp ::1:5060']);
    const s = await resolve('sips:plain.test');
    expect(s.plan.map((e) => `${e.transport} ${e.address}:${e.port}`)).toEqual(['tls 127.0.20.31:5061', 'tls ::1:5061']);
  });

  it('treats an SRV target of "." as service not available there', async () => {
    const r = await resolve('dot.test', ['udp']);
    expect(r.notes.join('\n')).toMatch(/decidedly not available/);
    expect(r.plan.map((e) => e.address)).toEqual(['127.0.20.41']);
  });

  it('records a DNS failure in the tree and goes on', async () => {
    const bad = await startDnsServer({ host: '127.0.20.1', zone, servfail: true });
    try {
      const c = new DnsClient({ servers: [parseDnsServer(bad.address)], cache: false, attempts: 1 });
      const r = await resolveRfc3263(parseSipTarget('plain.test'), { dns: c });
      expect(r.plan).toEqual([]);
      expect(r.tree.naptr?.error?.code).toBe('RESOLVE_DNS_SERVER_FAILURE');
      expect(r.tree.addresses[0]?.error?.code).toBe('RESOLVE_DNS_SERVER_FAILURE');
    } finally {
      await bad.close();
    }
  });
});
