/**
 * A SIP target: where a request goes. The user agent sends to an explicit address, port and
 * transport; resolution (RFC 3263) happens above it (src/resolve), or here with the system
 * resolver when only a host name is given.
 *
 * `parseRequestTarget` reads what a user types: a SIP URI (`sip:127.0.0.1:5070;transport=tcp`,
 * `sips:trunk.example.com`) or `host[:port]` (`[2001:db8::1]:5061`).
 */
import { isIP } from 'node:net';
import { SiptrunkError } from '../../util/siptrunk-error.js';
import { parseUri } from '../uri.js';
import { TRANSPORT_NAMES, type TransportName } from '../transport/transport.js';

export interface SipRequestTarget {
  /** Host name or IP literal (no brackets). */
  host: string;
  port: number;
  transport: TransportName;
  /** Pre-resolved IP address (from a plan); the host is resolved when absent. */
  address?: string;
  /** Request-URI to use instead of the one built from host and port. */
  uri?: string;
}

/** RFC 3261 19.1.2: 5060 for sip over UDP/TCP, 5061 for TLS. */
export function defaultSipPort(transport: TransportName): number {
  return transport === 'tls' ? 5061 : 5060;
}

function bad(text: string, why: string): never {
  throw new SiptrunkError('SIPUA_BAD_TARGET', `target "${text}": ${why}`, {
    expected: 'a SIP URI such as sip:192.0.2.10:5060;transport=tcp or host[:port] such as sip.example.com:5061',
  });
}

export function parseTransport(value: string, where = '--transport'): TransportName {
  const t = value.trim().toLowerCase();
  if ((TRANSPORT_NAMES as readonly string[]).includes(t)) return t as TransportName;
  throw new SiptrunkError('SIPUA_BAD_TRANSPORT', `${where} "${value}" is not a transport siptrunk speaks`, { expected: 'udp, tcp or tls' });
}

/**
 * Parses a target as typed. `transport` comes from --transport; when the URI says otherwise
 * (`;transport=` or `sips:`) that is an error, since one of the two is a mistake.
 */
export function parseRequestTarget(text: string, transport?: TransportName): SipRequestTarget {
  const t = text.trim();
  if (!t) bad(text, 'empty');
  if (/^sips?:/i.test(t)) {
    let uri;
    try {
      uri = parseUri(t);
    } catch (e) {
      bad(text, (e as Error).message);
    }
    if (!uri.host) bad(text, 'the URI has no host');
    const sips = uri.scheme === 'sips';
    const param = uri.params['transport'];
    let tr: TransportName | undefined = param ? parseTransport(param, 'the URI transport parameter') : undefined;
    if (sips) {
      if (tr && tr !== 'tls') bad(text, `a sips: URI needs TLS, not ${tr}`);
      tr = 'tls';
    }
    if (transport && tr && transport !== tr) bad(text, `--transport ${transport} contradicts the URI's ${tr}`);
    const final = transport ?? tr ?? 'udp';
    return { host: uri.host, port: uri.port ?? defaultSipPort(final), transport: final, uri: t, ...(isIP(uri.host) ? { address: uri.host } : {}) };
  }
  let host: string;
  let portText: string | undefined;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (v6) {
    host = v6[1]!;
    portText = v6[2];
    if (isIP(host) !== 6) bad(text, `"${host}" is not an IPv6 address`);
  } else if (isIP(t) === 6) {
    host = t;
  } else {
    const m = /^([A-Za-z0-9.-]+)(?::(\d+))?$/.exec(t);
    if (!m) bad(text, 'not a host name, IPv4 address or [IPv6] address with an optional :port');
    host = m[1]!;
    portText = m[2];
  }
  const final = transport ?? 'udp';
  let port = defaultSipPort(final);
  if (portText !== undefined) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) bad(text, `port ${portText} is outside 1-65535`);
  }
  return { host, port, transport: final, ...(isIP(host) ? { address: host } : {}) };
}

/** `host:port` or `[v6]:port`. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The Request-URI for a target: its own, or sip:[user@]host:port with the transport parameter for TCP/TLS. */
export function requestUri(target: SipRequestTarget, user?: string): string {
  if (target.uri && !user) return target.uri;
  const base = `sip:${user ? `${user}@` : ''}${hostPort(target.host, target.port)}`;
  return target.transport === 'udp' ? base : `${base};transport=${target.transport}`;
}
