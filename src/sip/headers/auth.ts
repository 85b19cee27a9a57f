import { SipParseError } from '../parse-error.js';
import { setParam, storeParam } from './params.js';

/**
 * WWW-Authenticate, Proxy-Authenticate, Authorization and Proxy-Authorization values
 * (RFC 3261 20.7, 20.27, 20.28, 20.44 and 25.1; RFC 7616 3.3-3.4):
 * `scheme LWS auth-param *(COMMA auth-param)`, `auth-param = token EQUAL ( token / quoted-string )`.
 * These headers are never split on commas by SipMessage: commas separate parameters here.
 * One header value normally holds one challenge; several (`Digest a=1, Digest b=2`, as HTTP
 * allows) are split too.
 */
export interface AuthHeaderValue {
  /** Scheme as written (`Digest`); compare case-insensitively. */
  scheme: string;
  /** Parameters, names lower-cased, quoted values unquoted and unescaped. */
  params: Record<string, string>;
  /** Names of the parameters that were quoted-strings (some servers care), in order. */
  quoted: string[];
}

function fail(value: string, why: string, header: string): never {
  throw new SipParseError('SIP_AUTH_CHALLENGE_INVALID', `${header} "${value.slice(0, 200)}": ${why}`, {
    location: { header },
    expected: 'Digest realm="...", nonce="...", algorithm=..., qop="auth" (RFC 3261 25.1, RFC 7616 3.3)',
  });
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function isTokenCode(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x2d || c === 0x2e || c === 0x21 || c === 0x25 || c === 0x2a || c === 0x5f || c === 0x2b ||
    c === 0x60 || c === 0x27 || c === 0x7e
  );
}

/** Parses one header value into one or more scheme + parameter sets. */
export function parseAuthHeader(value: string, header = 'WWW-Authenticate'): AuthHeaderValue[] {
  const out: AuthHeaderValue[] = [];
  const n = value.length;
  let i = 0;
  const skipWs = (): void => {
    while (i < n && isWs(value.charCodeAt(i))) i++;
  };
  const token = (): string => {
    const s = i;
    while (i < n && isTokenCode(value.charCodeAt(i))) i++;
    return value.slice(s, i);
  };
  skipWs();
  let current: AuthHeaderValue | undefined;
  while (i < n) {
    const save = i;
    const t = token();
    if (t.length === 0) fail(value, `unexpected "${value[i]}" at offset ${i}`, header);
    const afterToken = i;
    skipWs();
    if (value.charCodeAt(i) !== 0x3d /* = */ || current === undefined) {
      // A new scheme (the first one, or `, Digest ...` after a previous challenge).
      if (value.charCodeAt(i) === 0x3d) fail(value, `parameter "${t}" before any scheme`, header);
      current = { scheme: t, params: {}, quoted: [] };
      out.push(current);
      if (afterToken === save) fail(value, 'missing scheme', header);
      // token68 forms (Basic credentials) are kept whole under the `token68` key.
      if (i < n && value.charCodeAt(i) !== 0x2c) {
        const s = i;
        const t2 = token();
        let j = i;
        while (j < n && isWs(value.charCodeAt(j))) j++;
        if (t2.length > 0 && value.charCodeAt(j) !== 0x3d) {
          while (i < n && value.charCodeAt(i) !== 0x2c && !isWs(value.charCodeAt(i))) i++;
          setParam(current.params, 'token68', value.slice(s, i));
          skipWs();
          if (i < n && value.charCodeAt(i) === 0x2c) i++;
          skipWs();
          continue;
        }
        i = s;
      }
      continue;
    }
    // auth-param
    i++;
    skipWs();
    let v: string;
    const name = t.toLowerCase();
    if (value.charCodeAt(i) === 0x22) {
      i++;
      // The value is a slice of the header unless it holds quoted-pairs (RFC 3261 25.1).
      const start = i;
      let escaped = false;
      while (i < n && value.charCodeAt(i) !== 0x22) {
        if (value.charCodeAt(i) === 0x5c && i + 1 < n) {
          escaped = true;
          i++;
        }
        i++;
      }
      if (i >= n) fail(value, `unterminated quoted value of "${t}"`, header);
      v = escaped ? value.slice(start, i).replace(/\\(.)/gs, '$1') : value.slice(start, i);
      i++;
      current.quoted.push(name);
    } else {
      const s = i;
      while (i < n && value.charCodeAt(i) !== 0x2c && !isWs(value.charCodeAt(i))) i++;
      v = value.slice(s, i);
      if (v.length === 0) fail(value, `parameter "${t}" has no value`, header);
    }
    storeParam(current.params, name, v);
    skipWs();
    if (i < n) {
      if (value.charCodeAt(i) !== 0x2c) fail(value, `expected "," after parameter "${t}"`, header);
      i++;
      skipWs();
    }
  }
  if (out.length === 0) fail(value, 'empty value', header);
  return out;
}

/** Quotes a value as a quoted-string (RFC 3261 25.1). */
export function quote(v: string): string {
  return v.indexOf('"') < 0 && v.indexOf('\\') < 0 ? `"${v}"` : `"${v.replace(/(["\\])/g, '\\$1')}"`;
}
