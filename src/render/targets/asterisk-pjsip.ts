/**
 * Asterisk chan_pjsip: asterisk/pjsip.conf, the same trunk as asterisk/pjsip_wizard.conf, and
 * the shared asterisk/extensions.conf.
 *
 * Option names are res_pjsip's (configs/samples/pjsip.conf.sample): an unknown option makes
 * Asterisk drop the whole object ("Could not find option suitable for category"), so nothing
 * else is written. Against the carrier document's example this adds dtmf_mode=rfc4733 (RFC 2833
 * events are called rfc4733 in pjsip, RFC 4733 having obsoleted 2833), from_domain, direct_media=no,
 * identify matches for IPv6 addresses and networks, and keeps the registration's outbound_auth
 * (without it the REGISTER cannot answer the carrier's Digest challenge).
 *
 * TLS: `method` selects the protocol pjproject offers. With pjproject's OpenSSL back end a
 * single method is the only version negotiated (FreePBX issue-tracker #472, asterisk #162), so
 * method=tlsv1_2 means TLS 1.2, nothing older; tlsv1_3 is written when the carrier's minimum is 1.3.
 */
import type { TargetRenderer, RenderContext, RenderedFile } from '../types.js';
import type { Transport } from '../../model/types.js';
import { FindingList } from '../findings.js';
import { checkCommon, checkSecret, signallingAddresses } from '../model-checks.js';
import { pbxSettings, e164Digits } from '../pbx-settings.js';
import { ASTERISK_CODECS } from '../codec-names.js';
import { asteriskComment, asteriskValueProblem, sectionNameProblem } from '../escape/asterisk.js';
import { checkDialplan, checkMergedDialplan, renderDialplan } from './asterisk-dialplan.js';
import { checkPbxTls } from './asterisk-tls.js';
import { renderTemplate } from '../templates.js';
import { parseSignallingAddress, type SignallingAddress } from '../addresses.js';

const FILE = 'asterisk/pjsip.conf';
const WIZARD = 'asterisk/pjsip_wizard.conf';

function check(ctx: RenderContext) {
  const f = new FindingList();
  const { model } = ctx;
  checkCommon(f, model, FILE);
  signallingAddresses(f, model, FILE);
  f.check(sectionNameProblem(`${model.name}-identify`), '/name', FILE, 'a trunk name usable as a section name');
  const { settings, path } = pbxSettings(model, 'asterisk-pjsip');
  checkPbxTls(f, settings, path ?? '/pbx (defaults for asterisk-pjsip)', model.transports, FILE);
  checkSecret(f, ctx, FILE, asteriskValueProblem);
  checkDialplan(f, ctx, 'asterisk-pjsip');
  checkMergedDialplan(f, ctx);
  return f.items;
}

/** A SIP URI towards the carrier for the preferred transport; `\;` is a literal ';' in Asterisk's config format. */
function carrierUri(host: string, transport: Transport, tlsPort: number, user?: string): string {
  const u = user ? `${user}@` : '';
  if (transport === 'tls') return `sip:${u}${host}:${tlsPort}\\;transport=tls`;
  if (transport === 'tcp') return `sip:${u}${host}\\;transport=tcp`;
  return `sip:${u}${host}`;
}

function render(ctx: RenderContext): RenderedFile[] {
  const { model } = ctx;
  const { settings } = pbxSettings(model, 'asterisk-pjsip');
  const domain = model.carrier.domain;
  const first: Transport = model.transports[0] ?? 'udp';
  const addrs = model.carrier.signallingAddresses
    .map((a) => parseSignallingAddress(a))
    .filter((a): a is SignallingAddress => a !== undefined);
  const hasV6 = addrs.some((a) => a.family === 6);
  const tlsMethod = model.carrier.tls.minVersion === 'TLSv1.3' ? 'tlsv1_3' : 'tlsv1_2';
  const transports = model.transports.flatMap((t) => {
    const port = model.carrier.ports[t];
    const tls = t === 'tls' && settings.tls ? { certFile: settings.tls.certFile, keyFile: settings.tls.keyFile, caFile: settings.tls.caFile, method: tlsMethod } : undefined;
    const v4 = { name: `transport-${t}`, protocol: t, bind: `0.0.0.0:${port}`, tls };
    // A transport bound to 0.0.0.0 receives IPv4 only: IPv6 carrier addresses need their own.
    return hasV6 ? [v4, { name: `transport-${t}6`, protocol: t, bind: `[::]:${port}`, tls }] : [v4];
  });
  const match = addrs.map((a) => (a.isNetwork ? a.cidr : a.address));
  const codecs = model.codecs.map((c) => ASTERISK_CODECS[c]);
  const common = {
    name: model.name,
    transport: `transport-${first}`,
    context: settings.inboundContext,
    codecs,
    fromUser: e164Digits(model.callerId.e164),
    domain,
    apiKey: model.account.apiKey,
    secret: ctx.secretText,
    qualify: settings.qualifySeconds,
    nat: settings.nat,
    register: settings.register,
    match,
  };
  const secretNote = ctx.secretMode === 'placeholder'
    ? 'Replace <secret> with the account\'s API secret (or render with --secrets inline).'
    : 'This file holds the API secret: keep it readable by Asterisk only.';
  const header = asteriskComment(
    [
      ctx.generatedBy,
      `Asterisk chan_pjsip configuration for the ${model.name} trunk (${domain}).`,
      'Compared with the carrier document\'s example: dtmf_mode=rfc4733 (RFC 2833 events), from_domain,',
      'direct_media=no, an identify match for every signalling address (IPv6 and networks included), and',
      'the registration keeps outbound_auth, without which it cannot answer the carrier\'s challenge.',
      `TLS: method=${tlsMethod} makes pjproject offer TLS ${tlsMethod === 'tlsv1_3' ? '1.3' : '1.2'} and nothing older.`,
      secretNote,
    ].join('\n'),
  );
  const wizardHeader = asteriskComment(
    [
      ctx.generatedBy,
      `The ${model.name} trunk as one res_pjsip_config_wizard section: the same endpoint, aor, auth,`,
      'registration and identify as pjsip.conf writes. Use one or the other, not both (both create',
      `endpoint ${model.name}). The wizard does not create transports: keep pjsip.conf's [transport-*] sections.`,
      'identify/match is given explicitly, so remote_hosts makes only the contact and the registration.',
      secretNote,
    ].join('\n'),
  );
  const remoteHost = first === 'tls' ? `${domain}:${model.carrier.ports.tls}` : domain;
  const transportParam = first === 'udp' ? '' : `\\;transport=${first}`;
  const mode = ctx.secretMode === 'inline' ? { mode: 0o600 } : {};
  const files: RenderedFile[] = [
    {
      target: 'asterisk-pjsip',
      path: FILE,
      content: renderTemplate('asterisk-pjsip', 'pjsip.conf', {
        ...common,
        header,
        transports,
        contact: carrierUri(domain, first, model.carrier.ports.tls),
        serverUri: carrierUri(domain, first, model.carrier.ports.tls),
        clientUri: `sip:${model.account.apiKey}@${domain}`,
      }),
      ...mode,
    },
    {
      target: 'asterisk-pjsip',
      path: WIZARD,
      content: renderTemplate('asterisk-pjsip', 'pjsip_wizard.conf', {
        ...common,
        header: wizardHeader,
        remoteHost,
        patterns: transportParam ? { contact: `sip:\${REMOTE_HOST}${transportParam}`, server: `sip:\${REMOTE_HOST}${transportParam}` } : undefined,
        allow: codecs.join(','),
        matchList: match.join(','),
      }),
      ...mode,
    },
  ];
  const dialplan = renderDialplan(ctx, 'asterisk-pjsip');
  if (dialplan) files.push(dialplan);
  return files;
}

export const asteriskPjsip: TargetRenderer = { target: 'asterisk-pjsip', check, render };
