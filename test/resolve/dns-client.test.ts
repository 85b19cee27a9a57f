import dgram from 'node:dgram';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../../src/resolve/dns-client.js';
import { DnsCache } from '../../src/resolve/dns-cache.js';
import { parseDnsServer } from '../../src/resolve/dns-server-address.js';
import { startDnsServer, type TestDnsServer, type Zone } from '../helpers/dns-server.js';

const zone: Zone = {
  'example.test': {
    NAPTR: [{ order: 10, preference: 50, flags: 's', services: 'SIP+D2U', regexp: '', replacement: '_sip._udp.example.test' }],
    A: ['127.0.20.2'],
    AAAA: ['::1'],
    ttl: 300,
  },
  '_sip._udp.example.test': { SRV: [{ priority: 10, weight: 60, port: 5060, target: 'a.example.test' }], ttl: 120 },
  'alias.example.test': { CNAME: 'example.test', ttl: 30 },
};

describe('DNS client against the test DNS server', () => {
  let server: TestDnsServer;
  const started: TestDnsServer[] = [];
  beforeAll(async () => {
    server = await startDnsServer({ host: '127.0.20.1', zone });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(async () => {
    while (started.length) await started.pop()?.close();
  });

  it('returns NAPTR, SRV, A and AAAA records with their TTLs', async () => {
    const c = new DnsClient({ servers: [parseDnsServer(server.address)], cache: false });
    const naptr = await c.query('example.test', 'NAPTR');
    expect(naptr.records).toEqual([
      { name: 'example.test', ttl: 300, order: 10, preference: 50, flags: 's', services: 'SIP+D2U', regexp: '', replacement: '_sip._udp.example.test' },
    ]);
    const srv = await c.query('_sip._udp.example.test', 'SRV');
    expect(srv.records[0]).toMatchObject({ ttl: 120, priority: 10, weight: 60, port: 5060, target: 'a.example.test' });
    expect((await c.query('example.test', 'A')).records).toEqual([{ name: 'example.test', ttl: 300, family: 4, address: '127.0.20.2' }]);
    expect((await c.query('EXAMPLE.test.', 'AAAA')).records[0]).toMatchObject({ family: 6, address: '::1' });
    expect(srv.server).toBe(server.address);
  });

  it('follows a CNAME chain inside the answer', async () => {
    const c = new DnsClient({ servers: [parseDnsServer(server.address)], cache: false });
    const a = await c.query('alias.example.test', 'A');
    expect(a.records.map((r) => r.address)).toEqual(['127.0.20.2']);
  });

  it('reports NXDOMAIN as an empty answer with the SOA minimum as negative TTL', async () => {
    const c = new DnsClient({ servers: [parseDnsServer(server.address)], cache: false });
    const a = await c.query('nothing.example.test', 'SRV');
    expect(a.rcode).toBe('NXDOMAIN');
    expect(a.records).toEqual([]);
    expect(a.negativeTtl).toBe(30);
  });

  it('asks again over TCP when the UDP answer is truncated', async () => {
    const s = await startDnsServer({ host: '127.0.20.1', zone, truncateUdp: true });
    started.push(s);
    const c = new DnsClient({ servers: [parseDnsServer(s.address)], cache: false });
    const a = await c.query('example.test', 'NAPTR');
    expect(a.tcp).toBe(true);
    expect(a.records).toHaveLength(1);
    expect(s.queries.map((q) => q.transport)).toEqual(['udp', 'tcp']);
  });

  it('retries a dropped query and gets the answer', async () => {
    const s = await startDnsServer({ host: '127.0.20.1', zone, dropFirst: 1 });
    started.push(s);
    const c = new DnsClient({ servers: [parseDnsServer(s.address)], cache: false, timeoutMs: 200, attempts: 2 });
    const a = await c.query('example.test', 'A');
    expect(a.records).toHaveLength(1);
    expect(s.queries).toHaveLength(2);
  });

  it('moves to the next server when the first answers SERVFAIL, and names the code when all do', async () => {
    const bad = await startDnsServer({ host: '127.0.20.1', zone, servfail: true });
    started.push(bad);
    const c = new DnsClient({ servers: [parseDnsServer(bad.address), parseDnsServer(server.address)], cache: false, attempts: 1 });
    expect((await c.query('example.test', 'A')).server).toBe(server.address);
    const only = new DnsClient({ servers: [parseDnsServer(bad.address)], cache: false, attempts: 1 });
    await expect(only.query('example.test', 'A')).rejects.toMatchObject({ code: 'RESOLVE_DNS_SERVER_FAILURE' });
  });

  it('fails fast with a typed error when nothing listens on the server port (ICMP unreachable)', async () => {
    // Bind then close a socket to get a port nobody listens on.
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((r) => probe.bind(0, '127.0.20.1', () => r()));
    const port = probe.address().port;
    await new Promise<void>((r) => probe.close(() => r()));
    const c = new DnsClient({ servers: [{ host: '127.0.20.1', port }], cache: false, timeoutMs: 5000, attempts: 1 });
    const t0 = Date.now();
    await expect(c.query('example.test', 'A')).rejects.toMatchObject({ code: 'RESOLVE_DNS_TRANSPORT' });
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('times out with RESOLVE_DNS_TIMEOUT when the server never answers', async () => {
    const s = await startDnsServer({ host: '127.0.20.1', zone, dropFirst: 100 });
    started.push(s);
    const c = new DnsClient({ servers: [parseDnsServer(s.address)], cache: false, timeoutMs: 100, attempts: 2 });
    await expect(c.query('example.test', 'A')).rejects.toMatchObject({ code: 'RESOLVE_DNS_TIMEOUT' });
    expect(s.queries).toHaveLength(2);
  });

  it('answers the second identical query from the cache until the TTL runs out', async () => {
    let now = 1_000_000;
    const cache = new DnsCache({ now: () => now });
    const s = await startDnsServer({ host: '127.0.20.1', zone });
    started.push(s);
    const c = new DnsClient({ servers: [parseDnsServer(s.address)], cache });
    await c.query('_sip._udp.example.test', 'SRV');
    now += 100_000;
    const again = await c.query('_sip._udp.example.test', 'SRV');
    expect(again.cached).toBe(true);
    expect(again.records[0]?.ttl).toBe(20);
    expect(s.queries).toHaveLength(1);
    now += 20_000;
    const fresh = await c.query('_sip._udp.example.test', 'SRV');
    expect(fresh.cached).toBe(false);
    expect(s.queries).toHaveLength(2);
  });
});

describe('parseDnsServer', () => {
  it.each([
    ['127.0.0.1', { host: '127.0.0.1', port: 53 }],
    ['127.0.20.1:5353', { host: '127.0.20.1', port: 5353 }],
    ['::1', { host: '::1', port: 53 }],
    ['[::1]:5353', { host: '::1', port: 5353 }],
  ])('parses %s', (text, expected) => {
    expect(parseDnsServer(text)).toEqual(expected);
  });
  it.each(['dns.example.com', '127.0.0.1:0', '127.0.0.1:99999', '127.0.0.1:x', '[::1', ''])('rejects %s with RESOLVE_DNS_SERVER_INVALID', (text) => {
    expect(() => parseDnsServer(text)).toThrow(expect.objectContaining({ code: 'RESOLVE_DNS_SERVER_INVALID' }));
  });
});

describe('DNS client with a server that never answers', () => {
  it('skips it for later queries once it let a whole query time out', async () => {
    const s = await startDnsServer({ host: '127.0.20.1', zone, dropFirst: 1000 });
    try {
      const c = new DnsClient({ servers: [parseDnsServer(s.address)], cache: false, timeoutMs: 100, attempts: 2 });
      await expect(c.query('example.test', 'A')).rejects.toMatchObject({ code: 'RESOLVE_DNS_TIMEOUT', message: expect.stringContaining('(2 times)') });
      const sent = s.queries.length;
      await expect(c.query('example.test', 'AAAA')).rejects.toMatchObject({ code: 'RESOLVE_DNS_TIMEOUT', message: expect.stringContaining('did not answer an earlier query') });
      expect(s.queries.length).toBe(sent);
      // With the memory turned off, every query waits for its own timeout.
      const patient = new DnsClient({ servers: [parseDnsServer(s.address)], cache: false, timeoutMs: 50, attempts: 1, deadServerMs: 0 });
      await expect(patient.query('example.test', 'A')).rejects.toMatchObject({ code: 'RESOLVE_DNS_TIMEOUT' });
      await expect(patient.query('example.test', 'A')).rejects.toMatchObject({ code: 'RESOLVE_DNS_TIMEOUT' });
      expect(s.queries.length).toBe(sent + 2);
    } finally {
      await s.close();
    }
  });

  it('falls back to the hosts file for addresses when asked to (the system resolver default)', async () => {
    const s = await startDnsServer({ host: '127.0.20.1', zone });
    try {
      const c = new DnsClient({ servers: [parseDnsServer(s.address)], cache: false, hostsFallback: true });
      const a = await c.query('localhost', 'A');
      expect(a.server).toBe('system');
      expect(a.records.map((r) => r.address)).toContain('127.0.0.1');
      const strict = new DnsClient({ servers: [parseDnsServer(s.address)], cache: false });
      expect((await strict.query('localhost', 'A')).records).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
