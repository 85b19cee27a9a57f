import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DnsClient } from '../../src/resolve/dns-client.js';
import { parseDnsServer } from '../../src/resolve/dns-server-address.js';
import { resolveTarget } from '../../src/resolve/resolve-target.js';
import { seededRandom } from '../../src/resolve/seeded-random.js';
import { startDnsmasq, type Dnsmasq } from './helpers/dnsmasq.js';

// Our DNS client and RFC 3263 resolution against dnsmasq, a real DNS server we did not write.
describe('resolution against dnsmasq', () => {
  let dnsmasq: Dnsmasq;
  beforeAll(async () => {
    dnsmasq = await startDnsmasq({
      host: '127.0.20.200',
      ttl: 120,
      records: [
        '--naptr-record=interop.test,10,50,s,SIP+D2T,,_sip._tcp.interop.test',
        '--naptr-record=interop.test,20,50,s,SIP+D2U,,_sip._udp.interop.test',
        '--srv-host=_sip._tcp.interop.test,pbx1.interop.test,5070,10,100',
        '--srv-host=_sip._udp.interop.test,pbx2.interop.test,5080,10,100',
        '--host-record=pbx1.interop.test,127.0.20.51',
        '--host-record=pbx2.interop.test,127.0.20.52,::1',
        '--srv-host=_sip._udp.nonaptr.test,pbx2.interop.test,5090,5,10',
        // Answer for .test itself (NXDOMAIN for unknown names) rather than REFUSED for want of an upstream.
        '--local=/test/',
      ],
    });
  });
  afterAll(async () => {
    await dnsmasq?.stop();
  });

  it('reads NAPTR, SRV and A/AAAA records and their TTLs from dnsmasq', async () => {
    const c = new DnsClient({ servers: [parseDnsServer(dnsmasq.address)], cache: false });
    const n = await c.query('interop.test', 'NAPTR');
    // dnsmasq gives the records in another order than configured: DNS record order means nothing.
    expect(n.records.map((r) => [r.order, r.services, r.replacement]).sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual([
      [10, 'SIP+D2T', '_sip._tcp.interop.test'],
      [20, 'SIP+D2U', '_sip._udp.interop.test'],
    ]);
    const s = await c.query('_sip._tcp.interop.test', 'SRV');
    expect(s.records).toEqual([{ name: '_sip._tcp.interop.test', ttl: 120, priority: 10, weight: 100, port: 5070, target: 'pbx1.interop.test' }]);
    const a = await c.query('pbx2.interop.test', 'AAAA');
    expect(a.records).toEqual([{ name: 'pbx2.interop.test', ttl: 120, family: 6, address: '::1' }]);
    const none = await c.query('missing.interop.test', 'SRV');
    expect(none.rcode).toBe('NXDOMAIN');
    expect(none.records).toEqual([]);
    const nodata = await c.query('pbx1.interop.test', 'AAAA');
    expect(nodata.records).toEqual([]);
  });

  it('reports a REFUSED answer (a name outside what dnsmasq serves, no upstream) as RESOLVE_DNS_SERVER_FAILURE', async () => {
    const c = new DnsClient({ servers: [parseDnsServer(dnsmasq.address)], cache: false, attempts: 1 });
    await expect(c.query('sip.example.org', 'SRV')).rejects.toMatchObject({ code: 'RESOLVE_DNS_SERVER_FAILURE', message: expect.stringContaining('REFUSED') });
  });

  it('resolves a target the RFC 3263 way through dnsmasq', async () => {
    const r = await resolveTarget('sip:1234@interop.test', { dnsServer: dnsmasq.address, random: seededRandom(1) });
    expect(r.source).toBe('naptr');
    expect(r.plan.map((e) => `${e.transport} ${e.address}:${e.port}`)).toEqual([
      'tcp 127.0.20.51:5070', 'udp 127.0.20.52:5080', 'udp ::1:5080',
    ]);
    const srvOnly = await resolveTarget('nonaptr.test', { dnsServer: dnsmasq.address });
    expect(srvOnly.source).toBe('srv');
    expect(srvOnly.plan[0]).toMatchObject({ transport: 'udp', address: '127.0.20.52', port: 5090, priority: 5, weight: 10 });
  });
});
