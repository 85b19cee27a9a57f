/**
 * Every rendered Asterisk file read back with the test parser of Asterisk's config format: the
 * expected objects exist, with the expected options and values, and nothing else; every option
 * name is one Asterisk knows for that object type.
 */
import { describe, expect, it } from 'vitest';
import { renderModel, type RenderedFile } from '../../src/render/index.js';
import type { TrunkModel } from '../../src/model/types.js';
import { parseAsteriskConfig, values, type AsteriskSection } from './helpers/asterisk-config-parser.js';
import { CHANSIP_GENERAL_OPTIONS, CHANSIP_PEER_OPTIONS, PJSIP_OPTIONS, WIZARD_OPTIONS, WIZARD_PREFIXES } from './helpers/asterisk-options.js';
import { loadExample } from './helpers/load-example.js';
import { exampleModel, exampleModelAllTransports } from './helpers/example-model.js';

function file(files: RenderedFile[], path: string): AsteriskSection[] {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} was not rendered`);
  return parseAsteriskConfig(f.content);
}

/** [section name, type, [[key, value], ...]] for a whole file, in order. */
function flat(sections: AsteriskSection[]): [string, [string, string][]][] {
  return sections.map((s) => [`${s.name}${s.template ? '(!)' : ''}${s.inherits.length ? `(${s.inherits.join(',')})` : ''}`, s.options.map((o) => [o.key, o.value])]);
}

const digits = (e164: string) => e164.replace(/^\+/, '');

function expectedPjsip(m: TrunkModel): [string, [string, string][]][] {
  const pbx = m.pbx.find((p) => p.kind === 'asterisk-pjsip')!;
  const codecs = m.codecs.map((c) => ({ PCMU: 'ulaw', PCMA: 'alaw', G729: 'g729', G722: 'g722', iLBC: 'ilbc', speex16: 'speex16' })[c]);
  const hasV6 = m.carrier.signallingAddresses.some((a) => a.includes(':'));
  const first = m.transports[0]!;
  const transports: [string, [string, string][]][] = m.transports.flatMap((t) => {
    const port = m.carrier.ports[t];
    const tls: [string, string][] = t === 'tls'
      ? [['cert_file', pbx.tls!.certFile], ['priv_key_file', pbx.tls!.keyFile], ...(pbx.tls!.caFile ? [['ca_list_file', pbx.tls!.caFile] as [string, string]] : []), ['method', 'tlsv1_2']]
      : [];
    const v4: [string, [string, string][]] = [`transport-${t}`, [['type', 'transport'], ['protocol', t], ['bind', `0.0.0.0:${port}`], ...tls]];
    return hasV6 ? [v4, [`transport-${t}6`, [['type', 'transport'], ['protocol', t], ['bind', `[::]:${port}`], ...tls]]] : [v4];
  });
  const uri = first === 'tls' ? `sip:${m.carrier.domain}:5061;transport=tls` : first === 'tcp' ? `sip:${m.carrier.domain};transport=tcp` : `sip:${m.carrier.domain}`;
  return [
    ...transports,
    [m.name, [
      ['type', 'endpoint'], ['transport', `transport-${first}`], ['context', pbx.inboundContext], ['disallow', 'all'],
      ...codecs.map((c) => ['allow', c!] as [string, string]),
      ['outbound_auth', `${m.name}-auth`], ['aors', m.name], ['from_user', digits(m.callerId.e164)], ['from_domain', m.carrier.domain],
      ['dtmf_mode', 'rfc4733'], ['direct_media', 'no'],
      ...(pbx.nat ? ([['rtp_symmetric', 'yes'], ['force_rport', 'yes'], ['rewrite_contact', 'yes']] as [string, string][]) : []),
    ]],
    [m.name, [['type', 'aor'], ['contact', uri], ['qualify_frequency', String(pbx.qualifySeconds)]]],
    [`${m.name}-auth`, [['type', 'auth'], ['auth_type', 'userpass'], ['username', m.account.apiKey], ['password', '<secret>']]],
    ...(pbx.register
      ? [[`${m.name}-reg`, [
          ['type', 'registration'], ['transport', `transport-${first}`], ['outbound_auth', `${m.name}-auth`], ['server_uri', uri],
          ['client_uri', `sip:${m.account.apiKey}@${m.carrier.domain}`], ['retry_interval', '60'], ['forbidden_retry_interval', '600'], ['expiration', '3600'],
        ]] as [string, [string, string][]]]
      : []),
    [`${m.name}-identify`, [['type', 'identify'], ['endpoint', m.name], ...m.carrier.signallingAddresses.map((a) => ['match', a.replace(/\/(32|128)$/, '')] as [string, string])]],
  ];
}

describe('rendered Asterisk files, parsed back', () => {
  it.each([
    ['the example model', async () => (await loadExample()).model],
    ['the hand-built model', async () => exampleModel()],
    ['all transports, NAT, IPv6 and a network', async () => exampleModelAllTransports()],
  ])('pjsip.conf of %s holds exactly the expected objects and options', async (_n, get) => {
    const m = await get();
    const files = renderModel(m, { secrets: 'placeholder', targets: ['asterisk-pjsip'] });
    expect(flat(file(files, 'asterisk/pjsip.conf'))).toEqual(expectedPjsip(m));
  });

  it('every pjsip.conf and pjsip_wizard.conf option is one res_pjsip knows for that type', async () => {
    for (const m of [(await loadExample()).model, exampleModelAllTransports()]) {
      const files = renderModel(m, { secrets: 'placeholder', targets: ['asterisk-pjsip'] });
      for (const s of file(files, 'asterisk/pjsip.conf')) {
        const type = values(s, 'type')[0]!;
        expect(Object.keys(PJSIP_OPTIONS)).toContain(type);
        for (const o of s.options) expect(PJSIP_OPTIONS[type], `${s.name} ${type} ${o.key}`).toContain(o.key);
      }
      const wizard = file(files, 'asterisk/pjsip_wizard.conf');
      expect(wizard).toHaveLength(1);
      for (const o of wizard[0]!.options) {
        const [prefix, name] = o.key.includes('/') ? o.key.split('/') : [undefined, o.key];
        if (prefix === undefined) expect(WIZARD_OPTIONS, o.key).toContain(name);
        else {
          expect(WIZARD_PREFIXES, o.key).toContain(prefix);
          const type = prefix === 'outbound_auth' || prefix === 'inbound_auth' ? 'auth' : prefix;
          expect(PJSIP_OPTIONS[type!], o.key).toContain(name);
        }
      }
    }
  });

  it('the wizard section makes the same trunk: auth, codecs, identify matches, qualify, registration', async () => {
    const { model: m } = await loadExample();
    const w = file(renderModel(m, { secrets: 'placeholder', targets: ['asterisk-pjsip'] }), 'asterisk/pjsip_wizard.conf')[0]!;
    expect(w.name).toBe(m.name);
    expect(values(w, 'type')).toEqual(['wizard']);
    expect(values(w, 'remote_hosts')).toEqual([m.carrier.domain]);
    expect(values(w, 'sends_auth')).toEqual(['yes']);
    expect(values(w, 'sends_registrations')).toEqual(['yes']);
    expect(values(w, 'outbound_auth/username')).toEqual([m.account.apiKey]);
    expect(values(w, 'outbound_auth/password')).toEqual(['<secret>']);
    expect(values(w, 'endpoint/allow')).toEqual(['ulaw,alaw,g729']);
    expect(values(w, 'endpoint/dtmf_mode')).toEqual(['rfc4733']);
    expect(values(w, 'identify/match')).toEqual([m.carrier.signallingAddresses.join(',')]);
    expect(values(w, 'aor/qualify_frequency')).toEqual(['120']);
  });

  it('sip.conf holds [general] with register =>, a (!) template, one peer per address inheriting it, and the outbound peer', async () => {
    const { model: m } = await loadExample();
    const s = file(renderModel(m, { secrets: 'placeholder', targets: ['asterisk-chansip'] }), 'asterisk/sip.conf');
    const names = s.map((x) => `${x.name}${x.template ? '(!)' : ''}${x.inherits.length ? `(${x.inherits.join(',')})` : ''}`);
    expect(names).toEqual(['general', 'nexmo-sip(!)', ...m.carrier.signallingAddresses.map((_, i) => `nexmo-sip-0${i + 1}(nexmo-sip)`), 'nexmo']);
    const general = s[0]!;
    expect(general.options.filter((o) => o.arrow).map((o) => [o.key, o.value])).toEqual([['register', 'abcd1234:<secret>@sip.nexmo.com']]);
    for (const o of general.options) expect(CHANSIP_GENERAL_OPTIONS).toContain(o.key);
    for (const sec of s.slice(1)) for (const o of sec.options) expect(CHANSIP_PEER_OPTIONS, `${sec.name} ${o.key}`).toContain(o.key);
    const tpl = s[1]!;
    expect(tpl.options.map((o) => [o.key, o.value])).toEqual([
      ['fromdomain', 'sip.nexmo.com'], ['type', 'peer'], ['context', 'nexmo'], ['insecure', 'port,invite'], ['nat', 'no'],
      ['disallow', 'all'], ['allow', 'ulaw'], ['allow', 'alaw'], ['allow', 'g729'], ['dtmfmode', 'rfc2833'],
    ]);
    m.carrier.signallingAddresses.forEach((a, i) => expect(s[2 + i]!.options.map((o) => [o.key, o.value])).toEqual([['host', a]]));
    const out = s[s.length - 1]!;
    expect(out.options.map((o) => [o.key, o.value])).toEqual([
      ['username', 'abcd1234'], ['host', 'sip.nexmo.com'], ['defaultuser', 'abcd1234'], ['fromuser', '447937947990'], ['fromdomain', 'sip.nexmo.com'],
      ['secret', '<secret>'], ['type', 'peer'], ['context', 'nexmo'], ['insecure', 'port,invite'], ['qualify', 'yes'], ['qualifyfreq', '120'], ['nat', 'no'],
      ['transport', m.transports.join(',')], ...(m.transports[0] === 'tls' ? [['port', '5061']] : []),
      ['disallow', 'all'], ['allow', 'ulaw'], ['allow', 'alaw'], ['allow', 'g729'], ['dtmfmode', 'rfc2833'],
    ]);
  });

  it('extensions.conf sends each DID to the extension, refuses other numbers, and dials out with the caller ID', async () => {
    const { model: m } = await loadExample();
    for (const target of ['asterisk-pjsip', 'asterisk-chansip'] as const) {
      const pbx = m.pbx.find((p) => p.kind === target)!;
      const s = file(renderModel(m, { secrets: 'placeholder', targets: [target] }), 'asterisk/extensions.conf');
      expect(s.map((x) => x.name)).toEqual([pbx.inboundContext, pbx.outboundContext]);
      const inbound = s[0]!.options.map((o) => `${o.key}${o.arrow ? '=>' : '='}${o.value}`);
      expect(inbound).toEqual([
        ...m.dids.flatMap((d) => [`exten=>${digits(d.e164)},1,NoOp(nexmo DID ${digits(d.e164)})`, `same=>n,Goto(default,${pbx.inboundExtension},1)`]),
        'exten=>_X.,1,NoOp(nexmo call to unknown number ${EXTEN})',
        'same=>n,Hangup(1)',
      ]);
      // The example's pattern _00X. dials 00 + E.164: the 00 is stripped, the carrier gets E.164.
      expect(pbx.outboundPatterns).toEqual(['_00X.']);
      const dial = target === 'asterisk-pjsip' ? 'PJSIP/${EXTEN:2}@nexmo' : 'SIP/nexmo/${EXTEN:2}';
      expect(s[1]!.options.map((o) => `${o.key}${o.arrow ? '=>' : '='}${o.value}`)).toEqual(
        pbx.outboundPatterns.flatMap((p) => [`exten=>${p},1,Set(CALLERID(num)=447937947990)`, `same=>n,Dial(${dial})`, 'same=>n,Hangup()']),
      );
    }
  });

  it('a shared extensions.conf writes each context once, chan_pjsip\'s where the two clash, with a warning', async () => {
    const { model: example } = await loadExample();
    const { checkRenderable } = await import('../../src/render/index.js');
    // The example gives chan_sip its own outbound context; here both use from-internal.
    expect(renderModel(example, { secrets: 'placeholder' }).length).toBeGreaterThan(0);
    expect(checkRenderable(example).filter((f) => f.code === 'RENDER_CONTEXT_CLASH')).toEqual([]);
    const m = { ...example, pbx: example.pbx.map((p) => (p.kind === 'asterisk-chansip' ? { ...p, outboundContext: 'from-internal' } : p)) };
    const s = file(renderModel(m, { secrets: 'placeholder' }), 'asterisk/extensions.conf');
    const names = s.map((x) => x.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['inbound', 'from-internal', 'nexmo']);
    expect(values(s[1], 'same')).toContain('n,Dial(PJSIP/${EXTEN:2}@nexmo)');
    const warnings = checkRenderable(m).filter((f) => f.code === 'RENDER_CONTEXT_CLASH');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe('warning');
  });

  it('strips the international prefix a pattern dials (00, 011, +), so the carrier gets E.164', async () => {
    const { model: example } = await loadExample();
    const m = { ...example, pbx: example.pbx.map((p) => (p.kind === 'asterisk-pjsip' ? { ...p, outboundPatterns: ['_00X.', '_011X.', '_+X.', '_NXXNXXXXXX'] } : p)) };
    const s = file(renderModel(m, { secrets: 'placeholder', targets: ['asterisk-pjsip'] }), 'asterisk/extensions.conf');
    expect(values(s[1]!, 'same').filter((v) => v.includes('Dial('))).toEqual([
      'n,Dial(PJSIP/${EXTEN:2}@nexmo)',
      'n,Dial(PJSIP/${EXTEN:3}@nexmo)',
      'n,Dial(PJSIP/${EXTEN:1}@nexmo)',
      'n,Dial(PJSIP/${EXTEN}@nexmo)',
    ]);
  });

  it('a carrier without signalling addresses gets no empty identify (Asterisk rejects one without match)', () => {
    const m = exampleModel();
    m.carrier = { ...m.carrier, signallingAddresses: [] };
    const files = renderModel(m, { secrets: 'placeholder', targets: ['asterisk-pjsip'] });
    expect(file(files, 'asterisk/pjsip.conf').map((s) => values(s, 'type')[0])).toEqual(['transport', 'endpoint', 'aor', 'auth', 'registration']);
    expect(values(file(files, 'asterisk/pjsip_wizard.conf')[0], 'identify/match')).toEqual([]);
  });

  it('the test parser itself refuses what Asterisk would misread', () => {
    expect(() => parseAsteriskConfig('x=1\n')).toThrow(/before any section/);
    expect(() => parseAsteriskConfig('[a\n')).toThrow(/bad section/);
    expect(() => parseAsteriskConfig('[a](!)x\n')).toThrow(/bad section/);
    expect(() => parseAsteriskConfig('[a]\n#include x\n')).toThrow(/directive/);
    expect(() => parseAsteriskConfig('[a]\nnovalue\n')).toThrow(/not an option/);
    expect(parseAsteriskConfig('[a](!,b)\nk = v ; c\nc=x\\;y\nexten => 1,1,Noop\n')).toEqual([
      { name: 'a', template: true, inherits: ['b'], line: 1, options: [
        { key: 'k', value: 'v', arrow: false, line: 2 },
        { key: 'c', value: 'x;y', arrow: false, line: 3 },
        { key: 'exten', value: '1,1,Noop', arrow: true, line: 4 },
      ] },
    ]);
  });
});
