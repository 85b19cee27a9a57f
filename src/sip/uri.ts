import { isIPv6 } from 'node:net';
import { SipParseError } from './parse-error.js';
import { setParam } from './headers/params.js';

/**
 * SIP and SIPS URIs (RFC 3261 19.1, grammar in 25.1), tel URIs (RFC 3966, number and
 * parameters only) and any other absolute URI (kept opaque, RFC 3261 19.1 allows them in
 * Request-URIs and name-addrs).
 */

export type HostKind = 'domain' | 'ipv4' | 'ipv6';

export interface SipUri {
  /** Lower-cased scheme: `sip`, `sips`, `tel` or any other. */
  scheme: string;
  /** User part, escapes kept (`%40`) unless parsed with `decodeUser`; for tel: the number. */
  user: string | undefined;
  password: string | undefined;
  /** Host without IPv6 brackets; empty for tel and opaque URIs. */
  host: string;
  /** `undefined` for tel and opaque URIs, which have no host. */
  hostKind: HostKind | undefined;
  port: number | undefined;
  /** uri-parameters: names lower-cased and unescaped, values unescaped, `null` for a flag (`;lr`). */
  params: Record<string, string | null>;
  /** headers after `?`, unescaped. */
  headers: Record<string, string>;
  /** For schemes other than sip, sips and tel: everything after `scheme:`. */
  opaque?: string;
}

export interface ParseUriOptions {
  /** Decode %XX escapes in the user part (RFC 3261 19.1.4 compares users unescaped). */
  decodeUser?: boolean;
}

function fail(text: string, why: string, expected = 'sip:user@host[:port][;params][?headers] (RFC 3261 19.1.1)'): never {
  throw new SipParseError('SIP_URI_INVALID', `URI "${text}": ${why}`, { expected });
}

// RFC 3261 25.1 character sets, as code-point tables.
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MARK = "-_.!~*'()";
function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}
const USER_CHARS = table(ALNUM + MARK + '&=+$,;?/');
const PASSWORD_CHARS = table(ALNUM + MARK + '&=+$,');
const PARAM_CHARS = table(ALNUM + MARK + '[]/:&+$');
const HEADER_CHARS = table(ALNUM + MARK + '[]/?:+$');
const DOMAIN_CHARS = table(ALNUM + '-._');
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Checks that `s` holds only characters of `t` or %HH escapes. */
function checkChars(s: string, t: Uint8Array): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      if (!isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) return false;
      i += 2;
    } else if (c >= 128 || t[c] !== 1) return false;
  }
  return true;
}

/** Decodes %HH escapes into UTF-8 text (invalid UTF-8 becomes U+FFFD; %00 becomes NUL). */
export function unescapeUriPart(s: string): string {
  if (!s.includes('%')) return s;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(s[i]!, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Escapes every character outside table `t` as %HH (UTF-8). */
function escapeUriPart(s: string, t: Uint8Array): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 128 && t[c] === 1) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The kind of a host string, or undefined if it is none. `bracketed`: it was written `[...]`. */
/** Dotted-quad IPv4 without leading zeros (what node:net isIPv4 accepts), without a regex. */
function isDottedQuad(s: string): boolean {
  const n = s.length;
  if (n < 7 || n > 15) return false;
  let dots = 0;
  let value = 0;
  let digits = 0;
  let first = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 0x2e : s.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || value > 255 || (digits > 1 && first === 0x30)) return false;
      if (i < n && ++dots > 3) return false;
      value = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits === 0) first = c;
      value = value * 10 + (c - 0x30);
      if (++digits > 3) return false;
    } else return false;
  }
  return dots === 3;
}

export function hostKindOf(host: string, bracketed = false): HostKind | undefined {
  if (bracketed) return isIPv6(host) ? 'ipv6' : undefined;
  if (host.length === 0) return undefined;
  const c0 = host.charCodeAt(0);
  if (c0 >= 0x30 && c0 <= 0x39 && isDottedQuad(host)) return 'ipv4';
  // RFC 3261 hostname: labels of alphanum and '-'; '_' is accepted as real DNS names carry it.
  if (!checkChars(host, DOMAIN_CHARS) || host.includes('%')) return undefined;
  if (host.startsWith('.') || host.includes('..')) return undefined;
  // A dotted all-numeric name that is not a valid IPv4 address (999.1.1.1) is no host.
  if (/^[\d.]+$/.test(host)) return undefined;
  return 'domain';
}

function parseParamList(text: string, whole: string): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  if (text.length === 0) return params;
  for (const part of text.split(';')) {
    if (part.length === 0) fail(whole, 'empty URI parameter');
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? null : part.slice(eq + 1);
    if (name.length === 0 || !checkChars(name, PARAM_CHARS)) fail(whole, `bad parameter name "${name}"`);
    if (value !== null && (value.length === 0 || !checkChars(value, PARAM_CHARS))) fail(whole, `bad value for parameter "${name}"`);
    setParam(params, unescapeUriPart(name).toLowerCase(), value === null ? null : unescapeUriPart(value));
  }
  return params;
}

function parseHeaderList(text: string, whole: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) fail(whole, `URI header "${part}" is not name=value`);
    const name = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (!checkChars(name, HEADER_CHARS) || !checkChars(value, HEADER_CHARS)) fail(whole, `bad characters in URI header "${part}"`);
    setParam(headers, unescapeUriPart(name), unescapeUriPart(value));
  }
  return headers;
}

/**
 * Parses an absolute URI. sip/sips get the full RFC 3261 19.1.1 treatment; tel gets its number
 * and parameters (RFC 3966 syntax of the number itself is not checked); other schemes are opaque.
 * Throws SipParseError SIP_URI_INVALID.
 */
export function parseUri(text: string, opts: ParseUriOptions = {}): SipUri {
  const colon = text.indexOf(':');
  if (colon <= 0) fail(text, 'no scheme');
  const scheme = text.slice(0, colon);
  if (!SCHEME.test(scheme)) fail(text, `"${scheme}" is not a URI scheme`);
  const lscheme = scheme.toLowerCase();
  const rest = text.slice(colon + 1);
  if (/[\s<>"]/.test(rest) || rest.length === 0) fail(text, 'empty, or holds whitespace, quotes or angle brackets');
  const empty = (): Record<string, string> => ({});

  if (lscheme === 'tel') {
    const semi = rest.indexOf(';');
    const number = semi < 0 ? rest : rest.slice(0, semi);
    if (!/^\+?[0-9A-Fa-f*#().\-%]+$/.test(number)) fail(text, `"${number}" is not a telephone number`, 'tel:+14155550100 (RFC 3966)');
    return {
      scheme: lscheme, user: number, password: undefined, host: '', hostKind: undefined, port: undefined,
      params: parseParamList(semi < 0 ? '' : rest.slice(semi + 1), text), headers: empty(),
    };
  }
  if (lscheme !== 'sip' && lscheme !== 'sips') {
    return { scheme: lscheme, user: undefined, password: undefined, host: '', hostKind: undefined, port: undefined, params: {}, headers: empty(), opaque: rest };
  }

  // userinfo: no unescaped '@' may appear elsewhere in a SIP URI, so the first one ends it.
  const at = rest.indexOf('@');
  let user: string | undefined;
  let password: string | undefined;
  let hostPart = rest;
  if (at >= 0) {
    const userinfo = rest.slice(0, at);
    hostPart = rest.slice(at + 1);
    const pc = userinfo.indexOf(':');
    user = pc < 0 ? userinfo : userinfo.slice(0, pc);
    if (pc >= 0) password = userinfo.slice(pc + 1);
    if (user.length === 0) fail(text, 'empty user part before "@"');
    if (!checkChars(user, USER_CHARS)) fail(text, `user part "${user}" holds characters that must be escaped`);
    if (password !== undefined && !checkChars(password, PASSWORD_CHARS)) fail(text, 'password holds characters that must be escaped');
    if (opts.decodeUser) user = unescapeUriPart(user);
  }
  let host: string;
  let i: number;
  let bracketed = false;
  if (hostPart.startsWith('[')) {
    const close = hostPart.indexOf(']');
    if (close < 0) fail(text, 'unterminated IPv6 reference');
    host = hostPart.slice(1, close);
    i = close + 1;
    bracketed = true;
  } else {
    i = 0;
    while (i < hostPart.length) {
      const c = hostPart.charCodeAt(i);
      if (c === 0x3a || c === 0x3b || c === 0x3f) break;
      i++;
    }
    host = hostPart.slice(0, i);
  }
  const hostKind = hostKindOf(host, bracketed);
  if (hostKind === undefined) fail(text, `"${host}" is not a host name, IPv4 address or [IPv6] reference`);
  let port: number | undefined;
  if (hostPart.charCodeAt(i) === 0x3a) {
    const ps = ++i;
    while (i < hostPart.length && hostPart.charCodeAt(i) >= 0x30 && hostPart.charCodeAt(i) <= 0x39) i++;
    if (i === ps || i - ps > 5) fail(text, 'port is not a number');
    port = Number(hostPart.slice(ps, i));
    if (port > 65535) fail(text, `port ${port} is above 65535`);
  }
  const q = hostPart.indexOf('?', i);
  const paramText = hostPart.slice(i, q < 0 ? undefined : q);
  if (paramText.length > 0 && paramText.charCodeAt(0) !== 0x3b) fail(text, `unexpected "${paramText}" after the host`);
  const params = parseParamList(paramText.slice(1), text);
  const headers = q < 0 ? empty() : parseHeaderList(hostPart.slice(q + 1), text);
  return { scheme: lscheme, user, password, host, hostKind, port, params, headers };
}

/** Formats a host for a URI or Via: IPv6 addresses in brackets. */
export function formatHost(host: string, hostKind?: HostKind): string {
  return hostKind === 'ipv6' || (hostKind === undefined && host.includes(':')) ? `[${host}]` : host;
}

/**
 * Formats a URI. The user part is written as stored (escape it first if it was decoded);
 * parameters and headers are escaped where RFC 3261 25.1 requires.
 */
export function formatUri(u: SipUri): string {
  if (u.opaque !== undefined) return `${u.scheme}:${u.opaque}`;
  let out = `${u.scheme}:`;
  if (u.scheme === 'tel') out += u.user ?? '';
  else {
    if (u.user !== undefined) out += `${u.user}${u.password !== undefined ? `:${u.password}` : ''}@`;
    out += formatHost(u.host, u.hostKind);
    if (u.port !== undefined) out += `:${u.port}`;
  }
  for (const [k, v] of Object.entries(u.params)) {
    out += `;${escapeUriPart(k, PARAM_CHARS)}${v === null ? '' : `=${escapeUriPart(v, PARAM_CHARS)}`}`;
  }
  const hs = Object.entries(u.headers);
  if (hs.length > 0) out += `?${hs.map(([k, v]) => `${escapeUriPart(k, HEADER_CHARS)}=${escapeUriPart(v, HEADER_CHARS)}`).join('&')}`;
  return out;
}

/** Escapes a user part for a SIP URI (RFC 3261 25.1 `user`). */
export function escapeUser(user: string): string {
  return escapeUriPart(user, USER_CHARS);
}
