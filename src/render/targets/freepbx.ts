/**
 * FreePBX: the trunk as FreePBX's trunk forms ask for it, as a readable sheet
 * (freepbx/<trunk>-trunk.txt) and as JSON (freepbx/<trunk>-trunk.json), for a chan_sip trunk
 * (PEER details, USER details, register string) and for a PJSIP trunk (the fields of its form).
 *
 * FreePBX writes these values into Asterisk's configuration files, so they follow Asterisk's
 * rules (src/render/escape/asterisk.ts). The carrier document lists its inbound USER details
 * once per carrier address, but a FreePBX chan_sip trunk has one USER context: the sheet has one
 * inbound-only trunk per address. JSON cannot hold a comment: "_generated" says where it came from.
 */
import type { TargetRenderer, RenderContext, RenderedFile } from '../types.js';
import { FindingList } from '../findings.js';
import { checkCommon, checkSecret, signallingAddresses } from '../model-checks.js';
import { pbxSettings, e164Digits } from '../pbx-settings.js';
import { ASTERISK_CODECS } from '../codec-names.js';
import { asteriskValueProblem, extensionPatternProblem, sectionNameProblem } from '../escape/asterisk.js';
import { renderTemplate } from '../templates.js';
import { parseSignallingAddress, type SignallingAddress } from '../addresses.js';
import { hashComment } from '../escape/shell.js';

function paths(name: string) {
  return { sheet: `freepbx/${name}-trunk.txt`, json: `freepbx/${name}-trunk.json` };
}

function check(ctx: RenderContext) {
  const f = new FindingList();
  const { model } = ctx;
  const file = 'freepbx trunk sheet';
  checkCommon(f, model, file);
  const addrs = signallingAddresses(f, model, file);
  for (const a of addrs) {
    if (a.isNetwork) {
      f.add({
        severity: 'warning',
        code: 'RENDER_CIDR_NOT_SUPPORTED',
        message: `${a.cidr} is a network: a FreePBX chan_sip trunk cannot have it as host; only the PJSIP trunk's Match (Permit) lists it`,
        path: `/carrier/signallingAddresses/${model.carrier.signallingAddresses.indexOf(a.input)}`,
        expected: 'single addresses for chan_sip trunks',
      });
    }
  }
  const { settings, path } = pbxSettings(model, 'freepbx');
  const at = path ?? '/pbx (defaults for freepbx)';
  f.check(sectionNameProblem(settings.inboundContext), `${at}/inboundContext`, file, 'a context name of A-Z a-z 0-9 _ . + -');
  settings.outboundPatterns.forEach((p, i) =>
    f.check(extensionPatternProblem(p), `${at}/outboundPatterns/${i}`, file, 'an Asterisk pattern such as _00X.', 'RENDER_BAD_PATTERN'),
  );
  checkSecret(f, ctx, file, (v) => asteriskValueProblem(v) ?? (/[:@/~\s]/.test(v) ? 'splits the register string' : undefined));
  return f.items;
}

function render(ctx: RenderContext): RenderedFile[] {
  const { model } = ctx;
  const { settings } = pbxSettings(model, 'freepbx');
  const domain = model.carrier.domain;
  const first = model.transports[0] ?? 'udp';
  const codecs = model.codecs.map((c) => ASTERISK_CODECS[c]);
  const callerId = e164Digits(model.callerId.e164);
  const addrs = model.carrier.signallingAddresses
    .map((a) => parseSignallingAddress(a))
    .filter((a): a is SignallingAddress => a !== undefined);
  const nat = settings.nat ? 'force_rport,comedia' : 'no';
  const peerDetails = [
    `host=${domain}`,
    'type=friend',
    'insecure=port,invite',
    'qualify=yes',
    `qualifyfreq=${settings.qualifySeconds}`,
    `nat=${nat}`,
    'disallow=all',
    `allow=${codecs.join(',')}`,
    'dtmfmode=rfc2833',
    `username=${model.account.apiKey}`,
    `defaultuser=${model.account.apiKey}`,
    `fromuser=${callerId}`,
    `fromdomain=${domain}`,
    `secret=${ctx.secretText}`,
    `transport=${model.transports.join(',')}`,
    ...(first === 'tls' ? [`port=${model.carrier.ports.tls}`] : []),
  ];
  const userTrunks = addrs
    .filter((a) => !a.isNetwork)
    .map((a, i) => ({
      trunkName: `${model.name}-in-${String(i + 1).padStart(2, '0')}`,
      userContext: `${model.name}-in-${String(i + 1).padStart(2, '0')}`,
      userDetails: [
        `host=${a.family === 6 ? `[${a.address}]` : a.address}`,
        'type=friend',
        'insecure=port,invite',
        `context=${settings.inboundContext}`,
        `nat=${nat}`,
        'disallow=all',
        `allow=${codecs.join(',')}`,
        'dtmfmode=rfc2833',
      ],
    }));
  const registerPrefix = first === 'udp' ? '' : `${first}://`;
  const registerPort = first === 'tls' ? `:${model.carrier.ports.tls}` : '';
  const pjsip = {
    trunkName: model.name,
    outboundCallerId: callerId,
    username: model.account.apiKey,
    secret: ctx.secretText,
    authentication: 'Outbound',
    registration: settings.register ? 'Send' : 'None',
    sipServer: domain,
    sipServerPort: model.carrier.ports[first],
    context: settings.inboundContext,
    transport: `0.0.0.0-${first}`,
    dtmfMode: 'RFC 4733',
    qualifyFrequency: settings.qualifySeconds,
    fromDomain: domain,
    fromUser: callerId,
    matchPermit: addrs.map((a) => (a.isNetwork ? a.cidr : a.address)),
    codecs,
  };
  const doc = {
    _generated: `${ctx.generatedBy}; FreePBX trunk settings for the ${model.name} trunk (${domain})`,
    trunkName: model.name,
    chanSip: {
      outboundCallerId: callerId,
      peerDetails,
      registerString: settings.register ? `${registerPrefix}${model.account.apiKey}:${ctx.secretText}@${domain}${registerPort}` : undefined,
      inboundTrunks: userTrunks,
    },
    pjsip,
    outboundRoute: {
      // FreePBX dial patterns are written without Asterisk's leading underscore.
      dialPatterns: settings.outboundPatterns.map((p) => (p.startsWith('_') ? p.slice(1) : p)),
      outboundCallerId: callerId,
    },
  };
  const header = hashComment(
    [
      ctx.generatedBy,
      `FreePBX trunk settings for the ${model.name} trunk (${domain}): copy each field into the trunk form.`,
      ctx.secretMode === 'placeholder' ? 'Replace <secret> with the account\'s API secret (or render with --secrets inline).' : 'This sheet holds the API secret: keep it private.',
    ].join('\n'),
  );
  const p = paths(model.name);
  const mode = ctx.secretMode === 'inline' ? { mode: 0o600 } : {};
  return [
    { target: 'freepbx', path: p.sheet, content: renderTemplate('freepbx', 'trunk.txt', { header, ...doc, matchPermitList: pjsip.matchPermit.join(',') }), ...mode },
    { target: 'freepbx', path: p.json, content: JSON.stringify(doc, null, 2) + '\n', ...mode },
  ];
}

export const freepbx: TargetRenderer = { target: 'freepbx', check, render };
