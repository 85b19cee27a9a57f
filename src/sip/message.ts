import { SipParseError } from './parse-error.js';
import type { SipCode } from './codes.js';
import { headerKey, headerNameInfo, isListHeader, isToken, lookupHeaderName, splitHeaderList, type HeaderNameInfo } from './headers/header-names.js';
import { parseVia, type Via } from './headers/via.js';
import { parseCSeq, type CSeq } from './headers/cseq.js';
import { parseNameAddr, type NameAddr } from './headers/name-addr.js';

/**
 * A SIP request or response (RFC 3261 7). Headers keep their order; names are case-insensitive
 * and compact forms map to their long form (7.3.3). A parsed message keeps each header value as
 * a slice of the received text until someone reads it; typed views (Via, CSeq, From, To) are
 * parsed on first access and cached.
 */

/** Something a lenient parser accepted but noticed (RFC 4475 3.1.2: "parsed with the defect flagged"). */
export interface SipDefect {
  code: SipCode;
  /** 1-based line in the message, 0 when unknown or for headers added by code. */
  line: number;
  /** Canonical header name, `start-line` or `body`. */
  header: string;
  message: string;
}

/** One header row. Internal representation; read values through SipMessage. */
export interface HeaderEntry {
  /** Canonical name (`Via`, `Call-ID`), or the name as written for unknown headers. */
  name: string;
  /** Lower-cased canonical name. */
  key: string;
  /** Source text holding the value, and the value's range in it (untrimmed, maybe folded). */
  src: string;
  start: number;
  end: number;
  /** The value once decoded (trimmed, folding replaced by a space). */
  value: string | undefined;
  /** For list headers: the value split into elements, once asked for. */
  parts?: string[] | undefined;
  /** The row had continuation lines (RFC 3261 7.3.1 folding). */
  folded: boolean;
  /** 1-based line of the row, 0 for rows added by code. */
  line: number;
}

export interface SipMessageInit {
  isRequest: boolean;
  method?: string;
  uri?: string;
  status?: number;
  reason?: string;
  version?: string;
  entries: HeaderEntry[];
  body?: Buffer;
  trailingOctets?: number;
  defects?: SipDefect[];
}

const EMPTY = Buffer.alloc(0);
/** Shared by every message without a parse defect (built by code, or parsed cleanly): read-only. */
const NO_DEFECTS: SipDefect[] = Object.freeze([]) as unknown as SipDefect[];

function entryValue(e: HeaderEntry): string {
  if (e.value === undefined) {
    let v = e.src.slice(e.start, e.end);
    if (e.folded) v = v.replace(/\r?\n[ \t]+/g, ' ').trim();
    else if (v.length > 0) {
      const c0 = v.charCodeAt(0);
      const c1 = v.charCodeAt(v.length - 1);
      if (c0 === 0x20 || c0 === 0x09 || c1 === 0x20 || c1 === 0x09) v = v.trim();
    }
    e.value = v;
  }
  return e.value;
}

function entryParts(e: HeaderEntry): string[] {
  if (e.parts === undefined) e.parts = splitHeaderList(entryValue(e));
  return e.parts;
}

/** Whether `value` holds CR or LF. One pass in JavaScript: two indexOf calls cost more on header-sized strings. */
function hasLineBreak(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/** [canonical name, key, list] of a header name set by code; SipParseError SIP_PARSE_HEADER_NAME when it is not a token. */
function checkedHeaderName(name: string): HeaderNameInfo {
  const names = lookupHeaderName(name);
  if (names === undefined) {
    throw new SipParseError('SIP_PARSE_HEADER_NAME', `header name "${name}" is not a token`, {
      location: { header: name },
      expected: 'a header name of token characters (RFC 3261 25.1)',
    });
  }
  return names;
}

/**
 * A header value set by code, as it will be written: SipParseError SIP_PARSE_HEADER_VALUE
 * (naming `header`) when it holds CR or LF, which would inject a line; trimmed otherwise.
 */
export function checkedHeaderValue(header: string, value: string): string {
  if (hasLineBreak(value)) {
    throw new SipParseError('SIP_PARSE_HEADER_VALUE', `header ${header} value holds CR or LF; set each value separately`, {
      location: { header },
      expected: 'a single-line header value',
    });
  }
  if (value.length > 0) {
    const c0 = value.charCodeAt(0);
    const c1 = value.charCodeAt(value.length - 1);
    if (c0 <= 0x20 || c1 <= 0x20 || c0 > 0x7e || c1 > 0x7e) return value.trim();
  }
  return value;
}

function newEntry(name: string, value: string): HeaderEntry {
  const names = checkedHeaderName(name);
  const v = checkedHeaderValue(names[0], value);
  return { name: names[0], key: names[1], src: value, start: 0, end: value.length, value: v, folded: false, line: 0 };
}

/**
 * Checks start-line elements set by code (RFC 3261 7.1, 7.2), so that no value can inject a
 * line into the serialized message. Used by the constructors and by serialize().
 */
export function checkStartLine(isRequest: boolean, method: string, uri: string, status: number, reason: string, version = 'SIP/2.0'): void {
  if (version.length === 0 || hasSpaceOrControl(version)) {
    throw new SipParseError('SIP_PARSE_START_LINE', `SIP-Version "${version}" is not one word`, { location: { header: 'start-line' }, expected: 'SIP/2.0 (RFC 3261 7.1)' });
  }
  if (isRequest) {
    if (!isToken(method)) {
      throw new SipParseError('SIP_PARSE_METHOD', `method "${method}" is not a token`, { location: { header: 'start-line' }, expected: 'a method of token characters (RFC 3261 25.1)' });
    }
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:./.test(uri) || hasSpaceOrControl(uri)) {
      throw new SipParseError('SIP_PARSE_REQUEST_URI', `Request-URI "${uri}" is not an absolute URI without whitespace`, { location: { header: 'start-line' }, expected: 'scheme:... without spaces or control characters (RFC 3261 7.1)' });
    }
  } else {
    if (!Number.isInteger(status) || status < 100 || status > 699) {
      throw new SipParseError('SIP_PARSE_STATUS_CODE', `status ${status} is not from 100 to 699`, { location: { header: 'start-line' }, expected: '3 digits from 100 to 699 (RFC 3261 7.2)' });
    }
    if (/[\r\n]/.test(reason)) {
      throw new SipParseError('SIP_PARSE_START_LINE', 'the reason phrase holds CR or LF', { location: { header: 'start-line' }, expected: 'a single-line reason phrase' });
    }
  }
}

/** Whether `s` holds a space or a control character (what would break a start line). */
function hasSpaceOrControl(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x21 || c === 0x7f) return true;
  }
  return false;
}

function missing(name: string): never {
  throw new SipParseError('SIP_PARSE_MISSING_HEADER', `the message has no ${name} header`, {
    location: { header: name },
    expected: `a ${name} header (RFC 3261 8.1.1)`,
  });
}

export class SipMessage {
  readonly isRequest: boolean;
  /** Request method (requests only; '' in responses). */
  method: string;
  /** Raw Request-URI (requests only; '' in responses). */
  uri: string;
  /** Status code (responses only; 0 in requests). */
  status: number;
  /** Reason phrase (responses only; may be empty). */
  reason: string;
  /** `SIP/2.0`. */
  version: string;
  body: Buffer;
  /** Octets after Content-Length bytes of body in a datagram, ignored (RFC 4475 3.1.1.8); 0 when none. */
  readonly trailingOctets: number;

  #entries: HeaderEntry[];
  #parseDefects: SipDefect[];
  #defects: SipDefect[] | undefined;
  #via: Via[] | undefined;
  #cseq: CSeq | undefined;
  #from: NameAddr | undefined;
  #to: NameAddr | undefined;
  /** The start line as last checked, so that serialize() checks it again only when it changed. */
  #checkedMethod: string | undefined;
  #checkedUri: string | undefined;
  #checkedStatus = -1;
  #checkedReason: string | undefined;
  #checkedVersion: string | undefined;

  constructor(init: SipMessageInit) {
    this.isRequest = init.isRequest;
    this.method = init.method ?? '';
    this.uri = init.uri ?? '';
    this.status = init.status ?? 0;
    this.reason = init.reason ?? '';
    this.version = init.version ?? 'SIP/2.0';
    this.#entries = init.entries;
    this.body = init.body ?? EMPTY;
    this.trailingOctets = init.trailingOctets ?? 0;
    this.#parseDefects = init.defects ?? NO_DEFECTS;
  }

  /**
   * A new request. `headers` are [name, value] rows in order; Content-Length is written by
   * serialize(). Throws SipParseError for a method that is not a token, a URI with whitespace or
   * control characters, a header name that is not a token or a value with CR/LF.
   */
  static request(method: string, uri: string, headers: [string, string][], body?: Buffer | string): SipMessage {
    checkStartLine(true, method, uri, 0, '');
    const m = new SipMessage({
      isRequest: true,
      method,
      uri,
      entries: headers.map(([n, v]) => newEntry(n, v)),
      body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    });
    m.#markChecked();
    return m;
  }

  /** A new response. Throws SipParseError for a status outside 100-699 or a reason with CR/LF. */
  static response(status: number, reason: string, headers: [string, string][], body?: Buffer | string): SipMessage {
    checkStartLine(false, '', '', status, reason);
    const m = new SipMessage({
      isRequest: false,
      status,
      reason,
      entries: headers.map(([n, v]) => newEntry(n, v)),
      body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
    });
    m.#markChecked();
    return m;
  }

  #markChecked(): void {
    this.#checkedMethod = this.method;
    this.#checkedUri = this.uri;
    this.#checkedStatus = this.status;
    this.#checkedReason = this.reason;
    this.#checkedVersion = this.version;
  }

  /**
   * Throws SipParseError unless the start line would serialize as one valid line (see
   * checkStartLine). Its fields are public and mutable; a start line already checked and not
   * changed since is not checked again.
   */
  assertStartLine(): void {
    if (
      this.method === this.#checkedMethod &&
      this.uri === this.#checkedUri &&
      this.status === this.#checkedStatus &&
      this.reason === this.#checkedReason &&
      this.version === this.#checkedVersion
    ) {
      return;
    }
    checkStartLine(this.isRequest, this.method, this.uri, this.status, this.reason, this.version);
    this.#markChecked();
  }

  #invalidate(): void {
    this.#via = undefined;
    this.#cseq = undefined;
    this.#from = undefined;
    this.#to = undefined;
    this.#defects = undefined;
  }

  // ---- generic header access -------------------------------------------------------------

  /** The first value of a header (for list headers: the first element of the first row). */
  get(name: string): string | undefined {
    const [, key, list] = headerNameInfo(name);
    for (const e of this.#entries) {
      if (e.key === key) {
        if (!list) return entryValue(e);
        const parts = entryParts(e);
        if (parts.length > 0) return parts[0];
      }
    }
    return undefined;
  }

  /** Every value of a header in order; list headers (Via, Contact, Allow, ...) are split on commas outside quotes and <>. */
  getAll(name: string): string[] {
    const [, key, list] = headerNameInfo(name);
    const out: string[] = [];
    for (const e of this.#entries) {
      if (e.key !== key) continue;
      if (list) for (const p of entryParts(e)) out.push(p);
      else out.push(entryValue(e));
    }
    return out;
  }

  /** The first row of a header as written (trimmed, unfolded, never split on commas); undefined when absent. */
  firstRow(name: string): string | undefined {
    const key = headerKey(name);
    for (const e of this.#entries) if (e.key === key) return entryValue(e);
    return undefined;
  }

  has(name: string): boolean {
    const key = headerKey(name);
    return this.#entries.some((e) => e.key === key);
  }

  /** Replaces every row of the header by one row at the place of the first (or at the end). */
  set(name: string, value: string): this {
    const key = headerKey(name);
    const entry = newEntry(name, value);
    const idx = this.#entries.findIndex((e) => e.key === key);
    if (idx < 0) this.#entries.push(entry);
    else {
      this.#entries[idx] = entry;
      this.#entries = this.#entries.filter((e, i) => i === idx || e.key !== key);
    }
    this.#invalidate();
    return this;
  }

  /** Adds a row after the existing ones. */
  append(name: string, value: string): this {
    this.#entries.push(newEntry(name, value));
    this.#invalidate();
    return this;
  }

  /** Adds a row before every other row (a proxy adding its Via, a UA adding a Route). */
  prepend(name: string, value: string): this {
    this.#entries.unshift(newEntry(name, value));
    this.#invalidate();
    return this;
  }

  /** Removes every row of the header; returns whether there was one. */
  remove(name: string): boolean {
    const key = headerKey(name);
    const before = this.#entries.length;
    this.#entries = this.#entries.filter((e) => e.key !== key);
    this.#invalidate();
    return this.#entries.length !== before;
  }

  /** Distinct canonical header names, in order of first appearance. */
  headerNames(): string[] {
    const keys: string[] = [];
    const out: string[] = [];
    for (const e of this.#entries) {
      if (!keys.includes(e.key)) {
        keys.push(e.key);
        out.push(e.name);
      }
    }
    return out;
  }

  /** Every header row as [canonical name, value], unsplit, in order. */
  rawHeaders(): [string, string][] {
    return this.#entries.map((e) => [e.name, entryValue(e)]);
  }

  /** Number of header rows; with rowName(i) and rowValue(i), what serialize() writes, in order. */
  get rowCount(): number {
    return this.#entries.length;
  }

  /** Canonical name of header row `i` (0-based, in order). */
  rowName(i: number): string {
    return this.#entries[i]!.name;
  }

  /** Value of header row `i`, unsplit (trimmed, unfolded). */
  rowValue(i: number): string {
    return entryValue(this.#entries[i]!);
  }

  /** 1-based line of the first row of a header in the parsed message, 0 when added by code or absent. */
  lineOf(name: string): number {
    const key = headerKey(name);
    return this.#entries.find((e) => e.key === key)?.line ?? 0;
  }

  // ---- typed views -------------------------------------------------------------------------

  /** Every Via value, top first (RFC 3261 20.42). Throws SipParseError on a malformed one. */
  via(): Via[] {
    if (this.#via === undefined) {
      const values = this.getAll('Via');
      const vias: Via[] = [];
      try {
        for (const v of values) vias.push(parseVia(v));
      } catch (e) {
        throw addLine(e, this.lineOf('Via'));
      }
      this.#via = vias;
    }
    return this.#via;
  }

  topVia(): Via {
    const v = this.via()[0];
    if (v === undefined) missing('Via');
    return v;
  }

  callId(): string {
    const v = this.get('Call-ID');
    if (v === undefined || v.length === 0) missing('Call-ID');
    return v;
  }

  cseq(): CSeq {
    if (this.#cseq === undefined) {
      const v = this.get('CSeq');
      if (v === undefined) missing('CSeq');
      try {
        this.#cseq = parseCSeq(v);
      } catch (e) {
        throw addLine(e, this.lineOf('CSeq'));
      }
    }
    return this.#cseq;
  }

  from(): NameAddr {
    if (this.#from === undefined) this.#from = this.#nameAddr('From');
    return this.#from;
  }

  to(): NameAddr {
    if (this.#to === undefined) this.#to = this.#nameAddr('To');
    return this.#to;
  }

  /** Every Contact value (`*` gives one entry with uri `*`). */
  contacts(): NameAddr[] {
    const out: NameAddr[] = [];
    try {
      for (const v of this.getAll('Contact')) out.push(parseNameAddr(v, undefined, 'Contact'));
    } catch (e) {
      throw addLine(e, this.lineOf('Contact'));
    }
    return out;
  }

  #nameAddr(name: string): NameAddr {
    const v = this.get(name);
    if (v === undefined) missing(name);
    try {
      return parseNameAddr(v, undefined, name);
    } catch (e) {
      throw addLine(e, this.lineOf(name));
    }
  }

  /** Content-Length as written, or the body's length when the header is absent. */
  contentLength(): number {
    const v = this.get('Content-Length');
    if (v === undefined) return this.body.length;
    if (!/^\d{1,10}$/.test(v)) {
      throw new SipParseError('SIP_PARSE_CONTENT_LENGTH', `Content-Length "${v}" is not a non-negative number`, {
        location: { header: 'Content-Length', line: this.lineOf('Content-Length') },
        expected: 'Content-Length: 1*DIGIT (RFC 3261 20.14)',
      });
    }
    return Number(v);
  }

  /** Content-Type media type, lower-cased, without parameters; undefined when absent. */
  contentType(): string | undefined {
    const v = this.get('Content-Type');
    if (v === undefined) return undefined;
    return v.split(';')[0]!.trim().toLowerCase();
  }

  // ---- defects -----------------------------------------------------------------------------

  /**
   * Everything noticed but accepted: framing defects found while parsing, plus a check of the
   * well-known headers (Via, CSeq, From, To, Contact, Max-Forwards, Expires, Date), run on
   * first access so that parsing stays lazy. A header whose typed view would throw shows here
   * with the error's code.
   */
  get defects(): SipDefect[] {
    if (this.#defects === undefined) this.#defects = [...this.#parseDefects, ...checkHeaders(this, this.#entries)];
    return this.#defects;
  }
}

/** Adds the message line to a SipParseError from a typed view (which only knows the header). */
function addLine(e: unknown, line: number): unknown {
  if (e instanceof SipParseError && line > 0 && e.location && e.location.line === undefined) {
    (e.location as { line?: number }).line = line;
  }
  return e;
}

const RFC1123_GMT = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** The header checks behind SipMessage.defects. */
function checkHeaders(msg: SipMessage, entries: HeaderEntry[]): SipDefect[] {
  const out: SipDefect[] = [];
  const add = (code: SipCode, header: string, line: number, message: string): void => {
    out.push({ code, line, header, message });
  };
  const guard = (header: string, line: number, fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      if (e instanceof SipParseError) add(e.code, header, line, e.message);
      else throw e;
    }
  };
  const seenSingle = new Map<string, number>();
  for (const e of entries) {
    const value = entryValue(e);
    const line = e.line;
    const list = isListHeader(e.key);
    let parts: string[] = [value];
    if (list) {
      let empty = false;
      parts = splitHeaderList(value, () => (empty = true));
      if (empty) add('SIP_DEFECT_EMPTY_LIST_ELEMENT', e.name, line, `${e.name} has empty elements between commas`);
    }
    switch (e.key) {
      case 'via':
        for (const p of parts) {
          guard('Via', line, () => {
            parseVia(p, () => add('SIP_DEFECT_EMPTY_LIST_ELEMENT', 'Via', line, `Via "${p}" has empty parameters (";;")`));
          });
        }
        break;
      case 'from':
      case 'to':
      case 'contact':
      case 'route':
      case 'record-route':
      case 'reply-to':
        for (const p of parts) {
          guard(e.name, line, () => {
            const a = parseNameAddr(p, (d) => add(d.code, e.name, line, d.message), e.name);
            const exp = a.params.expires;
            if (e.key === 'contact' && exp !== undefined && (exp === null || !/^\d{1,10}$/.test(exp) || Number(exp) > 2 ** 32 - 1)) {
              add('SIP_DEFECT_SCALAR_RANGE', 'Contact', line, `Contact expires "${exp}" is not a number of seconds up to 2**32-1 (RFC 3261 20.10)`);
            }
          });
        }
        break;
      case 'cseq':
        guard('CSeq', line, () => {
          const c = parseCSeq(value);
          if (msg.isRequest && c.method !== msg.method) {
            add('SIP_DEFECT_CSEQ_METHOD', 'CSeq', line, `CSeq method ${c.method} differs from the request method ${msg.method} (RFC 3261 8.1.1.5)`);
          }
        });
        break;
      case 'max-forwards':
        if (!/^\d+$/.test(value) || Number(value) > 255) {
          add('SIP_DEFECT_SCALAR_RANGE', 'Max-Forwards', line, `Max-Forwards "${value}" is not a number from 0 to 255 (RFC 3261 20.22)`);
        }
        break;
      case 'expires':
      case 'min-expires':
        if (!/^\d+$/.test(value) || Number(value) > 2 ** 32 - 1) {
          add('SIP_DEFECT_SCALAR_RANGE', e.name, line, `${e.name} "${value}" is not a number of seconds up to 2**32-1 (RFC 3261 20.19)`);
        }
        break;
      case 'date':
        if (!RFC1123_GMT.test(value)) {
          add('SIP_DEFECT_DATE', 'Date', line, `Date "${value}" is not an RFC 1123 date in GMT, e.g. "Sat, 13 Nov 2010 23:29:00 GMT" (RFC 3261 20.17)`);
        }
        break;
      default:
        break;
    }
    if (!list && (e.key === 'call-id' || e.key === 'cseq' || e.key === 'from' || e.key === 'to' || e.key === 'max-forwards' || e.key === 'content-type')) {
      const first = seenSingle.get(e.key);
      if (first !== undefined) add('SIP_DEFECT_MULTIPLE_VALUES', e.name, line, `${e.name} appears again (first at line ${first}); it allows one value`);
      else seenSingle.set(e.key, line);
    }
  }
  return out;
}
