/**
 * Parity with the carrier document (shared/reference/nexmo-sip-overview.txt, "Example
 * configurations"): the example model renders every option of the document's sample configs
 * with the same value. The document's placeholders are <key> (the API key), <secret> (written as
 * the placeholder) and <long_virtual_number> (the caller ID, E.164 digits). Where the document is
 * wrong the test says so and checks the correction instead:
 *   1. chan_sip's inbound template [nexmo-sip] lacks (!), so it would be a peer of its own;
 *   2. chan_sip's outbound insecure=very is invalid since Asterisk 1.6: insecure=port,invite;
 *   3. "Add the following to sip_profiles/internal.xml:" is followed by nothing: the
 *      apply-inbound-acl param it needs is rendered as a snippet.
 * Codec names compare case-insensitively (Asterisk's allow= is), and the order of pjsip's
 * identify matches does not matter (any match identifies).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderModel, type RenderedFile } from '../../src/render/index.js';
import type { TrunkModel } from '../../src/model/types.js';
import { parseAsteriskConfig, sectionOfType, values, type AsteriskSection } from './helpers/asterisk-config-parser.js';
import { findAll, parseXml } from './helpers/xml-parser.js';
import { loadExample } from './helpers/load-example.js';

const DOC_IPS = ['173.193.199.24', '174.37.245.34', '5.10.112.121', '5.10.112.122', '119.81.44.6', '119.81.44.7'];

let m: TrunkModel;
let files: RenderedFile[];
let KEY: string;
let NUMBER: string;

beforeAll(async () => {
  m = (await loadExample()).model;
  files = renderModel(m, { secrets: 'placeholder' });
  KEY = m.account.apiKey;
  NUMBER = m.callerId.e164.replace(/^\+/, '');
});

const get = (path: string) => files.find((f) => f.path === path)!.content;
const ast = (path: string) => parseAsteriskConfig(get(path));
const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());

/** Checks each [key, value] of the document against the section (values in document order per key). */
function expectOptions(section: AsteriskSection | undefined, doc: [string, string][]): void {
  expect(section).toBeDefined();
  const keys = [...new Set(doc.map(([k]) => k))];
  for (const k of keys) {
    const want = doc.filter(([kk]) => kk === k).map(([, v]) => v);
    const got = values(section, k);
    if (k === 'allow') expect(lower(got), `${section!.name} allow`).toEqual(lower(want));
    else expect(got, `${section!.name} ${k}`).toEqual(want);
  }
}

describe('parity with the carrier document: Asterisk chan_sip', () => {
  it('inbound: every option of [nexmo-sip] with the document\'s values', () => {
    const s = ast('asterisk/sip.conf');
    expectOptions(s.find((x) => x.name === 'nexmo-sip'), [
      ['fromdomain', 'sip.nexmo.com'], ['type', 'peer'], ['context', 'nexmo'], ['insecure', 'port,invite'], ['nat', 'no'],
      ['allow', 'ulaw'], ['allow', 'alaw'], ['allow', 'G729'], ['dtmfmode', 'rfc2833'],
    ]);
  });

  it('document error 1: the template [nexmo-sip] is marked (!), which the document forgets', () => {
    const tpl = ast('asterisk/sip.conf').find((x) => x.name === 'nexmo-sip')!;
    expect(tpl.template).toBe(true);
    expect(get('asterisk/sip.conf')).toContain('[nexmo-sip](!)');
  });

  it('inbound: [nexmo-sip-01] to [nexmo-sip-06] inherit the template, one host each', () => {
    const s = ast('asterisk/sip.conf');
    DOC_IPS.forEach((ip, i) => {
      const peer = s.find((x) => x.name === `nexmo-sip-0${i + 1}`)!;
      expect(peer.inherits).toEqual(['nexmo-sip']);
      expectOptions(peer, [['host', ip]]);
    });
  });

  it('outbound: register => <key>:<secret>@sip.nexmo.com in [general]', () => {
    const general = ast('asterisk/sip.conf').find((x) => x.name === 'general')!;
    expect(general.options.find((o) => o.key === 'register')).toMatchObject({ arrow: true, value: `${KEY}:<secret>@sip.nexmo.com` });
  });

  it('outbound: every option of [nexmo] with the document\'s values, except insecure', () => {
    expectOptions(ast('asterisk/sip.conf').find((x) => x.name === 'nexmo'), [
      ['username', KEY], ['host', 'sip.nexmo.com'], ['defaultuser', KEY], ['fromuser', NUMBER], ['fromdomain', 'sip.nexmo.com'],
      ['secret', '<secret>'], ['type', 'peer'], ['context', 'nexmo'], ['qualify', 'yes'], ['nat', 'no'],
      ['allow', 'ulaw'], ['allow', 'alaw'], ['allow', 'G729'], ['dtmfmode', 'rfc2833'],
    ]);
  });

  it('document error 2: outbound insecure=very (invalid since Asterisk 1.6) is written insecure=port,invite', () => {
    const peer = ast('asterisk/sip.conf').find((x) => x.name === 'nexmo')!;
    expect(values(peer, 'insecure')).toEqual(['port,invite']);
    expect(get('asterisk/sip.conf')).not.toMatch(/^insecure=very/m);
    expect(get('asterisk/sip.conf')).toMatch(/insecure=very is invalid since Asterisk 1\.6/);
    expect(get('asterisk/sip.conf')).toMatch(/removed in Asterisk 21/);
  });
});

describe('parity with the carrier document: Asterisk chan_pjsip', () => {
  it('[transport-udp]: type=transport, protocol=udp, bind=0.0.0.0 (port 5060 written out: the default)', () => {
    const t = sectionOfType(ast('asterisk/pjsip.conf'), 'transport-udp', 'transport');
    expectOptions(t, [['type', 'transport'], ['protocol', 'udp']]);
    expect(values(t, 'bind')).toEqual(['0.0.0.0:5060']);
  });

  it('endpoint [nexmo]: every option of the document', () => {
    expectOptions(sectionOfType(ast('asterisk/pjsip.conf'), 'nexmo', 'endpoint'), [
      ['type', 'endpoint'], ['aors', 'nexmo'], ['outbound_auth', 'nexmo-auth'], ['context', 'inbound'], ['transport', 'transport-udp'],
      ['from_user', NUMBER], ['allow', 'ulaw'], ['allow', 'alaw'], ['allow', 'g729'],
    ]);
  });

  it('endpoint [nexmo]: adds what the document lacks, dtmf_mode=rfc4733 (RFC 2833 events) and from_domain', () => {
    const e = sectionOfType(ast('asterisk/pjsip.conf'), 'nexmo', 'endpoint');
    expect(values(e, 'dtmf_mode')).toEqual(['rfc4733']);
    expect(values(e, 'from_domain')).toEqual(['sip.nexmo.com']);
  });

  it('aor [nexmo], auth [nexmo-auth], registration [nexmo-reg] (with outbound_auth): every option of the document', () => {
    const s = ast('asterisk/pjsip.conf');
    expectOptions(sectionOfType(s, 'nexmo', 'aor'), [['type', 'aor'], ['contact', 'sip:sip.nexmo.com'], ['qualify_frequency', '120']]);
    expectOptions(sectionOfType(s, 'nexmo-auth', 'auth'), [['type', 'auth'], ['auth_type', 'userpass'], ['username', KEY], ['password', '<secret>']]);
    expectOptions(sectionOfType(s, 'nexmo-reg', 'registration'), [
      ['type', 'registration'], ['outbound_auth', 'nexmo-auth'], ['server_uri', 'sip:sip.nexmo.com'], ['client_uri', `sip:${KEY}@sip.nexmo.com`],
    ]);
  });

  it('identify [nexmo-identify]: endpoint nexmo and a match for each of the six addresses', () => {
    const id = sectionOfType(ast('asterisk/pjsip.conf'), 'nexmo-identify', 'identify');
    expectOptions(id, [['type', 'identify'], ['endpoint', 'nexmo']]);
    expect([...values(id, 'match')].sort()).toEqual([...DOC_IPS].sort());
  });
});

describe('parity with the carrier document: FreePBX', () => {
  it('inbound USER details per address: host, type=friend, insecure=port,invite, allow=ulaw,alaw,g729, dtmfmode=rfc2833', () => {
    const doc = JSON.parse(get('freepbx/nexmo-trunk.json'));
    expect(doc.chanSip.inboundTrunks).toHaveLength(6);
    DOC_IPS.forEach((ip, i) => {
      const d: string[] = doc.chanSip.inboundTrunks[i].userDetails;
      for (const line of [`host=${ip}`, 'type=friend', 'insecure=port,invite', 'allow=ulaw,alaw,g729', 'dtmfmode=rfc2833']) expect(d).toContain(line);
    });
  });

  it('outbound PEER details and the register string', () => {
    const doc = JSON.parse(get('freepbx/nexmo-trunk.json'));
    for (const line of ['host=sip.nexmo.com', 'type=friend', 'insecure=port,invite', 'qualify=yes', 'allow=ulaw,alaw,g729', 'dtmfmode=rfc2833', `username=${KEY}`, `fromuser=${NUMBER}`, 'secret=<secret>']) {
      expect(doc.chanSip.peerDetails).toContain(line);
    }
    expect(doc.chanSip.registerString).toBe(`${KEY}:<secret>@sip.nexmo.com`);
    const sheet = get('freepbx/nexmo-trunk.txt');
    expect(sheet).toContain(`    ${KEY}:<secret>@sip.nexmo.com\n`);
    expect(sheet).toContain('    allow=ulaw,alaw,g729\n');
  });
});

describe('parity with the carrier document: FreeSWITCH', () => {
  it('acl.conf.xml: list nexmo, default deny, one allow node per address /32', () => {
    const root = parseXml(get('freeswitch/autoload_configs/acl.conf.xml'));
    const list = findAll(root, 'list');
    expect(list).toHaveLength(1);
    expect(list[0]!.attrs).toEqual({ name: 'nexmo', default: 'deny' });
    expect(list[0]!.children.map((n) => [n.name, n.attrs])).toEqual(DOC_IPS.map((ip) => ['node', { type: 'allow', cidr: `${ip}/32` }]));
  });

  it('document error 3: "Add the following to sip_profiles/internal.xml:" shows nothing; the apply-inbound-acl param is rendered', () => {
    const root = parseXml(get('freeswitch/snippets/internal-profile-acl.xml'));
    expect(findAll(root, 'param').map((p) => p.attrs)).toEqual([{ name: 'apply-inbound-acl', value: 'nexmo' }]);
    expect(get('freeswitch/snippets/internal-profile-acl.xml')).toContain('shows nothing');
  });

  it('public dialplan nexmo_sip: set domain_name=$${domain}, transfer 1000 XML default, for the model\'s DIDs', () => {
    const root = parseXml(get('freeswitch/dialplan/public/nexmo_sip.xml'));
    const ext = findAll(root, 'extension');
    expect(ext.map((e) => e.attrs['name'])).toEqual(['nexmo_sip']);
    const cond = findAll(root, 'condition')[0]!;
    expect(cond.attrs['field']).toBe('destination_number');
    // The document's ^(\d+)$ takes any number; the model's DIDs are matched instead, as the issue asks.
    const re = new RegExp(cond.attrs['expression']!);
    for (const d of m.dids) expect(re.test(d.e164.slice(1))).toBe(true);
    expect(re.test('999')).toBe(false);
    expect(cond.children.map((a) => a.attrs)).toEqual([
      { application: 'set', data: 'domain_name=$${domain}' },
      { application: 'transfer', data: '1000 XML default' },
    ]);
  });

  it('gateway nexmo: proxy, register, caller-id-in-from, from-user, username, password as the document has them', () => {
    const root = parseXml(get('freeswitch/sip_profiles/external/nexmo.xml'));
    expect(findAll(root, 'gateway')[0]!.attrs).toEqual({ name: 'nexmo' });
    const params = Object.fromEntries(findAll(root, 'param').map((p) => [p.attrs['name'], p.attrs['value']]));
    expect(params).toMatchObject({ proxy: 'sip.nexmo.com', register: 'true', 'caller-id-in-from': 'false', 'from-user': NUMBER, username: KEY, password: '<secret>' });
  });

  it('outbound dialplan: ^00(\\d+)$ (document error: its ^(00\\d+)$ bridges the 00 too, and the carrier wants E.164), the two effective_caller_id sets, bridge through sofia/gateway/nexmo/$1 with the caller ID', () => {
    const root = parseXml(get('freeswitch/dialplan/default/nexmo_outbound.xml'));
    const cond = findAll(root, 'condition')[0]!;
    expect(cond.attrs).toEqual({ field: 'destination_number', expression: '^00(\\d+)$' });
    const actions = cond.children.map((a) => a.attrs);
    expect(actions[0]).toEqual({ application: 'set', data: 'effective_caller_id_number=${outbound_caller_id_number}' });
    expect(actions[1]).toEqual({ application: 'set', data: 'effective_caller_id_name=${outbound_caller_id_name}' });
    expect(actions[2]!['application']).toBe('bridge');
    expect(actions[2]!['data']).toMatch(new RegExp(`^\\{.*origination_caller_id_name=${NUMBER}.*\\}sofia/gateway/nexmo/\\$1$`));
  });
});

describe('parity with the carrier document: firewalls', () => {
  it('signalling from each of the six addresses, media 10000-20000/udp from anywhere', () => {
    const nft = get('firewall/nftables.conf');
    for (const ip of DOC_IPS) expect(nft).toContain(ip);
    expect(nft).toMatch(/^\s+udp dport 10000-20000 counter accept/m);
    const ipt = get('firewall/iptables.rules');
    for (const ip of DOC_IPS) {
      expect(ipt).toContain(`-s ${ip}/32 -p udp -m udp --dport 5060 `);
      expect(ipt).toContain(`-s ${ip}/32 -p tcp -m tcp --dport 5060 `);
      expect(ipt).toContain(`-s ${ip}/32 -p tcp -m tcp --dport 5061 `);
    }
    expect(ipt).toMatch(/^-A SIPTRUNK-NEXMO -p udp -m udp --dport 10000:20000 .*-j ACCEPT$/m);
    expect(ipt).not.toMatch(/-s \S+ -p udp -m udp --dport 10000:20000/);
  });
});
