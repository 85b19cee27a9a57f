/**
 * FreeSWITCH: the carrier's addresses as an ACL list, the profile parameter that applies it to
 * inbound calls, the gateway, and the public (inbound) and default (outbound) dialplans.
 *
 * - freeswitch/autoload_configs/acl.conf.xml: list <trunk>, default deny, one node per address
 *   (/32, /128 or the network). The complete file holds only this list: merge it into an
 *   existing acl.conf.xml rather than replacing one that has other lists (lan, domains).
 * - freeswitch/snippets/internal-profile-acl.xml: the carrier document says "Add the following
 *   to sip_profiles/internal.xml:" and then shows nothing. What it needs is
 *   <param name="apply-inbound-acl" value="<trunk>"/> inside the internal profile's <settings>,
 *   so that the carrier's unauthenticated INVITEs are accepted. internal.xml is the user's own
 *   file, so this is a snippet to paste, kept outside sip_profiles/ (every *.xml there is loaded
 *   as a profile). Sofia accepts a request when any of the profile's inbound ACLs allows it, so
 *   this sits beside the stock apply-inbound-acl=domains.
 * - freeswitch/sip_profiles/external/<trunk>.xml: the gateway.
 * - freeswitch/dialplan/public/<trunk>_sip.xml: the model's DIDs (not the document's ^(\d+)$,
 *   which takes any number) transferred to "<extension> XML default", as the document does.
 * - freeswitch/dialplan/default/<trunk>_outbound.xml: one extension per outbound pattern,
 *   bridging $1 through the gateway with the caller ID and the codec list.
 */
import type { TargetRenderer, RenderContext, RenderedFile } from '../types.js';
import { FindingList } from '../findings.js';
import { checkCommon, checkSecret, signallingAddresses } from '../model-checks.js';
import { pbxSettings, e164Digits } from '../pbx-settings.js';
import { FREESWITCH_CODECS } from '../codec-names.js';
import { freeswitchValueProblem, xmlCommentText } from '../escape/xml.js';
import { renderTemplate } from '../templates.js';
import { parseSignallingAddress, type SignallingAddress } from '../addresses.js';
import { uniqueDids } from './asterisk-dialplan.js';

function files(name: string) {
  return {
    acl: 'freeswitch/autoload_configs/acl.conf.xml',
    snippet: 'freeswitch/snippets/internal-profile-acl.xml',
    gateway: `freeswitch/sip_profiles/external/${name}.xml`,
    inbound: `freeswitch/dialplan/public/${name}_sip.xml`,
    outbound: `freeswitch/dialplan/default/${name}_outbound.xml`,
  };
}

/**
 * Why `pattern` is not a usable outbound regular expression, or undefined. It must compile (as
 * JavaScript; PCRE accepts a superset of what is checked here) and have a capture group, since
 * the bridge dials $1.
 */
export function freeswitchRegexProblem(pattern: string): string | undefined {
  const v = freeswitchValueProblem(pattern);
  if (v) return v;
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  const groups = (new RegExp(`${re.source}|`).exec('')?.length ?? 1) - 1;
  if (groups < 1) return 'has no capture group, but the bridge dials $1';
  if (/\s/.test(pattern)) return 'contains a blank';
  return undefined;
}

function check(ctx: RenderContext) {
  const f = new FindingList();
  const { model } = ctx;
  const fl = files(model.name);
  checkCommon(f, model, fl.gateway);
  signallingAddresses(f, model, fl.acl);
  const { settings, path } = pbxSettings(model, 'freeswitch');
  const at = path ?? '/pbx (defaults for freeswitch)';
  // transfer's data is "<extension> XML <context>": a blank would split it.
  f.check(
    /^[0-9A-Za-z*#+_.-]{1,80}$/.test(settings.inboundExtension) ? undefined : 'is not an extension (0-9 A-Z a-z * # + _ . -)',
    `${at}/inboundExtension`,
    fl.inbound,
    'an extension such as 1000',
  );
  f.check(/^[A-Za-z0-9_.-]{1,64}$/.test(settings.inboundContext) ? undefined : 'is not a dialplan context name', `${at}/inboundContext`, fl.inbound, 'a context name of A-Z a-z 0-9 _ . -');
  f.check(/^[A-Za-z0-9_.-]{1,64}$/.test(settings.outboundContext) ? undefined : 'is not a dialplan context name', `${at}/outboundContext`, fl.outbound, 'a context name of A-Z a-z 0-9 _ . -');
  settings.outboundPatterns.forEach((p, i) =>
    f.check(freeswitchRegexProblem(p), `${at}/outboundPatterns/${i}`, fl.outbound, 'a regular expression with a capture group, such as ^00(\\d+)$', 'RENDER_BAD_PATTERN'),
  );
  checkSecret(f, ctx, fl.gateway, freeswitchValueProblem);
  return f.items;
}

function render(ctx: RenderContext): RenderedFile[] {
  const { model } = ctx;
  const { settings } = pbxSettings(model, 'freeswitch');
  const fl = files(model.name);
  const domain = model.carrier.domain;
  const first = model.transports[0] ?? 'udp';
  const callerId = e164Digits(model.callerId.e164);
  const addrs = model.carrier.signallingAddresses
    .map((a) => parseSignallingAddress(a))
    .filter((a): a is SignallingAddress => a !== undefined);
  const comment = (extra: string) => xmlCommentText(`${ctx.generatedBy}. ${extra}`);
  const dids = uniqueDids(model.dids.map((d) => d.e164)).map(e164Digits);
  const codecString = `^^:${model.codecs.map((c) => FREESWITCH_CODECS[c]).join(':')}`;
  const mode = ctx.secretMode === 'inline' ? { mode: 0o600 } : {};
  const base = { name: model.name, domain };
  return [
    {
      target: 'freeswitch',
      path: fl.acl,
      content: renderTemplate('freeswitch', 'acl.conf.xml', {
        ...base,
        comment: comment(`Carrier signalling addresses of the ${model.name} trunk; merge this list into an existing acl.conf.xml.`),
        nodes: addrs.map((a) => a.cidr),
      }),
    },
    {
      target: 'freeswitch',
      path: fl.snippet,
      content: renderTemplate('freeswitch', 'internal-profile-acl.xml', {
        ...base,
        comment: comment(
          'The carrier document says "Add the following to sip_profiles/internal.xml:" and shows nothing. Paste the param below inside <settings> of sip_profiles/internal.xml, beside the existing apply-inbound-acl: the carrier does not authenticate its INVITEs, so its addresses must pass the profile ACL.',
        ),
      }),
    },
    {
      target: 'freeswitch',
      path: fl.gateway,
      content: renderTemplate('freeswitch', 'gateway.xml', {
        ...base,
        comment: comment(
          `Gateway ${model.name} for outbound calls (Digest with the API key and secret).${ctx.secretMode === 'placeholder' ? ' Replace <secret> (written &lt;secret&gt;) with the API secret.' : ' This file holds the API secret.'}`,
        ),
        proxy: first === 'tls' ? `${domain}:${model.carrier.ports.tls}` : domain,
        register: settings.register ? 'true' : 'false',
        apiKey: model.account.apiKey,
        secret: ctx.secretText,
        fromUser: callerId,
        ping: settings.qualifySeconds,
        transport: first,
      }),
      ...mode,
    },
    {
      target: 'freeswitch',
      path: fl.inbound,
      content: renderTemplate('freeswitch', 'public.xml', {
        ...base,
        comment: comment(`Inbound calls from the ${model.name} trunk: the model's DIDs go to extension ${settings.inboundExtension} in the default context.`),
        expression: `^\\+?(${dids.join('|')})$`,
        transfer: `${settings.inboundExtension} XML default`,
        hasDids: dids.length > 0,
      }),
    },
    {
      target: 'freeswitch',
      path: fl.outbound,
      content: renderTemplate('freeswitch', 'outbound.xml', {
        ...base,
        comment: comment(`Outbound calls through gateway ${model.name}, caller ID ${callerId}, codecs in the model's order.`),
        extensions: settings.outboundPatterns.map((p, i) => ({
          name: `${model.name}_outbound_${i + 1}`,
          expression: p,
          bridge: `{origination_caller_id_number=${callerId},origination_caller_id_name=${callerId},absolute_codec_string=${codecString}}sofia/gateway/${model.name}/$1`,
        })),
        callerId,
      }),
    },
  ];
}

export const freeswitch: TargetRenderer = { target: 'freeswitch', check, render };
