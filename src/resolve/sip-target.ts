import { isIP } from 'node:net';
import { SiptrunkError } from '../util/siptrunk-error.js';
import type { ForwardEntry, Transport } from '../model/types.js';

/**
 * What RFC 3263 resolution needs from a target: the scheme, the host, and whether a port or a
 * transport was written (4.1 and 4.2 short-circuit on them). Accepts the forms users type:
 * `sip.nexmo.com`, `sip.nexmo.com:5080`, `[2001:db8::1]:5060`, `sip:1234@pbx.example.com;transport=tcp`,
 * `sips:pbx.example.com:5062`.
 */
export interface SipTarget {
  input: string;
  scheme: 'sip' | 'sips';
  user: string | undefined;
  /** Host, lower case, without IPv6 brackets or a trailing dot. */
  host: string;
  hostKind: 'domain' | 'ipv4' | 'ipv6';
  /** The port written in the target, if any. */
  port: number | undefined;
  /** The transport= parameter (tcp with sips means TLS), if any. */
  transport: Transport | undefined;
  params: Record<string, string | null>;
}

function invalid(input: string, why: string): SiptrunkError {
  return new SiptrunkError('RESOLVE_TARGET_INVALID', `target "${input}" ${why}`, {
    location: { path: 'target' },
    expected: 'host, host:port, [ipv6]:port, or a sip:/sips: URI such as sip:1234@pbx.example.com:5060;transport=tcp',
  });
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export function parseSipTarget(input: string): SipTarget {
  let rest = input.trim();
  if (rest === '') throw invalid(input, 'is empty');
  let scheme: 'sip' | 'sips' = 'sip';
  const m = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[;?]|$))/i.exec(rest);
  if (m && !rest.startsWith('[')) {
    const s = (m[1] ?? '').toLowerCase();
    if (s !== 'sip' && s !== 'sips') throw invalid(input, `has scheme "${s}"`);
    scheme = s;
    rest = rest.slice(m[0].length);
  }
  // Headers (?...) play no part in resolution.
  const q = rest.indexOf('?');
  if (q >= 0) rest = rest.slice(0, q);
  const [hostport = '', ...paramParts] = rest.split(';');
  const params: Record<string, string | null> = {};
  for (const p of paramParts) {
    if (p === '') continue;
    const eq = p.indexOf('=');
    const name = (eq < 0 ? p : p.slice(0, eq)).toLowerCase();
    params[name] = eq < 0 ? null : p.slice(eq + 1);
  }
  let hp = hostport;
  let user: string | undefined;
  const at = hp.lastIndexOf('@');
  if (at >= 0) {
    user = hp.slice(0, at);
    hp = hp.slice(at + 1);
  }
  let host: string;
  let portText: string | undefined;
  if (hp.startsWith('[')) {
    const close = hp.indexOf(']');
    if (close < 0) throw invalid(input, 'has an IPv6 address without its closing "]"');
    host = hp.slice(1, close);
    const after = hp.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) throw invalid(input, `has "${after}" after the IPv6 address`);
    portText = after === '' ? undefined : after.slice(1);
    if (isIP(host) !== 6) throw invalid(input, `has "[${host}]", not an IPv6 address`);
  } else if (isIP(hp) === 6) {
    host = hp;
  } else {
    const c = hp.lastIndexOf(':');
    host = c < 0 ? hp : hp.slice(0, c);
    portText = c < 0 ? undefined : hp.slice(c + 1);
  }
  host = host.toLowerCase().replace(/\.$/, '');
  const kind = isIP(host);
  const hostKind = kind === 4 ? 'ipv4' : kind === 6 ? 'ipv6' : 'domain';
  if (hostKind === 'domain' && !DOMAIN.test(host)) throw invalid(input, `has host "${host}", not a domain name or IP address`);
  let port: number | undefined;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      throw invalid(input, `has port "${portText}"; a port is 1-65535`);
    }
    port = Number(portText);
  }
  let transport: Transport | undefined;
  const t = params['transport'];
  if (t !== undefined) {
    const tl = (t ?? '').toLowerCase();
    if (tl === 'udp' && scheme === 'sips') {
      throw new SiptrunkError('RESOLVE_TRANSPORT_UNSUPPORTED', `target "${input}" asks for sips over UDP`, {
        location: { path: 'target' },
        expected: 'sips: with transport=tcp or tls (RFC 3261 26.2.2: sips needs TLS over a reliable transport)',
      });
    }
    if (tl === 'udp') transport = 'udp';
    else if (tl === 'tcp') transport = scheme === 'sips' ? 'tls' : 'tcp';
    else if (tl === 'tls') transport = 'tls';
    else {
      throw new SiptrunkError('RESOLVE_TRANSPORT_UNSUPPORTED', `target "${input}" has transport=${t ?? ''}`, {
        location: { path: 'target' },
        expected: 'transport=udp, tcp or tls',
      });
    }
  }
  return { input, scheme, user, host, hostKind, port, transport, params };
}

/** The target of a forward-to-SIP entry, as the model parsed it. */
export function targetFromForwardEntry(e: ForwardEntry): SipTarget {
  return {
    input: e.uri,
    scheme: e.scheme,
    user: e.user,
    host: e.host.toLowerCase().replace(/^\[|\]$/g, ''),
    hostKind: e.hostKind,
    port: e.explicitPort ? e.port : undefined,
    transport: e.params['transport'] !== undefined ? e.transport : undefined,
    params: e.params,
  };
}

/** RFC 3261 19.1.2: 5060 for sip over UDP and TCP, 5061 over TLS. */
export function defaultPort(transport: Transport): number {
  return transport === 'tls' ? 5061 : 5060;
}
