/**
 * The dial-plan settings of each PBX target: the model's `pbx` entry for that kind, or, when
 * the model names no entry for a target that is rendered anyway (every target is rendered
 * when none is named), defaults taken from the carrier document's examples.
 */
import type { PbxKind, PbxTarget, TrunkModel } from '../model/types.js';

const DEFAULTS: Record<PbxKind, Omit<PbxTarget, 'kind'>> = {
  // chan_sip: the document's peers use context=nexmo.
  'asterisk-chansip': {
    inboundContext: 'nexmo',
    outboundContext: 'nexmo-outbound-sip',
    inboundExtension: '1000',
    outboundPatterns: ['_00X.'],
    register: true,
    qualifySeconds: 120,
    nat: false,
    tls: undefined,
  },
  // chan_pjsip: the document's endpoint uses context = inbound, qualify_frequency = 120.
  'asterisk-pjsip': {
    inboundContext: 'inbound',
    outboundContext: 'nexmo-outbound-pjsip',
    inboundExtension: '1000',
    outboundPatterns: ['_00X.'],
    register: true,
    qualifySeconds: 120,
    nat: false,
    tls: undefined,
  },
  // FreePBX: inbound trunks land in from-pstn, outbound routes start in from-internal.
  freepbx: {
    inboundContext: 'from-pstn',
    outboundContext: 'from-internal',
    inboundExtension: '1000',
    outboundPatterns: ['_00X.'],
    register: true,
    qualifySeconds: 120,
    nat: false,
    tls: undefined,
  },
  // FreeSWITCH: the document's public dialplan transfers to "1000 XML default". Its outbound
  // extension matches ^(00\d+)$ and bridges $1, which sends the 00 to the carrier; the carrier
  // wants the callee in E.164 (country code first), so the default captures after the 00.
  freeswitch: {
    inboundContext: 'public',
    outboundContext: 'default',
    inboundExtension: '1000',
    outboundPatterns: ['^00(\\d+)$'],
    register: true,
    qualifySeconds: 120,
    nat: false,
    tls: undefined,
  },
};

export interface PbxSettings {
  settings: PbxTarget;
  /** JSON pointer of the entry in the model, or undefined when these are the defaults. */
  path: string | undefined;
}

export function pbxSettings(model: TrunkModel, kind: PbxKind): PbxSettings {
  const index = model.pbx.findIndex((p) => p.kind === kind);
  if (index >= 0) return { settings: model.pbx[index]!, path: `/pbx/${index}` };
  return { settings: { kind, ...DEFAULTS[kind] }, path: undefined };
}

/** `+447937947990` -> `447937947990`: the carrier wants E.164 digits without `+` in SIP URIs. */
export function e164Digits(e164: string): string {
  return e164.startsWith('+') ? e164.slice(1) : e164;
}
