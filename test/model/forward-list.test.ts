import { describe, expect, it } from 'vitest';
import { parseForwardList, splitForwardList } from '../../src/model/rules/forward-list.js';

const opts = { rules: { timeoutMinMs: 2000, timeoutMaxMs: 20000, timeoutDefaultMs: 5000 }, carrierName: 'Nexmo' };

describe('parseForwardList', () => {
  it('reads the dashboard example as a comma-separated string, in failover order', () => {
    const r = parseForwardList('1234567890@mydomain.com, 1234567890@my2domain.com, 1234567890@my3domain.com', opts);
    expect(r.findings).toEqual([]);
    expect(r.entries.map((e) => [e.index, e.uri, e.transport, e.port, e.timeoutMs])).toEqual([
      [0, 'sip:1234567890@mydomain.com;timeout=5000', 'udp', 5060, 5000],
      [1, 'sip:1234567890@my2domain.com;timeout=5000', 'udp', 5060, 5000],
      [2, 'sip:1234567890@my3domain.com;timeout=5000', 'udp', 5060, 5000],
    ]);
    expect(r.entries[0]).toMatchObject({ input: '1234567890@mydomain.com', scheme: 'sip', user: '1234567890', host: 'mydomain.com', explicitPort: false });
  });

  it('takes a YAML list the same way', () => {
    const r = parseForwardList(['1234567890@mydomain.com', 'sip:1234567890@my2domain.com'], opts);
    expect(r.entries.map((e) => e.uri)).toEqual(['sip:1234567890@mydomain.com;timeout=5000', 'sip:1234567890@my2domain.com;timeout=5000']);
  });

  it('sips: means TLS on port 5061 unless a port is written', () => {
    const r = parseForwardList('sips:1234567890@mydomain.com, sips:1234567890@mydomain.com:5062', opts);
    expect(r.entries.map((e) => [e.scheme, e.transport, e.port, e.explicitPort])).toEqual([
      ['sips', 'tls', 5061, false],
      ['sips', 'tls', 5062, true],
    ]);
    expect(r.entries[1]!.uri).toBe('sips:1234567890@mydomain.com:5062;timeout=5000');
  });

  it('transport= picks the transport of a sip: URI; TLS defaults to port 5061', () => {
    const r = parseForwardList('a@x.example.com;transport=tcp, b@x.example.com;transport=TLS', opts);
    expect(r.entries.map((e) => [e.transport, e.port])).toEqual([['tcp', 5060], ['tls', 5061]]);
  });

  it('a timeout within 2000-20000 ms is kept; outside is an error', () => {
    const ok = parseForwardList('a@x.example.com;timeout=2000, b@x.example.com;timeout=20000', opts);
    expect(ok.entries.map((e) => e.timeoutMs)).toEqual([2000, 20000]);
    const bad = parseForwardList('a@x.example.com;timeout=1999, b@x.example.com;timeout=20001, c@x.example.com;timeout=5s, d@x.example.com;timeout', opts);
    expect(bad.entries).toEqual([]);
    expect(bad.findings.map((f) => [f.code, f.path])).toEqual([
      ['MODEL_FORWARD_TIMEOUT_RANGE', '/0'],
      ['MODEL_FORWARD_TIMEOUT_RANGE', '/1'],
      ['MODEL_FORWARD_TIMEOUT_RANGE', '/2'],
      ['MODEL_FORWARD_TIMEOUT_RANGE', '/3'],
    ]);
    expect(bad.findings[0]!.expected).toContain('2000..20000');
  });

  it('duplicates are errors, also when written differently', () => {
    const r = parseForwardList('1234@mydomain.com, sip:1234@MyDomain.com:5060, 1234@mydomain.com;transport=tcp', opts);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([['MODEL_FORWARD_DUPLICATE', '/1']]);
    expect(r.findings[0]!.message).toContain('entry 1');
    expect(r.entries.map((e) => e.index)).toEqual([0, 2]);
  });

  it.each([
    ['1234@192.168.1.10', 'private'],
    ['1234@10.0.0.1', 'private'],
    ['1234@127.0.0.1', 'loopback'],
    ['1234@169.254.1.1', 'link-local'],
    ['1234@[fe80::1]', 'link-local'],
    ['1234@[::1]', 'loopback'],
    ['1234@pbx.local', '.local'],
    ['1234@localhost', 'single-label'],
  ])('%s is a warning (%s): the carrier cannot reach it', (uri, why) => {
    const r = parseForwardList(uri, opts);
    expect(r.entries).toHaveLength(1);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ severity: 'warning', code: 'MODEL_FORWARD_PRIVATE_HOST' });
    expect(r.findings[0]!.message).toContain(why);
  });

  it('points at each entry of the string form by column', () => {
    const r = parseForwardList('a@x.example.com,  b@x.example.com:70000', opts);
    expect(r.findings).toMatchObject([{ code: 'MODEL_URI_PORT', path: '/1', column: 19 }]);
  });

  it('reports an empty entry (stray comma) and keeps the others', () => {
    const r = parseForwardList('a@x.example.com,,b@x.example.com', opts);
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([['MODEL_FORWARD_EMPTY_ENTRY', '/1']]);
    expect(r.entries.map((e) => e.index)).toEqual([0, 2]);
  });

  it.each([
    ['tel:+14155550100', 'MODEL_URI_SCHEME'],
    ['sips:a@x.example.com;transport=udp', 'MODEL_FORWARD_TRANSPORT_MISMATCH'],
    ['a@x.example.com;transport=sctp', 'MODEL_URI_PARAM'],
    ['a@x.example.com:0', 'MODEL_URI_PORT'],
    ['a b@x.example.com', 'MODEL_URI_SYNTAX'],
  ])('%s -> %s', (text, code) => {
    const r = parseForwardList(text, opts);
    expect(r.entries).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual([code]);
  });

  it('reads host:port without a scheme as sip:', () => {
    const r = parseForwardList('pbx.example.com:5070', opts);
    expect(r.entries[0]).toMatchObject({ uri: 'sip:pbx.example.com:5070;timeout=5000', user: undefined, port: 5070 });
  });

  it('an empty string is an empty list', () => {
    expect(parseForwardList('  ', opts)).toEqual({ entries: [], findings: [] });
    expect(splitForwardList('')).toEqual([]);
  });

  it('warns about ?headers, which are dropped', () => {
    const r = parseForwardList('sip:a@x.example.com?Subject=hi', opts);
    expect(r.findings).toMatchObject([{ severity: 'warning', code: 'MODEL_URI_HEADERS' }]);
    expect(r.entries[0]!.uri).toBe('sip:a@x.example.com;timeout=5000');
  });
});
