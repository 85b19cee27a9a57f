/**
 * PBX targets: defaults by kind (from the carrier document's examples), one target per kind,
 * outbound dial patterns valid in the target's syntax, TLS material when TLS is enabled.
 *
 * Defaults:
 * - inboundContext: `nexmo` for chan_sip (the document's `context=nexmo`), `inbound` for pjsip
 *   (`context = inbound`), `from-trunk` for FreePBX (its inbound-route context), `public` for
 *   FreeSWITCH (the document puts the dial plan in dialplan/public).
 * - outboundContext: `from-internal` for Asterisk and FreePBX (where phones dial from),
 *   `default` for FreeSWITCH.
 * - outboundPatterns: `_00X.` for Asterisk/FreePBX and `^00(\d+)$` for FreeSWITCH, the
 *   document's international dial plan.
 */
import type { Finding, PbxKind, PbxTarget } from '../types.js';
import { finding, type RuleContext } from '../rule-context.js';

const DEFAULT_INBOUND: Record<PbxKind, string> = {
  'asterisk-chansip': 'nexmo',
  'asterisk-pjsip': 'inbound',
  freepbx: 'from-trunk',
  freeswitch: 'public',
};
const DEFAULT_OUTBOUND: Record<PbxKind, string> = {
  'asterisk-chansip': 'from-internal',
  'asterisk-pjsip': 'from-internal',
  freepbx: 'from-internal',
  freeswitch: 'default',
};
export const DEFAULT_PATTERNS: Record<PbxKind, string[]> = {
  'asterisk-chansip': ['_00X.'],
  'asterisk-pjsip': ['_00X.'],
  freepbx: ['_00X.'],
  freeswitch: ['^00(\\d+)$'],
};

/**
 * The settings of a PBX target the model does not list: the same defaults a listed target
 * gets for the keys it leaves out (the schema's register, qualifySeconds, nat and
 * inboundExtension defaults included). The renderers use this for unlisted targets, so a target
 * renders the same whether the model lists it bare or not at all.
 */
export function defaultPbxTarget(kind: PbxKind): PbxTarget {
  return {
    kind,
    inboundContext: DEFAULT_INBOUND[kind],
    outboundContext: DEFAULT_OUTBOUND[kind],
    inboundExtension: '1000',
    outboundPatterns: [...DEFAULT_PATTERNS[kind]],
    register: true,
    qualifySeconds: 120,
    nat: false,
    tls: undefined,
  };
}

/**
 * Asterisk extension patterns (Asterisk wiki, "Pattern Matching"): a literal extension, or `_`
 * then digits, * # +, X (0-9), Z (1-9), N (2-9), [ranges], and `.` or `!` (one or more / zero or
 * more characters) at the end only.
 */
const ASTERISK_LITERAL = /^[0-9A-Za-z*#+-]+$/;
const ASTERISK_PATTERN = /^_(?:[0-9*#+XxZzNn-]|\[[0-9]+(?:-[0-9]+)?(?:[0-9]|[0-9]-[0-9])*\])+[.!]?$/;

export function asteriskPatternProblem(p: string): string | undefined {
  if (p.startsWith('_')) {
    if (ASTERISK_PATTERN.test(p)) return undefined;
    if (/[.!]./.test(p)) return `"${p}": . and ! match the rest of the number, so they can only come last`;
    return `"${p}" is not an Asterisk pattern: after _ only digits, * # +, X Z N, [ranges] and a final . or ! are allowed`;
  }
  return ASTERISK_LITERAL.test(p) ? undefined : `"${p}" is neither a literal extension nor a pattern starting with _`;
}

/**
 * FreeSWITCH conditions are PCRE; they are checked here by compiling them as JavaScript regular
 * expressions, which covers the common syntax but not PCRE-only constructs (possessive
 * quantifiers, \Q...\E): such a pattern is reported as invalid although FreeSWITCH would take it.
 */
export function regexPatternProblem(p: string): string | undefined {
  try {
    new RegExp(p);
    return undefined;
  } catch (err) {
    return `"${p}" is not a valid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
}

export function pbxRule(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const targets: PbxTarget[] = [];
  const firstAt = new Map<PbxKind, number>();
  const tlsEnabled = ctx.raw.transports.includes('tls');
  ctx.raw.pbx.forEach((p, i) => {
    const base = `/pbx/${i}`;
    const first = firstAt.get(p.target);
    if (first !== undefined) {
      out.push(finding(ctx, 'error', 'MODEL_PBX_DUPLICATE', `${base}/target`, `a second ${p.target} target (first at /pbx/${first})`, 'one target per PBX kind'));
      return;
    }
    firstAt.set(p.target, i);
    const patterns = p.outboundPatterns ?? DEFAULT_PATTERNS[p.target];
    patterns.forEach((pat, j) => {
      const problem = p.target === 'freeswitch' ? regexPatternProblem(pat) : asteriskPatternProblem(pat);
      if (problem) {
        out.push(finding(ctx, 'error', 'MODEL_PBX_PATTERN_INVALID', `${base}/outboundPatterns/${j}`, problem,
          p.target === 'freeswitch' ? 'a regular expression such as ^00(\\d+)$ (the bridge dials $1: capture the E.164 digits without the 00)' : 'an Asterisk pattern such as _00X. or _NXXNXXXXXX'));
      }
    });
    if (tlsEnabled && !p.tls) {
      out.push(finding(ctx, 'warning', 'MODEL_PBX_TLS_MISSING', base, `TLS is an enabled transport but the ${p.target} target has no tls: certFile/keyFile, so its TLS transport cannot be rendered`, 'tls: { certFile: /etc/..., keyFile: /etc/... } on the target, or no tls in transports'));
    }
    targets.push({
      kind: p.target,
      inboundContext: p.inboundContext ?? DEFAULT_INBOUND[p.target],
      outboundContext: p.outboundContext ?? DEFAULT_OUTBOUND[p.target],
      inboundExtension: p.inboundExtension,
      outboundPatterns: [...patterns],
      register: p.register,
      qualifySeconds: p.qualifySeconds,
      nat: p.nat,
      tls: p.tls ? { certFile: p.tls.certFile, keyFile: p.tls.keyFile, caFile: p.tls.caFile } : undefined,
    });
  });
  ctx.model.pbx = targets;
  return out;
}
