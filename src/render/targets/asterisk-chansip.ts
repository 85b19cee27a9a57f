/**
 * Asterisk chan_sip: asterisk/sip.conf (and the shared asterisk/extensions.conf).
 *
 * Inbound: a template section marked (!) with the carrier document's options and one peer per
 * signalling address inheriting from it. Outbound: the register => line and the trunk peer.
 * Two corrections to the carrier document, said in the file too:
 * - the document's template [nexmo-sip] lacks (!), which makes it a peer of its own (with no
 *   host) as well as the base of the per-address peers;
 * - its outbound insecure=very has not been valid since Asterisk 1.6 ("Unknown insecure mode",
 *   ignored): insecure=port,invite is what it meant.
 * chan_sip matches a peer by exact address: a CIDR signalling address cannot be a peer, so it is
 * reported as a warning and left out (chan_pjsip's identify takes CIDRs).
 */
import type { TargetRenderer, RenderContext, RenderedFile } from '../types.js';
import { FindingList } from '../findings.js';
import { checkCommon, checkSecret, signallingAddresses } from '../model-checks.js';
import { pbxSettings, e164Digits } from '../pbx-settings.js';
import { ASTERISK_CODECS } from '../codec-names.js';
import { asteriskComment, asteriskValueProblem, sectionNameProblem } from '../escape/asterisk.js';
import { checkDialplan, checkMergedDialplan, renderDialplan } from './asterisk-dialplan.js';
import { checkPbxTls } from './asterisk-tls.js';
import { renderTemplate } from '../templates.js';
import { parseSignallingAddress, type SignallingAddress } from '../addresses.js';

const FILE = 'asterisk/sip.conf';

function registerSecretProblem(v: string): string | undefined {
  const base = asteriskValueProblem(v);
  if (base) return base;
  // register => user:secret@host[:port][/extension][~expiry]: these end or split the secret.
  if (/[:@/~\s]/.test(v)) return 'contains : @ / ~ or a blank, which split the register => line';
  return undefined;
}

function check(ctx: RenderContext) {
  const f = new FindingList();
  const { model } = ctx;
  checkCommon(f, model, FILE);
  const addrs = signallingAddresses(f, model, FILE);
  for (const a of addrs) {
    if (a.isNetwork) {
      f.add({
        severity: 'warning',
        code: 'RENDER_CIDR_NOT_SUPPORTED',
        message: `${a.cidr} is a network: chan_sip cannot make a peer of it, so ${FILE} has no inbound peer for it`,
        path: `/carrier/signallingAddresses/${model.carrier.signallingAddresses.indexOf(a.input)}`,
        expected: 'single addresses for chan_sip, or the asterisk-pjsip target, whose identify matches networks',
      });
    }
  }
  f.check(sectionNameProblem(`${model.name}-sip-01`), '/name', FILE, 'a trunk name usable as a section name');
  const { settings, path } = pbxSettings(model, 'asterisk-chansip');
  checkPbxTls(f, settings, path ?? '/pbx (defaults for asterisk-chansip)', model.transports, FILE);
  checkSecret(f, ctx, FILE, registerSecretProblem);
  checkDialplan(f, ctx, 'asterisk-chansip');
  checkMergedDialplan(f, ctx);
  return f.items;
}

function render(ctx: RenderContext): RenderedFile[] {
  const { model } = ctx;
  const { settings } = pbxSettings(model, 'asterisk-chansip');
  const domain = model.carrier.domain;
  const first = model.transports[0] ?? 'udp';
  const tls = model.transports.includes('tls') ? settings.tls : undefined;
  const peers = model.carrier.signallingAddresses
    .map((a) => parseSignallingAddress(a))
    .filter((a): a is SignallingAddress => a !== undefined && !a.isNetwork)
    .map((a, i) => ({
      name: `${model.name}-sip-${String(i + 1).padStart(2, '0')}`,
      host: a.family === 6 ? `[${a.address}]` : a.address,
    }));
  const registerPrefix = first === 'udp' ? '' : `${first}://`;
  const registerPort = first === 'tls' ? `:${model.carrier.ports.tls}` : '';
  const header = asteriskComment(
    [
      ctx.generatedBy,
      `Asterisk chan_sip configuration for the ${model.name} trunk (${domain}).`,
      'chan_sip was deprecated in Asterisk 17 and removed in Asterisk 21: there, use the asterisk-pjsip target.',
      'Differences from the carrier document\'s example, on purpose:',
      ` - [${model.name}-sip] is marked (!) as a template: without (!) it is also a peer of its own, with no host;`,
      ' - the outbound peer has insecure=port,invite: the document\'s insecure=very is invalid since Asterisk 1.6',
      '   (Asterisk logs "Unknown insecure mode" and ignores it).',
      ctx.secretMode === 'placeholder' ? 'Replace <secret> with the account\'s API secret (or render with --secrets inline).' : 'This file holds the API secret: keep it readable by Asterisk only.',
    ].join('\n'),
  );
  const view = {
    header,
    register: settings.register ? `${registerPrefix}${model.account.apiKey}:${ctx.secretText}@${domain}${registerPort}` : undefined,
    tcp: model.transports.includes('tcp'),
    tls: tls ? { certFile: tls.certFile, keyFile: tls.keyFile, caFile: tls.caFile, bind: `0.0.0.0:${model.carrier.ports.tls}` } : undefined,
    name: model.name,
    domain,
    inboundContext: settings.inboundContext,
    nat: settings.nat ? 'force_rport,comedia' : 'no',
    codecs: model.codecs.map((c) => ASTERISK_CODECS[c]),
    peers,
    apiKey: model.account.apiKey,
    fromUser: e164Digits(model.callerId.e164),
    secret: ctx.secretText,
    qualifyFreq: settings.qualifySeconds,
    transport: model.transports.join(','),
    tlsPort: first === 'tls' ? model.carrier.ports.tls : undefined,
  };
  const files: RenderedFile[] = [
    { target: 'asterisk-chansip', path: FILE, content: renderTemplate('asterisk-chansip', 'sip.conf', view), ...(ctx.secretMode === 'inline' ? { mode: 0o600 } : {}) },
  ];
  const dialplan = renderDialplan(ctx, 'asterisk-chansip');
  if (dialplan) files.push(dialplan);
  return files;
}

export const asteriskChansip: TargetRenderer = { target: 'asterisk-chansip', check, render };
