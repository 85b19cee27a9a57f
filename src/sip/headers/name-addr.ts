import { SipParseError } from '../parse-error.js';
import type { SipCode } from '../codes.js';
import { isTokenChar } from './header-names.js';
import { parseParams, newParams, formatParams, setParam, type Params } from './params.js';

/**
 * From, To, Contact, Route, Record-Route, Reply-To values (RFC 3261 20.10, 20.20, 20.39, 25.1):
 * `( name-addr / addr-spec ) *( SEMI param )`, `name-addr = [ display-name ] LAQUOT addr-spec RAQUOT`.
 */
export interface NameAddr {
  /** Display name, unquoted and unescaped; undefined when absent. */
  displayName: string | undefined;
  /** The URI as written (escapes kept), without the angle brackets; `*` for `Contact: *`. */
  uri: string;
  tag: string | undefined;
  /** Header parameters (after `>`, or after the addr-spec), names lower-cased. */
  params: Params;
}

export interface NameAddrDefect {
  code: SipCode;
  message: string;
}

function fail(text: string, why: string, header?: string): never {
  throw new SipParseError('SIP_NAME_ADDR_INVALID', `${header ? `${header} ` : ''}"${text}": ${why}`, {
    location: header ? { header } : undefined,
    expected: '"Display Name" <sip:user@host>;tag=... or sip:user@host;tag=... (RFC 3261 20.10)',
  });
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/**
 * Parses one name-addr or addr-spec with its parameters (split comma lists first). Deviations a
 * lenient parser may accept (RFC 4475 3.1.2.13-15) are passed to `onDefect`; grammar errors throw
 * SipParseError SIP_NAME_ADDR_INVALID. `header` names the header in messages.
 */
export function parseNameAddr(text: string, onDefect?: (d: NameAddrDefect) => void, header?: string): NameAddr {
  const n = text.length;
  let i = 0;
  while (i < n && isWs(text.charCodeAt(i))) i++;
  if (i === n) fail(text, 'empty value', header);
  let displayName: string | undefined;
  let uri: string;
  let rest: number;
  if (text.charCodeAt(i) === 0x2a /* * */ && text.slice(i + 1).trim().length === 0) {
    return { displayName: undefined, uri: '*', tag: undefined, params: newParams() };
  }
  // Fast path: "<uri>" or "<uri>;params" (what most stacks send).
  if (text.charCodeAt(i) === 0x3c) {
    const gt = text.indexOf('>', i);
    if (gt > i + 1 && text.charCodeAt(i + 1) > 0x20 && text.charCodeAt(gt - 1) > 0x20) {
      uri = text.slice(i + 1, gt);
      if (!hasScheme(uri)) fail(text, `"${uri}" is not an absolute URI`, header);
      return finish(text, gt + 1, undefined, uri, onDefect, header);
    }
  }
  // Find a '<' outside quotes: then this is a name-addr.
  let lt = -1;
  let inQuote = false;
  for (let k = i; k < n; k++) {
    const c = text.charCodeAt(k);
    if (inQuote) {
      if (c === 0x5c) k++;
      else if (c === 0x22) inQuote = false;
    } else if (c === 0x22) inQuote = true;
    else if (c === 0x3c) {
      lt = k;
      break;
    } else if (c === 0x3b && lt < 0 && text.charCodeAt(i) !== 0x22) break; // addr-spec then params
  }
  if (inQuote) fail(text, 'unterminated quoted display name', header);
  if (lt >= 0) {
    if (text.charCodeAt(i) === 0x22) {
      // quoted-string display name
      let k = i + 1;
      let name = '';
      while (k < lt && text.charCodeAt(k) !== 0x22) {
        if (text.charCodeAt(k) === 0x5c) k++;
        name += text[k];
        k++;
      }
      displayName = name;
      const between = text.slice(k + 1, lt);
      if (between.trim().length > 0) fail(text, `unexpected "${between.trim()}" between display name and "<"`, header);
    } else {
      const raw = text.slice(i, lt).trim();
      if (raw.length > 0) {
        displayName = raw;
        for (let k = 0; k < raw.length; k++) {
          const c = raw.charCodeAt(k);
          if (!isTokenChar(c) && !isWs(c)) {
            onDefect?.({
              code: 'SIP_DEFECT_DISPLAY_NAME',
              message: `${header ?? 'name-addr'} display name "${raw}" holds "${raw[k]}", which is allowed only inside quotes (RFC 3261 25.1)`,
            });
            break;
          }
        }
      }
    }
    const gt = text.indexOf('>', lt);
    if (gt < 0) fail(text, 'no ">" closing the URI', header);
    const inner = text.slice(lt + 1, gt);
    uri = inner.trim();
    if (uri.length !== inner.length) {
      onDefect?.({
        code: 'SIP_DEFECT_ADDR_SPEC_SPACE',
        message: `${header ?? 'name-addr'} has whitespace inside <> around "${uri}" (RFC 3261 25.1 allows none)`,
      });
    }
    rest = gt + 1;
  } else {
    // addr-spec: RFC 3261 20.10, a URI with ',', ';' or '?' must be in <>; so the URI ends at ';'.
    let k = i;
    while (k < n && text.charCodeAt(k) !== 0x3b && !isWs(text.charCodeAt(k))) k++;
    uri = text.slice(i, k);
    if (uri.includes('?') || uri.includes(',')) {
      onDefect?.({
        code: 'SIP_DEFECT_URI_HEADERS',
        message: `${header ?? 'addr-spec'} URI "${uri}" holds "?" or "," but is not enclosed in <> (RFC 3261 20.10)`,
      });
    }
    rest = k;
  }
  if (!hasScheme(uri)) fail(text, `"${uri}" is not an absolute URI`, header);
  return finish(text, rest, displayName, uri, onDefect, header);
}

/** `scheme ":"` at the start (RFC 3986 scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )). */
function hasScheme(uri: string): boolean {
  const n = uri.length;
  const c0 = uri.charCodeAt(0) | 0x20;
  if (n < 2 || c0 < 0x61 || c0 > 0x7a) return false;
  for (let k = 1; k < n; k++) {
    const c = uri.charCodeAt(k);
    if (c === 0x3a) return true;
    const l = c | 0x20;
    if (!((l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return false;
  }
  return false;
}

function finish(text: string, rest: number, displayName: string | undefined, uri: string, onDefect: ((d: NameAddrDefect) => void) | undefined, header: string | undefined): NameAddr {
  const n = text.length;
  let params: Params;
  try {
    const r = parseParams(text, rest);
    if (r.end !== n) fail(text, `unexpected "${text.slice(r.end)}" after the address`, header);
    if (r.empty > 0) {
      onDefect?.({ code: 'SIP_DEFECT_EMPTY_LIST_ELEMENT', message: `${header ?? 'name-addr'} has empty parameters (";;")` });
    }
    params = r.params;
  } catch (e) {
    if (e instanceof SipParseError) throw e;
    fail(text, (e as Error).message, header);
  }
  return { displayName, uri, tag: params.tag ?? undefined, params };
}

/** Formats a name-addr: `"Display" <uri>;tag=...` (display name quoted and escaped). */
export function formatNameAddr(a: { displayName?: string | undefined; uri: string; tag?: string | undefined; params?: Params }): string {
  if (a.uri === '*') return '*';
  const dn = a.displayName !== undefined && a.displayName.length > 0 ? `"${a.displayName.replace(/(["\\])/g, '\\$1')}" ` : '';
  const params = newParams();
  for (const [k, v] of Object.entries(a.params ?? {})) setParam(params, k, v);
  if (a.tag !== undefined) params.tag = a.tag;
  return `${dn}<${a.uri}>${formatParams(params)}`;
}
