/**
 * Checks of the model values every target writes (trunk name, carrier host, API key, caller ID,
 * DIDs, signalling addresses, secret), each reported against the format that would hold it.
 */
import type { TrunkModel } from '../model/types.js';
import { FindingList } from './findings.js';
import { parseSignallingAddress, type SignallingAddress } from './addresses.js';
import { describeChar, firstControl } from './escape/characters.js';
import type { RenderContext } from './types.js';

const HOST_RE = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export function hostProblem(value: string): string | undefined {
  if (HOST_RE.test(value)) return undefined;
  const ctl = firstControl(value);
  if (ctl) return `contains ${describeChar(ctl.ch)}`;
  return 'is not a host name (letters, digits, - and . labels)';
}

/** The user part of a SIP URI written unescaped (RFC 3261 unreserved characters, minus the ones our formats parse). */
export function sipUserProblem(value: string): string | undefined {
  if (/^[A-Za-z0-9._~*+=-]{1,64}$/.test(value)) return undefined;
  const bad = [...value].find((c) => !/[A-Za-z0-9._~*+=-]/.test(c));
  return bad === undefined ? 'is empty or longer than 64 characters' : `contains ${describeChar(bad)}, which a SIP URI user part here cannot hold unescaped`;
}

export function digitsProblem(e164: string): string | undefined {
  if (/^\+?[0-9]{1,15}$/.test(e164)) return undefined;
  return 'is not an E.164 number (+ and 1 to 15 digits)';
}

export const TRUNK_NAME_RE = /^[a-z][a-z0-9_-]{0,31}$/;

export function checkTrunkName(f: FindingList, model: TrunkModel, format: string): void {
  f.check(TRUNK_NAME_RE.test(model.name) ? undefined : 'is not a trunk name', '/name', format, 'a lower-case letter, then up to 31 of a-z 0-9 _ -');
}

export function checkCommon(f: FindingList, model: TrunkModel, format: string, opts: { callerId?: boolean; dids?: boolean; apiKey?: boolean; domain?: boolean } = {}): void {
  checkTrunkName(f, model, format);
  if (opts.domain !== false) f.check(hostProblem(model.carrier.domain), '/carrier/domain', format, 'a host name such as sip.nexmo.com');
  if (opts.apiKey !== false) f.check(sipUserProblem(model.account.apiKey), '/account/apiKey', format, 'letters, digits and . _ ~ * + = -');
  if (opts.callerId !== false) f.check(digitsProblem(model.callerId.e164), '/callerId/e164', format, 'an E.164 number such as +447937947990');
  if (model.transports.length === 0) f.check('is empty', '/transports', format, 'at least one of udp, tcp, tls');
  for (const [k, p] of Object.entries(model.carrier.ports)) {
    if (!Number.isInteger(p) || p < 1 || p > 65535) f.check(`is ${String(p)}, not a port`, `/carrier/ports/${k}`, format, 'a port 1-65535');
  }
  model.pbx.forEach((p, i) => {
    if (!Number.isInteger(p.qualifySeconds) || p.qualifySeconds < 0 || p.qualifySeconds > 86400) {
      f.check(`is ${String(p.qualifySeconds)}, not a number of seconds`, `/pbx/${i}/qualifySeconds`, format, 'whole seconds, 0 to 86400');
    }
  });
  if (opts.dids !== false) {
    model.dids.forEach((d, i) => f.check(digitsProblem(d.e164), `/dids/${i}/e164`, format, 'an E.164 number such as +14155550100'));
  }
}

/** The carrier's signalling addresses; an entry that is not an address or CIDR is a finding. */
export function signallingAddresses(f: FindingList, model: TrunkModel, format: string): SignallingAddress[] {
  const out: SignallingAddress[] = [];
  model.carrier.signallingAddresses.forEach((a, i) => {
    const parsed = parseSignallingAddress(a);
    if (!parsed) {
      f.check('is not an IPv4 or IPv6 address or CIDR', `/carrier/signallingAddresses/${i}`, format, 'an address such as 173.193.199.24 or a CIDR such as 5.10.112.0/24', 'RENDER_BAD_ADDRESS');
    } else {
      out.push(parsed);
    }
  });
  return out;
}

/**
 * Checks the secret text for a format without ever quoting it: the finding says which rule it
 * breaks, not which character, so no part of the secret reaches a message.
 */
export function checkSecret(f: FindingList, ctx: RenderContext, format: string, problem: (v: string) => string | undefined): void {
  if (ctx.secretMode !== 'inline') return;
  const p = problem(ctx.secretText);
  if (p !== undefined) {
    f.check('(the resolved secret) has a character this format cannot hold', '/account/secretRef', format, 'a secret of printable characters without the format\'s special characters (use --secrets placeholder and fill it in by hand)');
  }
}

/** The ports of the enabled transports, by protocol, for firewalls. */
export function signallingPorts(model: TrunkModel): { udp: number[]; tcp: number[] } {
  const udp = new Set<number>();
  const tcp = new Set<number>();
  for (const t of model.transports) {
    if (t === 'udp') udp.add(model.carrier.ports.udp);
    if (t === 'tcp') tcp.add(model.carrier.ports.tcp);
    if (t === 'tls') tcp.add(model.carrier.ports.tls);
  }
  const sort = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { udp: sort(udp), tcp: sort(tcp) };
}
