/**
 * Header names: compact forms (RFC 3261 7.3.3 and the IANA SIP header registry), canonical
 * spellings, and which headers are comma-separated lists.
 */

/** Compact form -> canonical name (RFC 3261 7.3.3, RFC 3265, 3515, 3892, 4028, 3841, 4474). */
export const COMPACT_FORMS: Readonly<Record<string, string>> = {
  v: 'Via',
  f: 'From',
  t: 'To',
  i: 'Call-ID',
  m: 'Contact',
  l: 'Content-Length',
  c: 'Content-Type',
  k: 'Supported',
  s: 'Subject',
  e: 'Content-Encoding',
  o: 'Event',
  r: 'Refer-To',
  b: 'Referred-By',
  x: 'Session-Expires',
  u: 'Allow-Events',
  a: 'Accept-Contact',
  j: 'Reject-Contact',
  d: 'Request-Disposition',
  y: 'Identity',
  n: 'Identity-Info',
};

const CANONICAL_LIST = [
  'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Allow-Events',
  'Authentication-Info', 'Authorization', 'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition',
  'Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Type', 'CSeq', 'Date', 'Error-Info',
  'Event', 'Expires', 'From', 'Identity', 'Identity-Info', 'In-Reply-To', 'Max-Forwards', 'MIME-Version',
  'Min-Expires', 'Min-SE', 'Organization', 'P-Asserted-Identity', 'P-Preferred-Identity', 'Path', 'Priority',
  'Privacy', 'Proxy-Authenticate', 'Proxy-Authorization', 'Proxy-Require', 'RAck', 'Reason', 'Record-Route',
  'Refer-To', 'Referred-By', 'Reject-Contact', 'Remote-Party-ID', 'Reply-To', 'Request-Disposition', 'Require',
  'Retry-After', 'Route', 'RSeq', 'Security-Client', 'Security-Server', 'Security-Verify', 'Server',
  'Service-Route', 'Session-Expires', 'SIP-ETag', 'SIP-If-Match', 'Subject', 'Subscription-State', 'Supported',
  'Timestamp', 'To', 'Unsupported', 'User-Agent', 'Via', 'Warning', 'WWW-Authenticate',
];

const CANONICAL: Map<string, string> = new Map();
for (const name of CANONICAL_LIST) CANONICAL.set(name.toLowerCase(), name);
for (const [short, long] of Object.entries(COMPACT_FORMS)) CANONICAL.set(short, long);

/**
 * Headers whose grammar is `x *(COMMA x)` (RFC 3261 7.3.1: "it MUST be possible to combine
 * the multiple header field rows into one"), so one line may hold several values. Every other
 * header, WWW-Authenticate, Authorization and unknown headers included, is never split on commas.
 */
const LIST_HEADERS: ReadonlySet<string> = new Set(
  [
    'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Allow-Events',
    'Call-Info', 'Contact', 'Content-Encoding', 'Content-Language', 'Error-Info', 'In-Reply-To', 'Path',
    'P-Asserted-Identity', 'P-Preferred-Identity', 'Privacy', 'Proxy-Require', 'Reason', 'Record-Route',
    'Reject-Contact', 'Request-Disposition', 'Require', 'Route', 'Security-Client', 'Security-Server',
    'Security-Verify', 'Service-Route', 'Supported', 'Unsupported', 'Via', 'Warning',
  ].map((n) => n.toLowerCase()),
);

/** [canonical name, key, is a list header]; see headerKey() and isListHeader(). */
export type HeaderNameInfo = readonly [string, string, boolean];

/**
 * The same string, internalized by V8 (a property key is): keys from this table then compare by
 * identity, which get()/getAll() do against every row.
 */
function internalized(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

function info(name: string): HeaderNameInfo {
  const key = internalized(name.toLowerCase());
  return [internalized(name), key, LIST_HEADERS.has(key)];
}

/** Exact spellings seen on the wire -> [canonical name, key, list]; the parser's and get()'s fast path. */
const EXACT: Map<string, HeaderNameInfo> = new Map();
for (const name of CANONICAL_LIST) {
  const pair = info(name);
  EXACT.set(name, pair);
  EXACT.set(name.toLowerCase(), pair);
  EXACT.set(name.toUpperCase(), pair);
}
for (const [short, long] of Object.entries(COMPACT_FORMS)) {
  const pair = info(long);
  EXACT.set(short, pair);
  EXACT.set(short.toUpperCase(), pair);
}
EXACT.set('Call-Id', info('Call-ID'));
EXACT.set('Cseq', info('CSeq'));
EXACT.set('Www-Authenticate', info('WWW-Authenticate'));


/** The canonical spelling of a header name; compact forms map to their long form, unknown names keep their spelling. */
export function canonicalHeaderName(name: string): string {
  return CANONICAL.get(name.toLowerCase()) ?? name;
}

/** The case-insensitive key of a header name (compact forms included): the lower-cased canonical name. */
export function headerKey(name: string): string {
  const hit = EXACT.get(name);
  if (hit !== undefined) return hit[1];
  const lower = name.toLowerCase();
  const canonical = CANONICAL.get(lower);
  return canonical === undefined ? lower : canonical.toLowerCase();
}

/**
 * headerKey(name) and isListHeader() of it in one lookup: [canonical name, key, list]. Names
 * spelled as on the wire or in code hit one table; others are computed (the canonical name is
 * then the name as given for unknown headers).
 */
export function headerNameInfo(name: string): HeaderNameInfo {
  const hit = EXACT.get(name);
  if (hit !== undefined) return hit;
  const lower = name.toLowerCase();
  const canonical = CANONICAL.get(lower);
  const key = canonical === undefined ? lower : canonical.toLowerCase();
  return [canonical ?? name, key, LIST_HEADERS.has(key)];
}

/** True for headers whose values are comma-separated lists (see LIST_HEADERS). `key` is a headerKey(). */
export function isListHeader(key: string): boolean {
  return LIST_HEADERS.has(key);
}

/**
 * Splits a list header value on commas that are outside quoted strings and outside <...>.
 * Elements are trimmed; empty elements (`a,,b`) are dropped and reported through `onEmpty`.
 */
export function splitHeaderList(value: string, onEmpty?: () => void): string[] {
  const out: string[] = [];
  if (value.indexOf('"') < 0 && value.indexOf('<') < 0) {
    // Fast path: no quoted strings or angle brackets, so every comma separates elements.
    const n = value.length;
    let from = 0;
    let empty = false;
    for (;;) {
      let comma = value.indexOf(',', from);
      if (comma < 0) comma = n;
      let a = from;
      let b = comma;
      while (a < b && (value.charCodeAt(a) === 0x20 || value.charCodeAt(a) === 0x09)) a++;
      while (b > a && (value.charCodeAt(b - 1) === 0x20 || value.charCodeAt(b - 1) === 0x09)) b--;
      if (b > a) out.push(a === 0 && b === n ? value : value.slice(a, b));
      else if (n > 0) empty = true;
      if (comma === n) break;
      from = comma + 1;
    }
    if (empty) onEmpty?.();
    return out;
  }
  let start = 0;
  let inQuote = false;
  let inAngle = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (inQuote) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22) inQuote = false;
    } else if (c === 0x22) inQuote = true;
    else if (c === 0x3c /* < */) inAngle = true;
    else if (c === 0x3e /* > */) inAngle = false;
    else if (c === 0x2c /* , */ && !inAngle) {
      const part = value.slice(start, i).trim();
      if (part) out.push(part);
      else onEmpty?.();
      start = i + 1;
    }
  }
  const last = value.slice(start).trim();
  if (last) out.push(last);
  else if (out.length > 0 || start > 0) onEmpty?.();
  return out;
}

/** RFC 3261 25.1 token characters: alphanum and - . ! % * _ + ` ' ~ */
export function isTokenChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x2d || c === 0x2e || c === 0x21 || c === 0x25 || c === 0x2a || c === 0x5f || c === 0x2b ||
    c === 0x60 || c === 0x27 || c === 0x7e
  );
}

export function isToken(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isTokenChar(s.charCodeAt(i))) return false;
  return true;
}

/** Canonical spellings and compact forms by length: the parser matches them in place, without slicing. */
const BY_LENGTH: (readonly [string, HeaderNameInfo])[][] = [];
for (const [spelling, pair] of EXACT) {
  if (spelling !== pair[0] && !(spelling.length === 1 && spelling === spelling.toLowerCase())) continue;
  (BY_LENGTH[spelling.length] ??= []).push([spelling, pair]);
}

/**
 * [canonical name, key] when `src` holds, from `start` to `end`, a header name exactly as
 * canonically spelled or a lower-case compact form; undefined otherwise (then use lookupHeaderName).
 */
export function matchHeaderNameAt(src: string, start: number, end: number): HeaderNameInfo | undefined {
  const candidates = BY_LENGTH[end - start];
  if (candidates === undefined) return undefined;
  for (const [spelling, pair] of candidates) if (src.startsWith(spelling, start)) return pair;
  return undefined;
}

/**
 * [canonical name, key] of a header name as written, or undefined when the name is not a token.
 * Unknown names keep their spelling and get their lower-cased form as key.
 */
export function lookupHeaderName(raw: string): HeaderNameInfo | undefined {
  const hit = EXACT.get(raw);
  if (hit !== undefined) return hit;
  if (!isToken(raw)) return undefined;
  const lower = raw.toLowerCase();
  const canonical = CANONICAL.get(lower);
  return canonical === undefined ? [raw, lower, LIST_HEADERS.has(lower)] : info(canonical);
}
