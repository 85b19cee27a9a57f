import { describe, expect, it } from 'vitest';
import { checkSipUri } from '../../src/model/rules/sip-uri.js';

describe('checkSipUri accepts RFC 3261 SIP and SIPS URIs', () => {
  it.each([
    ['sip:1234567890@mydomain.com', { scheme: 'sip', user: '1234567890', host: 'mydomain.com', hostKind: 'domain', port: undefined }],
    ['sips:1234567890@mydomain.com:5062', { scheme: 'sips', user: '1234567890', host: 'mydomain.com', port: 5062 }],
    ['sip:pbx.example.com', { user: undefined, host: 'pbx.example.com' }],
    ['sip:alice@192.0.2.10:5080', { host: '192.0.2.10', hostKind: 'ipv4', port: 5080 }],
    ['sip:alice@[2001:db8::10]:5060', { host: '2001:db8::10', hostKind: 'ipv6', port: 5060 }],
    ['SIP:Alice@PBX.Example.COM', { scheme: 'sip', user: 'Alice', host: 'pbx.example.com' }],
    ['sip:%61lice@example.com;transport=tcp;lr', { user: '%61lice', params: { transport: 'tcp', lr: null } }],
    ['sip:+14155550100;npdi@example.com', { user: '+14155550100;npdi' }],
  ])('%s', (text, expected) => {
    const r = checkSipUri(text);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.uri).toMatchObject(expected);
  });

  it('keeps ?headers apart from parameters', () => {
    const r = checkSipUri('sip:a@example.com;x=1?Subject=hi');
    expect(r.uri).toMatchObject({ params: { x: '1' }, headers: { Subject: ['hi'] } });
  });
});

describe('checkSipUri rejects, saying what is wrong', () => {
  it.each([
    ['1234@example.com', 'MODEL_URI_SCHEME'],
    ['tel:+14155550100', 'MODEL_URI_SCHEME'],
    ['http://example.com', 'MODEL_URI_SCHEME'],
    ['sip:a@-bad.example.com', 'MODEL_URI_HOST'],
    ['sip:a@example.-com', 'MODEL_URI_HOST'],
    ['sip:a@192.0.2.300', 'MODEL_URI_HOST'],
    ['sip:a@2001:db8::1', 'MODEL_URI_HOST'],
    ['sip:a@[2001:db8::zz]', 'MODEL_URI_HOST'],
    ['sip:a@', 'MODEL_URI_HOST'],
    ['sip:a@example.com:0', 'MODEL_URI_PORT'],
    ['sip:a@example.com:65536', 'MODEL_URI_PORT'],
    ['sip:a@example.com:99999', 'MODEL_URI_PORT'],
    ['sip:a@example.com:', 'MODEL_URI_PORT'],
    ['sip:a@example.com:50x', 'MODEL_URI_PORT'],
    ['sip:a b@example.com', 'MODEL_URI_SYNTAX'],
    ['sip:a"b@example.com', 'MODEL_URI_SYNTAX'],
    ['sip:@example.com', 'MODEL_URI_SYNTAX'],
    ['sip:a@example.com;=x', 'MODEL_URI_SYNTAX'],
    ['sip:a@example.com;a"b', 'MODEL_URI_SYNTAX'],
  ])('%s -> %s', (text, code) => {
    const r = checkSipUri(text);
    expect(r.valid).toBe(false);
    expect(r.uri).toBeUndefined();
    expect(r.errors.map((e) => e.code)).toEqual([code]);
    expect(r.errors[0]!.expected.length).toBeGreaterThan(0);
  });
});
