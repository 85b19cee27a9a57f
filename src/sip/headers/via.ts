import { SipParseError } from '../parse-error.js';
import { hostKindOf, type HostKind } from '../uri.js';
import { parseParams, formatParams, newParams, setParam, type Params } from './params.js';

/**
 * One Via value (RFC 3261 20.42, 25.1): `sent-protocol LWS sent-by *( SEMI via-params )`,
 * with `rport` from RFC 3581.
 */
export interface Via {
  /** `SIP/2.0` (protocol-name/protocol-version, upper-cased name). */
  protocol: string;
  /** Transport token, upper-cased: UDP, TCP, TLS, SCTP, WS, WSS or any other token (RFC 4475 transports). */
  transport: string;
  /** Host without IPv6 brackets. */
  host: string;
  hostKind: HostKind;
  port: number | undefined;
  branch: string | undefined;
  /** RFC 3581: `true` for a bare `rport` (request), the number once filled in (response). */
  rport: number | true | undefined;
  received: string | undefined;
  /** Every parameter, names lower-cased, branch/rport/received included. */
  params: Params;
}

function fail(value: string, why: string): never {
  throw new SipParseError('SIP_PARSE_HEADER_VALUE', `Via "${value}": ${why}`, {
    location: { header: 'Via' },
    expected: 'SIP/2.0/TRANSPORT host[:port];branch=z9hG4bK... (RFC 3261 20.42)',
  });
}

const SENT_PROTOCOL = /^[ \t\r\n]*([^ \t\r\n/]+)[ \t\r\n]*\/[ \t\r\n]*([^ \t\r\n/]+)[ \t\r\n]*\/[ \t\r\n]*([^ \t\r\n/;]+)[ \t\r\n]+/;

/** Parses one Via value (not a comma list: split it first). `onEmptyParam` is told about `;;`. */
export function parseVia(value: string, onEmptyParam?: () => void): Via {
  let protocol: string;
  let transport: string;
  let i: number;
  // Fast path for the common spelling "SIP/2.0/UDP host...", else the grammar with SWS around "/".
  const sp = value.indexOf(' ');
  if (sp > 8 && value.startsWith('SIP/2.0/') && value.lastIndexOf('/', sp) === 7) {
    protocol = 'SIP/2.0';
    transport = value.slice(8, sp);
    if (transport !== 'UDP' && transport !== 'TCP' && transport !== 'TLS') transport = transport.toUpperCase();
    i = sp + 1;
    while (i < value.length && (value.charCodeAt(i) === 0x20 || value.charCodeAt(i) === 0x09)) i++;
    for (let k = 8; k < sp; k++) {
      const c = value.charCodeAt(k);
      if (c === 0x3b || c === 0x09 || c === 0x0d || c === 0x0a) fail(value, 'no sent-protocol followed by whitespace');
    }
  } else {
    const m = SENT_PROTOCOL.exec(value);
    if (!m) fail(value, 'no sent-protocol followed by whitespace');
    protocol = `${m[1]!.toUpperCase()}/${m[2]}`;
    transport = m[3]!.toUpperCase();
    i = m[0].length;
  }
  const hostStart = i;
  const n = value.length;
  let host: string;
  if (value.charCodeAt(i) === 0x5b /* [ */) {
    const close = value.indexOf(']', i);
    if (close < 0) fail(value, 'unterminated IPv6 reference');
    host = value.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    while (i < n) {
      const c = value.charCodeAt(i);
      if (c === 0x3a || c === 0x3b || c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) break;
      i++;
    }
    host = value.slice(start, i);
  }
  const hostKind = hostKindOf(host, value.charCodeAt(hostStart) === 0x5b);
  if (hostKind === undefined) fail(value, `"${host}" is not a host name or IP address`);
  let j = i;
  while (j < n && (value.charCodeAt(j) === 0x20 || value.charCodeAt(j) === 0x09)) j++;
  let port: number | undefined;
  if (value.charCodeAt(j) === 0x3a /* : */) {
    j++;
    while (j < n && (value.charCodeAt(j) === 0x20 || value.charCodeAt(j) === 0x09)) j++;
    const ps = j;
    while (j < n && value.charCodeAt(j) >= 0x30 && value.charCodeAt(j) <= 0x39) j++;
    if (j === ps || j - ps > 5) fail(value, 'port is not a number');
    port = Number(value.slice(ps, j));
    if (port > 65535) fail(value, `port ${port} is above 65535`);
    i = j;
  }
  let params: Params;
  try {
    const r = parseParams(value, i);
    if (r.end !== n) fail(value, `unexpected text "${value.slice(r.end)}"`);
    if (r.empty > 0) onEmptyParam?.();
    params = r.params;
  } catch (e) {
    if (e instanceof SipParseError) throw e;
    fail(value, (e as Error).message);
  }
  const rportRaw = params.rport;
  let rport: number | true | undefined;
  if (rportRaw === null) rport = true;
  else if (rportRaw !== undefined) {
    if (!/^\d{1,5}$/.test(rportRaw)) fail(value, `rport "${rportRaw}" is not a port number`);
    rport = Number(rportRaw);
  }
  return {
    protocol,
    transport,
    host,
    hostKind,
    port,
    branch: params.branch ?? undefined,
    rport,
    received: params.received ?? undefined,
    params,
  };
}

/** Formats a Via value: `SIP/2.0/UDP host:port;branch=...;rport` (brackets added for IPv6). */
export function formatVia(v: {
  transport: string;
  host: string;
  port?: number | undefined;
  branch?: string | undefined;
  rport?: number | true | undefined;
  received?: string | undefined;
  params?: Params;
}): string {
  const host = v.host.includes(':') && !v.host.startsWith('[') ? `[${v.host}]` : v.host;
  let out = `SIP/2.0/${v.transport.toUpperCase()} ${host}${v.port !== undefined ? `:${v.port}` : ''}`;
  const rest = newParams();
  if (v.branch !== undefined) rest.branch = v.branch;
  if (v.received !== undefined) rest.received = v.received;
  if (v.rport !== undefined) rest.rport = v.rport === true ? null : String(v.rport);
  for (const [k, val] of Object.entries(v.params ?? {})) if (!Object.hasOwn(rest, k)) setParam(rest, k, val);
  out += formatParams(rest);
  return out;
}
