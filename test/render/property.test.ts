/**
 * Property-based proof that no model value can inject structure: arbitrary strings (control
 * characters, line breaks, quotes, comment and section characters, shell and XML
 * metacharacters, FreeSWITCH variables, any Unicode) in every string field of the model that a
 * target writes. For each: either checkRenderable has an error naming the field and renderModel
 * refuses, or every rendered file parses (Asterisk config, XML, sh, JSON, rule lines) to exactly
 * the structure of the base rendering (no extra section, option, element, attribute, rule,
 * command or line) and the value reads back unchanged where it was written.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkRenderable, renderModel, type RenderedFile } from '../../src/render/index.js';
import type { PbxKind, TrunkModel } from '../../src/model/types.js';
import { Secret } from '../../src/util/secret.js';
import { exampleModelAllTransports } from './helpers/example-model.js';
import { shapes } from './helpers/shapes.js';
import { parseAsteriskConfig, sectionOfType, values } from './helpers/asterisk-config-parser.js';
import { findAll, parseXml } from './helpers/xml-parser.js';

const SPECIALS = [';', '[', ']', '\n', '\r', '\r\n', '\t', '"', "'", '<', '>', '&', '&amp;', '$', '${x}', '$${domain}', '\\', '(', ')', ',', ' ', '=', '=>', '!', '#', '--', '-->', '/', '../', ':', '@', '~', '|', '`', '*', '{', '}', '\u2028', '\u0000', '\u0085', '\ud800', '\ufffe', 'é', '😀', '\u00a0'];
const SAFE = ['a', 'Z', '0', '9', '_', '-', '.', '+'];

const anyString = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SAFE) },
    { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 24,
});

/** Printable characters only, each special in some format: these reach each format's own rules. */
const printableSpecials = fc.string({
  unit: fc.constantFrom('a', '1', ';', '[', ']', '\\', '"', "'", '<', '>', '&', '$', ',', '(', ')', '=', '!', ' ', '#', ':', '@', '/', '{', '}', '|', '`', '*', '-'),
  minLength: 1,
  maxLength: 12,
});

function clone(m: TrunkModel): TrunkModel {
  return {
    ...m,
    carrier: { ...m.carrier, signallingAddresses: [...m.carrier.signallingAddresses] },
    account: { ...m.account },
    callerId: { ...m.callerId },
    dids: m.dids.map((d) => ({ ...d })),
    pbx: m.pbx.map((p) => ({ ...p, outboundPatterns: [...p.outboundPatterns], tls: p.tls ? { ...p.tls } : undefined })),
  };
}

/** The base model has every PBX kind listed, so each field has a path in the model. */
function baseModel(): TrunkModel {
  const m = exampleModelAllTransports();
  const tls = m.pbx[0]!.tls;
  m.pbx = [
    ...m.pbx,
    { kind: 'freepbx', inboundContext: 'from-trunk', outboundContext: 'from-internal', inboundExtension: '1000', outboundPatterns: ['_00X.'], register: true, qualifySeconds: 120, nat: true, tls },
  ];
  m.account = { ...m.account, secretRef: { kind: 'inline', value: new Secret('base-secret', 'inline') } };
  return m;
}

const BASE = baseModel();
const BASE_FILES = renderModel(BASE, { secrets: 'inline' });
const BASE_SHAPES = shapes(BASE_FILES);

const pbxIndex = (kind: PbxKind) => BASE.pbx.findIndex((p) => p.kind === kind);

interface Field {
  name: string;
  /** JSON pointer a refusal must name. */
  path: string;
  set(m: TrunkModel, v: string): void;
  /** Values that should pass, to exercise the accepting side as well. */
  valid?: fc.Arbitrary<string>;
  /** Whether a value that passes keeps the structure the same (false: counts may change). */
  sameShape?: (v: string) => boolean;
  /** Where the value must read back unchanged. */
  readBack?: (files: RenderedFile[], v: string) => void;
}

const file = (files: RenderedFile[], path: string) => files.find((f) => f.path === path)!.content;
const pjsip = (files: RenderedFile[]) => parseAsteriskConfig(file(files, 'asterisk/pjsip.conf'));
const gatewayParams = (files: RenderedFile[], name: string) =>
  Object.fromEntries(findAll(parseXml(file(files, `freeswitch/sip_profiles/external/${name}.xml`)), 'param').map((p) => [p.attrs['name'], p.attrs['value']]));

const FIELDS: Field[] = [
  {
    name: 'trunk name',
    path: '/name',
    set: (m, v) => void (m.name = v),
    valid: fc.stringMatching(/^[a-z][a-z0-9_-]{0,18}$/),
  },
  {
    name: 'carrier domain',
    path: '/carrier/domain',
    set: (m, v) => void (m.carrier = { ...m.carrier, domain: v }),
    valid: fc.domain(),
    readBack: (files, v) => {
      expect(values(sectionOfType(pjsip(files), 'nexmo', 'endpoint'), 'from_domain')).toEqual([v]);
      expect(gatewayParams(files, 'nexmo')['realm']).toBe(v);
    },
  },
  {
    name: 'API key',
    path: '/account/apiKey',
    set: (m, v) => void (m.account = { ...m.account, apiKey: v }),
    valid: fc.stringMatching(/^[A-Za-z0-9._~*+=-]{1,20}$/),
    readBack: (files, v) => {
      expect(values(sectionOfType(pjsip(files), 'nexmo-auth', 'auth'), 'username')).toEqual([v]);
      expect(gatewayParams(files, 'nexmo')['username']).toBe(v);
    },
  },
  {
    name: 'secret (inline)',
    path: '/account/secretRef',
    set: (m, v) => void (m.account = { ...m.account, secretRef: { kind: 'inline', value: new Secret(v, 'inline') } }),
    valid: fc.stringMatching(/^[A-Za-z0-9!#%*+=?^_{}-]{1,30}$/),
    readBack: (files, v) => {
      expect(values(sectionOfType(pjsip(files), 'nexmo-auth', 'auth'), 'password')).toEqual([v]);
      expect(gatewayParams(files, 'nexmo')['password']).toBe(v);
      expect(values(parseAsteriskConfig(file(files, 'asterisk/sip.conf')).find((s) => s.name === 'nexmo'), 'secret')).toEqual([v]);
      expect(JSON.parse(file(files, 'freepbx/nexmo-trunk.json')).pjsip.secret).toBe(v);
    },
  },
  {
    name: 'caller ID',
    path: '/callerId/e164',
    set: (m, v) => void (m.callerId = { ...m.callerId, e164: v }),
    valid: fc.stringMatching(/^\+[1-9][0-9]{6,14}$/),
    readBack: (files, v) => expect(values(sectionOfType(pjsip(files), 'nexmo', 'endpoint'), 'from_user')).toEqual([v.slice(1)]),
  },
  {
    name: 'first DID',
    path: '/dids/0/e164',
    set: (m, v) => void (m.dids[0] = { ...m.dids[0]!, e164: v }),
    valid: fc.stringMatching(/^\+[1-9][0-9]{6,14}$/),
    sameShape: (v) => !BASE.dids.slice(1).some((d) => d.e164.replace(/^\+/, '') === v.replace(/^\+/, '')),
  },
  {
    name: 'first signalling address',
    path: '/carrier/signallingAddresses/0',
    set: (m, v) => void (m.carrier.signallingAddresses[0] = v),
    valid: fc.oneof(fc.ipV4(), fc.ipV6(), fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`)),
    // Another family, a network, or a duplicate changes how many rules there are, legitimately.
    sameShape: (v) => /^\d+\.\d+\.\d+\.\d+$/.test(v) && !BASE.carrier.signallingAddresses.slice(1).includes(v),
  },
  ...(['asterisk-chansip', 'asterisk-pjsip', 'freepbx', 'freeswitch'] as PbxKind[]).flatMap((kind): Field[] => {
    const i = pbxIndex(kind);
    const at = `/pbx/${i}`;
    const fs = kind === 'freeswitch';
    return [
      {
        name: `${kind} inbound context`,
        path: `${at}/inboundContext`,
        set: (m, v) => void (m.pbx[i] = { ...m.pbx[i]!, inboundContext: v }),
        valid: fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/),
        // A context named like another one merges with it in extensions.conf.
        sameShape: (v) => !['nexmo', 'inbound', 'from-trunk', 'public', 'default', 'nexmo-outbound-sip', 'nexmo-outbound-pjsip', 'from-internal'].includes(v),
        ...(kind === 'asterisk-pjsip' ? { readBack: (files: RenderedFile[], v: string) => expect(values(sectionOfType(pjsip(files), 'nexmo', 'endpoint'), 'context')).toEqual([v]) } : {}),
      },
      {
        name: `${kind} outbound context`,
        path: `${at}/outboundContext`,
        set: (m, v) => void (m.pbx[i] = { ...m.pbx[i]!, outboundContext: v }),
        valid: fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/),
        sameShape: (v) => !['nexmo', 'inbound', 'from-trunk', 'public', 'default', 'nexmo-outbound-sip', 'nexmo-outbound-pjsip', 'from-internal'].includes(v),
      },
      {
        name: `${kind} inbound extension`,
        path: `${at}/inboundExtension`,
        set: (m, v) => void (m.pbx[i] = { ...m.pbx[i]!, inboundExtension: v }),
        valid: fc.stringMatching(/^[0-9A-Za-z*#+-]{1,10}$/),
        ...(fs
          ? { readBack: (files: RenderedFile[], v: string) => {
              const actions = findAll(parseXml(file(files, 'freeswitch/dialplan/public/nexmo_sip.xml')), 'action');
              expect(actions[1]!.attrs['data']).toBe(`${v} XML default`);
            } }
          : {}),
      },
      {
        name: `${kind} first outbound pattern`,
        path: `${at}/outboundPatterns/0`,
        set: (m, v) => void (m.pbx[i] = { ...m.pbx[i]!, outboundPatterns: [v] }),
        valid: fs ? fc.constantFrom('^(00\\d+)$', '^\\+?(1\\d{10})$', '^(0[1-9]\\d+)$', '^9(\\d+)$') : fc.stringMatching(/^_[0-9XZN.!]{1,8}$/),
        ...(fs
          ? { readBack: (files: RenderedFile[], v: string) => {
              const cond = findAll(parseXml(file(files, 'freeswitch/dialplan/default/nexmo_outbound.xml')), 'condition');
              expect(cond[0]!.attrs['expression']).toBe(v);
            } }
          : {}),
      },
      ...(kind === 'asterisk-pjsip'
        ? [{
            name: 'asterisk-pjsip TLS certificate path',
            path: `${at}/tls/certFile`,
            set: (m: TrunkModel, v: string) => void (m.pbx[i] = { ...m.pbx[i]!, tls: { ...m.pbx[i]!.tls!, certFile: v } }),
            valid: fc.stringMatching(/^\/[A-Za-z0-9_./-]{1,30}$/),
            readBack: (files: RenderedFile[], v: string) => expect(values(sectionOfType(pjsip(files), 'transport-tls', 'transport'), 'cert_file')).toEqual([v]),
          }]
        : []),
    ];
  }),
];

function property(field: Field) {
  return (v: string) => {
    const m = clone(BASE);
    field.set(m, v);
    const errors = checkRenderable(m, { secrets: 'inline' }).filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      expect(errors.some((e) => e.path.startsWith(field.path) || (field.path === '/name' && e.path === '/name')), JSON.stringify(errors)).toBe(true);
      for (const e of errors) expect(e.path.startsWith(field.path) || e.path === '/pbx').toBe(true);
      if (field.path === '/account/secretRef' && v.length >= 3) {
        for (const e of errors) expect(e.message.includes(v)).toBe(false);
      }
      expect(() => renderModel(m, { secrets: 'inline' })).toThrow(/cannot be rendered safely/);
      return;
    }
    const files = renderModel(m, { secrets: 'inline' });
    const got = shapes(files); // parses every file; throws on anything malformed
    if (field.sameShape === undefined || field.sameShape(v)) {
      expect(Object.keys(got).length).toBe(Object.keys(BASE_SHAPES).length);
      for (const [path, shape] of Object.entries(BASE_SHAPES)) {
        const rpath = path.replace(/nexmo/g, m.name);
        expect(got[rpath], `${field.name} = ${JSON.stringify(v)} changed the structure of ${rpath}`).toBe(shape);
      }
    }
    field.readBack?.(files, v);
  };
}

describe('no model value can inject structure into any rendered file', () => {
  for (const field of FIELDS) {
    it(`${field.name}: refused with a finding, or written without changing any file's structure`, () => {
      fc.assert(fc.property(anyString, property(field)), { numRuns: 60, seed: 0x5eed });
      fc.assert(fc.property(printableSpecials, property(field)), { numRuns: 60, seed: 0x5eed });
      if (field.valid) fc.assert(fc.property(field.valid, property(field)), { numRuns: 25, seed: 0x5eed });
    });
  }

  it('the model file name in the headers is written on one comment line whatever it holds', () => {
    fc.assert(
      fc.property(anyString, (name) => {
        const files = renderModel(BASE, { secrets: 'inline', modelName: name });
        const got = shapes(files);
        expect(got).toEqual(BASE_SHAPES);
      }),
      { numRuns: 80, seed: 0x5eed },
    );
  });

  it('the accepting side is exercised: valid values render for every field', () => {
    for (const field of FIELDS) {
      const samples = fc.sample(field.valid ?? anyString, { numRuns: 20, seed: 7 });
      const accepted = samples.filter((v) => {
        const m = clone(BASE);
        field.set(m, v);
        return checkRenderable(m, { secrets: 'inline' }).every((f) => f.severity !== 'error');
      });
      expect(accepted.length, field.name).toBeGreaterThan(0);
    }
  });
});
