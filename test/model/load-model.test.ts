import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, validateModel, validateModelObject } from '../../src/model/load-model.js';
import { SiptrunkError } from '../../src/util/siptrunk-error.js';
import { loadCarrierProfile } from '../../src/carriers/load-carrier.js';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'fixtures', 'models', 'nexmo-example.yaml');

const minimal = `account:
  apiKey: abcd1234
  secret: \${NEXMO_API_SECRET}
numbers:
  callerId: "+14155550100"
region: us-east
`;

describe('loadModel on the bundled example', () => {
  it('is valid with no findings and gives the whole TrunkModel', async () => {
    const r = await loadModel(example);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    const m = r.model!;
    expect(m.source).toBe(example);
    expect(m.name).toBe('nexmo');
    expect(m.carrier.domain).toBe('sip.nexmo.com');
    expect(m.account).toEqual({ apiKey: 'abcd1234', secretRef: { kind: 'env', name: 'NEXMO_API_SECRET' } });
    expect(m.callerId).toEqual({ input: '+447937947990', e164: '+447937947990', country: 'JE', callingCode: '44', nationalNumber: '7937947990' });
    expect(m.dids.map((d) => d.e164)).toEqual(['+14155550100', '+442079460018']);
    expect(m.codecs).toEqual(['PCMU', 'PCMA', 'G729']);
    expect(m.transports).toEqual(['udp', 'tcp', 'tls']);
    expect(m.region).toBe('us-east');
    expect(m.pbx.map((p) => p.kind)).toEqual(['asterisk-pjsip', 'asterisk-chansip', 'freepbx', 'freeswitch']);
    expect(m.firewall).toEqual(['nftables', 'iptables', 'ufw', 'firewalld']);
    expect(m.forward.map((f) => [f.uri, f.transport, f.port, f.timeoutMs])).toEqual([
      ['sip:1234567890@mydomain.com;timeout=5000', 'udp', 5060, 5000],
      ['sip:1234567890@my2domain.com;timeout=8000', 'udp', 5060, 8000],
      ['sips:1234567890@my3domain.com:5062;timeout=5000', 'tls', 5062, 5000],
    ]);
    expect(m.dnsServer).toBeUndefined();
  });

  it('applies the PBX defaults of the carrier document', async () => {
    const m = (await loadModel(example)).model!;
    const byKind = Object.fromEntries(m.pbx.map((p) => [p.kind, p]));
    expect(byKind['asterisk-pjsip']).toMatchObject({ inboundContext: 'inbound', inboundExtension: '1000', qualifySeconds: 120, register: true, nat: false, outboundPatterns: ['_00X.'] });
    expect(byKind['asterisk-chansip']).toMatchObject({ inboundContext: 'nexmo' });
    expect(byKind['freeswitch']).toMatchObject({ inboundContext: 'public', outboundPatterns: ['^00(\\d+)$'] });
  });
});

describe('validateModel', () => {
  it('applies the defaults to a minimal model', () => {
    const r = validateModel(minimal);
    expect(r.findings).toEqual([]);
    expect(r.model).toMatchObject({ name: 'nexmo', codecs: ['PCMU', 'PCMA', 'G729'], transports: ['udp'], pbx: [], forward: [], firewall: [], dids: [] });
    expect(validateModel(minimal.replace('us-east', 'eu-west')).model!.codecs).toEqual(['PCMA', 'G729']);
  });

  it('reports several errors at once, each with code, path, position and expected', () => {
    const text = minimal.replace('"+14155550100"', '"+3312"') + 'codecs: [PCMA, opus]\nforwardToSip: a@b.example.com;timeout=1\n';
    const r = validateModel(text, { file: 'm.yaml' });
    expect(r.ok).toBe(false);
    expect(r.model).toBeUndefined();
    expect(r.findings.map((f) => [f.code, f.path, f.line, f.column])).toEqual([
      ['MODEL_E164_INVALID_LENGTH', '/numbers/callerId', 5, 13],
      ['MODEL_CODEC_UNSUPPORTED', '/codecs/1', 7, 16],
      ['MODEL_FORWARD_TIMEOUT_RANGE', '/forwardToSip', 8, 15],
    ]);
    for (const f of r.findings) {
      expect(f.file).toBe('m.yaml');
      expect(f.expected).toBeTruthy();
    }
  });

  it('names an unknown key, lists the allowed keys and suggests the close one', () => {
    const r = validateModel(minimal.replace('  apiKey:', '  apikey:'));
    const f = r.findings.find((x) => x.code === 'MODEL_SCHEMA_UNKNOWN_KEY')!;
    expect(f.path).toBe('/account/apikey');
    expect(f.message).toContain('did you mean "apiKey"');
    expect(f.expected).toBe('one of the keys apiKey, secret');
    expect([f.line, f.column]).toEqual([2, 3]);
    expect(r.findings.some((x) => x.code === 'MODEL_SCHEMA_REQUIRED' && x.message.includes('"apiKey"'))).toBe(true);
  });

  it('reads numbers written without quotes from their source text, keeping the +', () => {
    const r = validateModel(minimal.replace('"+14155550100"', '+14155550100') + 'numbers2: 1\n'.slice(0, 0));
    expect(r.model!.callerId.e164).toBe('+14155550100');
    const dids = validateModel(minimal.replace('  callerId: "+14155550100"', '  callerId: 447937947990\n  dids: [+442079460018, 14155550100]'));
    expect(dids.findings).toEqual([]);
    expect(dids.model!.dids.map((d) => d.input)).toEqual(['+442079460018', '14155550100']);
  });

  it('reports YAML syntax errors with their position', () => {
    const r = validateModel('account: [\n', { file: 'x.yaml' });
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ code: 'MODEL_YAML_SYNTAX', file: 'x.yaml' });
    expect(r.findings[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it('an empty document is not a mapping', () => {
    expect(validateModel('').findings.map((f) => f.code)).toEqual(['MODEL_NOT_A_MAPPING']);
    expect(validateModel('just text').findings.map((f) => f.code)).toEqual(['MODEL_NOT_A_MAPPING']);
  });

  it('refuses alias bombs without hanging', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const r = validateModel(lines.join('\n'));
    expect(r.ok).toBe(false);
    expect(r.findings[0]!.code).toBe('MODEL_YAML_SYNTAX');
  });
});

describe('carrier profiles', () => {
  it('the built-in nexmo profile holds the carrier document facts', () => {
    const p = loadCarrierProfile('nexmo');
    expect(p.domain).toBe('sip.nexmo.com');
    expect(p.endpoints.map((e) => `${e.host} ${e.region} ${e.location}`)).toEqual([
      'sip-us1.nexmo.com us Washington', 'sip-us2.nexmo.com us Washington',
      'sip-eu1.nexmo.com eu London', 'sip-eu2.nexmo.com eu London',
      'sip-ap1.nexmo.com ap Singapore', 'sip-ap2.nexmo.com ap Singapore',
    ]);
    expect(p.signallingAddresses).toEqual(['173.193.199.24', '174.37.245.34', '5.10.112.121', '5.10.112.122', '119.81.44.6', '119.81.44.7']);
    expect(p.ports).toEqual({ udp: 5060, tcp: 5060, tls: 5061 });
    expect(p.media).toEqual({ portMin: 10000, portMax: 20000 });
    expect(p.codecs).toEqual(['PCMA', 'PCMU', 'iLBC', 'G729', 'G722', 'speex16']);
    expect(p.dtmf).toBe('rfc2833');
    expect(p.tls.minVersion).toBe('TLSv1.2');
    expect(p.forward).toEqual({ timeoutMinMs: 2000, timeoutMaxMs: 20000, timeoutDefaultMs: 5000 });
    const ids = p.regions.map((r) => r.id);
    for (const id of ['us-east', 'us-west', 'us', 'ca', 'br', 'eu-west', 'uk', 'eu-central', 'za', 'in', 'ap-southeast', 'sg', 'jp', 'au']) expect(ids).toContain(id);
    expect(p.regions.filter((r) => r.ulaw).map((r) => r.id).sort()).toEqual(['us', 'us-east', 'us-west']);
  });

  it('returns a copy: changing it does not change the next load', () => {
    loadCarrierProfile('nexmo').domain = 'changed.example.com';
    expect(loadCarrierProfile('nexmo').domain).toBe('sip.nexmo.com');
  });

  it('an unknown built-in id throws MODEL_CARRIER_UNKNOWN listing the known ones', () => {
    expect(() => loadCarrierProfile('nope')).toThrow(SiptrunkError);
    try {
      loadCarrierProfile('nope');
    } catch (e) {
      expect((e as SiptrunkError).code).toBe('MODEL_CARRIER_UNKNOWN');
      expect((e as SiptrunkError).expected).toContain('nexmo');
    }
  });

  it('a model may override fields of the built-in profile', () => {
    const r = validateModel(minimal + 'carrier:\n  base: nexmo\n  domain: sip.example.net\n  media: { portMax: 30000 }\n  codecs: [PCMA, G729]\n');
    expect(r.findings).toEqual([]);
    expect(r.model!.carrier).toMatchObject({ id: 'nexmo', domain: 'sip.example.net', media: { portMin: 10000, portMax: 30000 }, codecs: ['PCMA', 'G729'] });
    expect(r.model!.codecs).toEqual(['PCMA', 'G729']);
  });

  it('a model may describe another carrier fully, and must then give every field', () => {
    const full = { ...loadCarrierProfile('nexmo'), id: 'other', name: 'Other', domain: 'sip.other.example' };
    const obj = { account: { apiKey: 'k', secret: '${S}' }, numbers: { callerId: '+14155550100' }, region: 'us-east', carrier: full };
    const r = validateModelObject(obj);
    expect(r.findings).toEqual([]);
    expect(r.model!.carrier.id).toBe('other');
    expect(r.model!.name).toBe('other');
    const { forward: _f, ...partial } = full;
    const bad = validateModelObject({ ...obj, carrier: partial });
    expect(bad.findings.map((f) => [f.code, f.path])).toContainEqual(['MODEL_SCHEMA_REQUIRED', '/carrier']);
  });
});

describe('validateModelObject', () => {
  it('validates parsed data without changing it', () => {
    const obj = { account: { apiKey: 'k', secret: { env: 'S' } }, numbers: { callerId: '+14155550100' }, region: 'uk' };
    const copy = structuredClone(obj);
    const r = validateModelObject(obj);
    expect(r.ok).toBe(true);
    expect(obj).toEqual(copy);
    expect(r.model!.codecs).toEqual(['PCMA', 'G729']);
  });

  it('reports paths but no source positions', () => {
    const r = validateModelObject({ account: { apiKey: 'k', secret: { file: './s' } }, numbers: { callerId: 'x' }, region: 'us' });
    expect(r.findings).toMatchObject([{ code: 'MODEL_E164_NOT_A_NUMBER', path: '/numbers/callerId' }]);
    expect(r.findings[0]!.line).toBeUndefined();
  });

  it('turns non-data into a finding', () => {
    expect(validateModelObject({ f: () => 1 }).findings[0]!.code).toBe('MODEL_SCHEMA_TYPE');
    expect(validateModelObject(null).findings[0]!.code).toBe('MODEL_NOT_A_MAPPING');
    expect(validateModelObject([1]).findings[0]!.code).toBe('MODEL_NOT_A_MAPPING');
  });
});

describe('secrets stay secret', () => {
  it('an inline secret is a warning and never appears in the result or its JSON', () => {
    const r = validateModel(minimal.replace('${NEXMO_API_SECRET}', 'hunter2-very-secret'));
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => f.code)).toEqual(['MODEL_SECRET_INLINE']);
    expect(JSON.stringify(r)).not.toContain('hunter2');
    expect(r.model!.account.secretRef).toMatchObject({ kind: 'inline' });
  });

  it('a bad ${...} reference is an error that does not echo the text', () => {
    const r = validateModel(minimal.replace('${NEXMO_API_SECRET}', '"${hunter2 secret}"'));
    expect(r.findings.map((f) => f.code)).toEqual(['MODEL_SCHEMA_PATTERN']);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });
});

describe('loadModel on a file it cannot read', () => {
  it('throws MODEL_FILE_UNREADABLE naming the file', async () => {
    await expect(loadModel(join(root, 'fixtures', 'models', 'no-such.yaml'))).rejects.toMatchObject({ code: 'MODEL_FILE_UNREADABLE' });
    await expect(loadModel(join(root, 'fixtures', 'models'))).rejects.toThrow(/directory/);
  });
});

describe('schema findings never echo the secret', () => {
  it.each(['  secret: 987654321', '  secret: [hunter2x]', '  secret: { env: X, file: hunter2x }'])('%s', (line) => {
    const r = validateModel(minimal.replace('  secret: ${NEXMO_API_SECRET}', line));
    expect(r.ok).toBe(false);
    expect(r.findings.every((f) => f.path.startsWith('/account/secret'))).toBe(true);
    const text = JSON.stringify(r);
    expect(text).not.toContain('987654321');
    expect(text).not.toContain('hunter2x');
  });
});

describe('a secret that looks like a path', () => {
  it('stays inline (never read as a file) and the warning says how to name a file', () => {
    const r = validateModel(minimal.replace('${NEXMO_API_SECRET}', './secret.txt'));
    expect(r.model!.account.secretRef.kind).toBe('inline');
    expect(r.findings).toMatchObject([{ code: 'MODEL_SECRET_INLINE' }]);
    expect(r.findings[0]!.message).toContain('secret: { file: <path> }');
    expect(r.findings[0]!.message).not.toContain('./secret.txt');
  });
});

describe('schema errors in one part do not hide rule errors in another', () => {
  it('reports the bad pbx key and the bad number together', () => {
    const r = validateModel(minimal.replace('"+14155550100"', '"+33 1 23 45"') + 'pbx:\n  - target: freeswitch\n    qualifySeconds: often\ncodecs: [PCMA, G729b]\n');
    expect(r.findings.map((f) => f.code)).toEqual(['MODEL_SCHEMA_TYPE', 'MODEL_E164_INVALID_LENGTH', 'MODEL_CODEC_G729_ANNEXB']);
  });

  it('skips the rules that read a malformed or missing key', () => {
    const r = validateModel(minimal.replace('region: us-east\n', '') + 'codecs: [PCMA, nope]\n');
    expect(r.findings.map((f) => f.code)).toEqual(['MODEL_SCHEMA_REQUIRED']);
  });
});
