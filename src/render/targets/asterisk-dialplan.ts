/**
 * asterisk/extensions.conf, shared by the chan_sip and chan_pjsip targets: for each Asterisk
 * target rendered, an inbound context sending each DID to the configured extension (numbers
 * that are not the model's DIDs are refused with cause 1, unallocated number) and an outbound
 * context with the dial patterns dialling through the trunk and setting the caller ID.
 *
 * The configured extension is reached with Goto(default,<ext>,1): the `default` context is
 * where the carrier document's FreeSWITCH example sends calls too ("1000 XML default").
 */
import type { PbxKind, RenderTarget } from '../../model/types.js';
import type { FindingList } from '../findings.js';
import type { RenderContext, RenderedFile } from '../types.js';
import { pbxSettings, e164Digits } from '../pbx-settings.js';
import { dialplanArgProblem, extensionPatternProblem, sectionNameProblem } from '../escape/asterisk.js';
import { asteriskComment } from '../escape/asterisk.js';
import { renderTemplate } from '../templates.js';

export const EXTENSIONS_PATH = 'asterisk/extensions.conf';
/** Context holding the local extensions inbound calls are sent to. */
export const LOCAL_CONTEXT = 'default';

const ASTERISK_KINDS: PbxKind[] = ['asterisk-pjsip', 'asterisk-chansip'];

interface Exten {
  comment: string;
  ext: string;
  first: string;
  rest: string[];
}
interface Context {
  name: string;
  comment: string;
  extens: Exten[];
}

/**
 * How many leading characters of a pattern are an international prefix the carrier must not
 * see: it wants the callee in E.164 digits, country code first ("Recipient" in the carrier
 * document), so a dialled 00 (most of the world), 011 (NANP) or + is stripped before the call
 * leaves. `_00X.` dials 004420... as 4420....
 */
export function internationalPrefixLength(pattern: string): number {
  const p = pattern.startsWith('_') ? pattern.slice(1) : pattern;
  if (p.startsWith('011')) return 3;
  if (p.startsWith('00')) return 2;
  if (p.startsWith('+')) return 1;
  return 0;
}

function dialString(kind: PbxKind, trunk: string, pattern: string): string {
  const strip = internationalPrefixLength(pattern);
  const number = strip ? `\${EXTEN:${strip}}` : '\${EXTEN}';
  return kind === 'asterisk-chansip' ? `SIP/${trunk}/${number}` : `PJSIP/${number}@${trunk}`;
}

/** DIDs once each, in model order (a DID listed twice would be a duplicate extension). */
export function uniqueDids(e164s: string[]): string[] {
  return [...new Set(e164s)];
}

function contextsFor(ctx: RenderContext, kind: PbxKind): Context[] {
  const { model } = ctx;
  const { settings } = pbxSettings(model, kind);
  const tech = kind === 'asterisk-chansip' ? 'chan_sip' : 'chan_pjsip';
  const inbound: Context = {
    name: settings.inboundContext,
    comment: `Inbound calls from the ${model.name} trunk (${tech}): each DID goes to extension ${settings.inboundExtension}.`,
    extens: [
      ...uniqueDids(model.dids.map((d) => d.e164)).map((e164) => ({
        comment: `DID ${e164}`,
        ext: e164Digits(e164),
        first: `NoOp(${model.name} DID ${e164Digits(e164)})`,
        rest: [`Goto(${LOCAL_CONTEXT},${settings.inboundExtension},1)`],
      })),
      {
        comment: 'Any other number: not one of this trunk\'s DIDs, refused as unallocated (cause 1).',
        ext: '_X.',
        first: `NoOp(${model.name} call to unknown number \${EXTEN})`,
        rest: ['Hangup(1)'],
      },
    ],
  };
  const callerId = e164Digits(model.callerId.e164);
  const outbound: Context = {
    name: settings.outboundContext,
    comment: `Outbound calls through the ${model.name} trunk (${tech}), caller ID ${callerId} in E.164 as the carrier wants it.`,
    extens: settings.outboundPatterns.map((p) => ({
      comment: `Pattern ${p}`,
      ext: p,
      first: `Set(CALLERID(num)=${callerId})`,
      rest: [`Dial(${dialString(kind, model.name, p)})`, 'Hangup()'],
    })),
  };
  return [inbound, outbound];
}

export function checkDialplan(f: FindingList, ctx: RenderContext, kind: PbxKind): void {
  const { settings, path } = pbxSettings(ctx.model, kind);
  const at = path ?? `/pbx (defaults for ${kind})`;
  f.check(sectionNameProblem(settings.inboundContext), `${at}/inboundContext`, EXTENSIONS_PATH, 'a context name of A-Z a-z 0-9 _ . + -');
  f.check(sectionNameProblem(settings.outboundContext), `${at}/outboundContext`, EXTENSIONS_PATH, 'a context name of A-Z a-z 0-9 _ . + -');
  const ext = settings.inboundExtension;
  f.check(
    /^[0-9A-Za-z*#+-]{1,80}$/.test(ext) ? dialplanArgProblem(ext) : 'is not an extension (0-9 A-Z a-z * # + -)',
    `${at}/inboundExtension`,
    EXTENSIONS_PATH,
    'an extension such as 1000',
  );
  settings.outboundPatterns.forEach((p, i) =>
    f.check(extensionPatternProblem(p), `${at}/outboundPatterns/${i}`, EXTENSIONS_PATH, 'an Asterisk pattern such as _00X.', 'RENDER_BAD_PATTERN'),
  );
  if (settings.outboundPatterns.length === 0) {
    f.check('is empty', `${at}/outboundPatterns`, EXTENSIONS_PATH, 'at least one dial pattern', 'RENDER_BAD_PATTERN');
  }
  if (settings.inboundContext === settings.outboundContext) {
    f.check(`names the same context as outboundContext (${settings.inboundContext})`, `${at}/inboundContext`, EXTENSIONS_PATH, 'different inbound and outbound contexts', 'RENDER_CONTEXT_CLASH');
  }
}

/**
 * The Asterisk targets of this run, chan_pjsip first: chan_sip and chan_pjsip are two ways to
 * run the same trunk (both bind 5060; chan_sip is gone since Asterisk 21), so where their
 * dialplans clash in the shared extensions.conf, chan_pjsip's is kept.
 */
export function asteriskTargets(targets: readonly RenderTarget[]): PbxKind[] {
  return ASTERISK_KINDS.filter((k) => targets.includes(k));
}

/**
 * Contexts of every Asterisk target of the run. A context name both targets use is written
 * once when its extensions are the same (the inbound DIDs usually are); when they differ (the
 * outbound context, dialling SIP/ or PJSIP/), chan_pjsip's is kept and the clash is reported.
 */
const merged = new WeakMap<RenderContext, { contexts: Context[]; clashes: string[] }>();

function mergedContexts(ctx: RenderContext): { contexts: Context[]; clashes: string[] } {
  const hit = merged.get(ctx);
  if (hit) return hit;
  const result = computeMergedContexts(ctx);
  merged.set(ctx, result);
  return result;
}

function computeMergedContexts(ctx: RenderContext): { contexts: Context[]; clashes: string[] } {
  const byName = new Map<string, { c: Context; key: string }>();
  const clashes: string[] = [];
  const contexts: Context[] = [];
  for (const kind of asteriskTargets(ctx.targets)) {
    for (const c of contextsFor(ctx, kind)) {
      const key = JSON.stringify(c.extens);
      const seen = byName.get(c.name);
      if (seen) {
        if (seen.key !== key) clashes.push(c.name);
        continue;
      }
      byName.set(c.name, { c, key });
      contexts.push(c);
    }
  }
  return { contexts, clashes };
}

export function checkMergedDialplan(f: FindingList, ctx: RenderContext): void {
  for (const name of mergedContexts(ctx).clashes) {
    f.add({
      severity: 'warning',
      code: 'RENDER_CONTEXT_CLASH',
      message: `context ${name} is used by both asterisk-pjsip and asterisk-chansip with different extensions; ${EXTENSIONS_PATH} keeps asterisk-pjsip's`,
      path: '/pbx',
      expected: 'distinct context names per Asterisk target, or --target asterisk-chansip alone for chan_sip\'s dialplan',
    });
  }
}

export function renderDialplan(ctx: RenderContext, target: RenderTarget): RenderedFile | undefined {
  // One extensions.conf for all Asterisk targets: only the first one (chan_pjsip first) writes it.
  if (asteriskTargets(ctx.targets)[0] !== target) return undefined;
  const { contexts, clashes } = mergedContexts(ctx);
  const header = asteriskComment(
    [
      ctx.generatedBy,
      `Asterisk dialplan for the ${ctx.model.name} trunk (${asteriskTargets(ctx.targets).join(', ')}).`,
      `Inbound calls go to Goto(${LOCAL_CONTEXT},<extension>,1): the extension must exist in context [${LOCAL_CONTEXT}].`,
      'Phones reach the outbound context by including it in their own context (include => <outbound context>).',
      ...(clashes.length
        ? [`Context${clashes.length > 1 ? 's' : ''} ${clashes.join(', ')}: chan_sip and chan_pjsip differ; chan_pjsip's is written (render --target asterisk-chansip alone for chan_sip's).`]
        : []),
    ].join('\n'),
  );
  const view = contexts.map((c) => ({ ...c, comment: asteriskComment(c.comment), extens: c.extens.map((e) => ({ ...e, comment: asteriskComment(e.comment) })) }));
  return { target, path: EXTENSIONS_PATH, content: renderTemplate('asterisk', 'extensions.conf', { header, contexts: view }) };
}
