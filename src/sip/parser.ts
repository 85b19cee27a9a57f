import { isAscii } from 'node:buffer';
import { SipParseError } from './parse-error.js';
import { SipMessage, type HeaderEntry, type SipDefect } from './message.js';
import { lookupHeaderName, matchHeaderNameAt, isToken } from './headers/header-names.js';

export { SipParseError, isSipParseError } from './parse-error.js';

/**
 * The SIP message parser (RFC 3261 7 and 25). Buffer in, SipMessage out. It reads the start
 * line, splits the header section into rows (unfolding continuation lines, 7.3.1), maps compact
 * names, and frames the body by Content-Length in octets (18.3, 20.14). Header values stay
 * unparsed slices until read (see SipMessage). Malformed input throws SipParseError with the
 * 1-based line and header; accepted oddities go to `msg.defects`.
 */

export interface ParseOptions {
  /**
   * The buffer is one UDP datagram (default true). Then a missing Content-Length means "the body
   * is the rest of the datagram" and octets after Content-Length bytes are ignored and flagged
   * (RFC 3261 18.3, RFC 4475 3.1.1.8). With `datagram: false` (a message cut from a TCP/TLS
   * stream), Content-Length is required.
   */
  datagram?: boolean;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');
const LFLF = Buffer.from('\n\n');

function err(code: ConstructorParameters<typeof SipParseError>[0], message: string, line: number, header: string, expected: string): SipParseError {
  return new SipParseError(code, message, { location: { line, header }, expected });
}

/** Where the header section ends: [index of the blank line's terminator, body start, bare LF?] or undefined. */
export function findHeaderEnd(buf: Buffer, from: number): [number, number, boolean] | undefined {
  const a = buf.indexOf(CRLFCRLF, from);
  const b = buf.indexOf(LFLF, from);
  if (a >= 0 && (b < 0 || a < b)) return [a, a + 4, false];
  if (b >= 0) {
    // "\r\n\n" : last header ended with CRLF, the blank line is a bare LF.
    return [b, b + 2, true];
  }
  return undefined;
}

/** findHeaderEnd on a latin1 string (indices are octet offsets). CRLF CRLF unless the first line ends with a bare LF. */
function locateHeaderEnd(s: string): [number, number, boolean] | undefined {
  const nl = s.indexOf('\n');
  if (nl < 0) return undefined;
  if (nl === 0 || s.charCodeAt(nl - 1) !== 0x0d) {
    const b = s.indexOf('\n\n');
    return b < 0 ? undefined : [b, b + 2, true];
  }
  const a = s.indexOf('\r\n\r\n');
  if (a >= 0) return [a, a + 4, false];
  const b = s.indexOf('\n\n');
  return b < 0 ? undefined : [b, b + 2, true];
}

/** Parses one SIP message. See ParseOptions for how the body is framed. */
export function parseMessage(buf: Buffer, opts: ParseOptions = {}): SipMessage {
  const datagram = opts.datagram !== false;
  const len = buf.length;
  // RFC 3261 7.5: "implementations processing SIP messages over stream-oriented transports
  // MUST ignore any CRLF appearing before the start-line". We do so on every transport.
  let i = 0;
  let lineBase = 1;
  while (i < len && (buf[i] === 0x0d || buf[i] === 0x0a)) {
    if (buf[i] === 0x0a) lineBase++;
    i++;
  }
  if (i >= len) throw err('SIP_PARSE_EMPTY', 'the message is empty (no start line)', lineBase, 'start-line', 'a Request-Line or Status-Line');
  // Decode as latin1 first: one character per octet, so string indices are octet offsets and
  // the header end found in the string is the body's offset in the buffer. The header section
  // is decoded again as UTF-8 only when it holds non-ASCII octets.
  const window = Math.min(len, i + 16384);
  let raw = buf.toString('latin1', i, window);
  let found = locateHeaderEnd(raw);
  if (found === undefined && window < len) {
    raw = buf.toString('latin1', i, len);
    found = locateHeaderEnd(raw);
  }
  // Made on the first defect: most messages have none.
  let defects: SipDefect[] | undefined;
  let headEnd: number;
  let bodyStart: number;
  if (found === undefined) {
    // RFC 3261 7 requires the empty line. A datagram whose last header ends with CRLF and then
    // stops (RFC 4475 baddn.dat is stored that way) is accepted with the defect flagged: the body
    // is empty. A stream cannot be framed without it.
    if (datagram && len - i >= 2 && buf[len - 2] === 0x0d && buf[len - 1] === 0x0a) {
      headEnd = len - 2;
      bodyStart = len;
      (defects ??= []).push({ code: 'SIP_PARSE_NO_HEADER_END', line: 0, header: 'body', message: 'the datagram ends after the last header without the empty line (RFC 3261 7)' });
    } else {
      throw err('SIP_PARSE_NO_HEADER_END', 'the header section does not end with an empty line (CRLF CRLF)', lineBase, 'body', 'headers followed by CRLF CRLF, then the body');
    }
  } else {
    headEnd = i + found[0];
    bodyStart = i + found[1];
    if (found[2]) (defects ??= []).push({ code: 'SIP_DEFECT_BARE_LF', line: 0, header: 'start-line', message: 'lines end with LF alone instead of CRLF (RFC 3261 7)' });
  }
  // Header values are slices of `head`, which keeps its parent string alive: when the decoded
  // window is much longer than the header section (a large body), decode the head on its own.
  const headLen = headEnd - i;
  let head = raw.length >= headLen && raw.length <= 2 * headLen + 64 ? raw.slice(0, headLen) : buf.toString('latin1', i, headEnd);
  // The whole buffer first (no view to make): a head with non-ASCII octets is rare.
  if (!isAscii(buf) && !isAscii(buf.subarray(i, headEnd))) head = buf.toString('utf8', i, headEnd);

  // ---- start line (RFC 3261 7.1, 7.2) ----
  let nl = head.indexOf('\n');
  let lineEnd = nl < 0 ? head.length : nl;
  if (lineEnd > 0 && head.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
  const startLine = head.slice(0, lineEnd);
  let msg: SipMessageStart;
  if (startLine.length >= 4 && (startLine.charCodeAt(0) | 0x20) === 0x73 && (startLine.charCodeAt(1) | 0x20) === 0x69 && (startLine.charCodeAt(2) | 0x20) === 0x70 && startLine.charCodeAt(3) === 0x2f) {
    msg = parseStatusLine(startLine, lineBase);
  } else {
    msg = parseRequestLine(startLine, lineBase);
  }

  // ---- header rows ----
  const entries: HeaderEntry[] = [];
  let pos = nl < 0 ? head.length : nl + 1;
  let line = lineBase + 1;
  let last: HeaderEntry | undefined;
  const hlen = head.length;
  while (pos < hlen) {
    nl = head.indexOf('\n', pos);
    lineEnd = nl < 0 ? hlen : nl;
    let contentEnd = lineEnd;
    if (contentEnd > pos && head.charCodeAt(contentEnd - 1) === 0x0d) contentEnd--;
    else if (nl >= 0 && !defects?.some((d) => d.code === 'SIP_DEFECT_BARE_LF')) {
      (defects ??= []).push({ code: 'SIP_DEFECT_BARE_LF', line, header: 'start-line', message: 'lines end with LF alone instead of CRLF (RFC 3261 7)' });
    }
    const c0 = head.charCodeAt(pos);
    if (c0 === 0x20 || c0 === 0x09) {
      // Continuation of the previous row (RFC 3261 7.3.1 header folding).
      if (last === undefined) {
        throw err('SIP_PARSE_HEADER_LINE', `line ${line} starts with whitespace but no header precedes it`, line, 'start-line', 'a header line "Name: value"');
      }
      last.end = contentEnd;
      last.folded = true;
    } else {
      const colon = head.indexOf(':', pos);
      if (colon < 0 || colon >= contentEnd) {
        throw err('SIP_PARSE_HEADER_LINE', `line ${line} "${head.slice(pos, Math.min(contentEnd, pos + 60))}" has no colon`, line, head.slice(pos, Math.min(contentEnd, pos + 40)), 'a header line "Name: value"');
      }
      let nameEnd = colon;
      while (nameEnd > pos && (head.charCodeAt(nameEnd - 1) === 0x20 || head.charCodeAt(nameEnd - 1) === 0x09)) nameEnd--;
      let names = matchHeaderNameAt(head, pos, nameEnd);
      const rawName = names === undefined ? head.slice(pos, nameEnd) : names[0];
      if (names === undefined) names = lookupHeaderName(rawName);
      if (names === undefined) {
        throw err('SIP_PARSE_HEADER_NAME', `line ${line}: header name "${rawName}" is not a token`, line, rawName, 'a header name of token characters (RFC 3261 25.1)');
      }
      let vs = colon + 1;
      while (vs < contentEnd && (head.charCodeAt(vs) === 0x20 || head.charCodeAt(vs) === 0x09)) vs++;
      last = { name: names[0], key: names[1], src: head, start: vs, end: contentEnd, value: undefined, folded: false, line };
      entries.push(last);
    }
    pos = lineEnd + 1;
    line++;
  }

  // ---- body framing (RFC 3261 18.3, 20.14) ----
  const available = len - bodyStart;
  let contentLength: number | undefined;
  let clLine = 0;
  for (const e of entries) {
    if (e.key !== 'content-length') continue;
    const raw = (e.folded ? head.slice(e.start, e.end).replace(/\r?\n[ \t]+/g, ' ') : head.slice(e.start, e.end)).trim();
    if (!/^\d{1,10}$/.test(raw)) {
      throw err('SIP_PARSE_CONTENT_LENGTH', `Content-Length "${raw}" at line ${e.line} is not a non-negative number`, e.line, 'Content-Length', 'Content-Length: 1*DIGIT (RFC 3261 20.14)');
    }
    const n = Number(raw);
    if (contentLength === undefined) {
      contentLength = n;
      clLine = e.line;
    } else if (n !== contentLength) {
      if (!datagram) {
        throw err('SIP_PARSE_CONTENT_LENGTH_CONFLICT', `Content-Length ${n} at line ${e.line} contradicts ${contentLength} at line ${clLine}`, e.line, 'Content-Length', 'one Content-Length header');
      }
      (defects ??= []).push({
        code: 'SIP_PARSE_CONTENT_LENGTH_CONFLICT',
        line: e.line,
        header: 'Content-Length',
        message: `Content-Length ${n} contradicts ${contentLength} at line ${clLine}; the body is taken as the rest of the datagram`,
      });
      contentLength = -1;
    }
  }
  let body: Buffer | undefined;
  let trailing = 0;
  if (contentLength === undefined || contentLength === -1) {
    if (contentLength === undefined && !datagram) {
      throw err('SIP_PARSE_CONTENT_LENGTH_REQUIRED', 'the message has no Content-Length, which a stream transport requires (RFC 3261 18.3)', line, 'Content-Length', 'a Content-Length header');
    }
    body = buf.subarray(bodyStart);
  } else if (contentLength > available) {
    throw err('SIP_PARSE_CONTENT_LENGTH_EXCEEDS', `Content-Length ${contentLength} at line ${clLine} is larger than the ${available} octets of body present`, clLine, 'Content-Length', `Content-Length at most ${available}`);
  } else {
    // No body: SipMessage's shared empty buffer rather than a new view.
    if (contentLength > 0) body = buf.subarray(bodyStart, bodyStart + contentLength);
    trailing = available - contentLength;
    if (trailing > 0) {
      (defects ??= []).push({
        code: 'SIP_DEFECT_TRAILING_OCTETS',
        line: clLine,
        header: 'Content-Length',
        message: `${trailing} octets after the ${contentLength}-octet body were ignored (RFC 3261 18.3)`,
      });
    }
  }
  return new SipMessage({
    isRequest: msg.isRequest,
    method: msg.method,
    uri: msg.uri,
    status: msg.status,
    reason: msg.reason,
    version: msg.version,
    entries,
    body,
    trailingOctets: trailing,
    defects,
  });
}

interface SipMessageStart {
  isRequest: boolean;
  method?: string;
  uri?: string;
  status?: number;
  reason?: string;
  version: string;
}

function checkVersion(v: string, line: number): string {
  if (v !== 'SIP/2.0' && (v.length !== 7 || v.toUpperCase() !== 'SIP/2.0')) {
    throw err('SIP_PARSE_VERSION', `unsupported SIP version "${v}" at line ${line}`, line, 'start-line', 'SIP/2.0');
  }
  return 'SIP/2.0';
}

/** Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (RFC 3261 7.2). */
function parseStatusLine(s: string, line: number): SipMessageStart {
  const sp1 = s.indexOf(' ');
  if (sp1 < 0) throw err('SIP_PARSE_START_LINE', `status line "${s}" has no status code`, line, 'start-line', 'SIP/2.0 SP 3DIGIT SP Reason-Phrase');
  const version = checkVersion(s.slice(0, sp1), line);
  const sp2 = s.indexOf(' ', sp1 + 1);
  const code = s.slice(sp1 + 1, sp2 < 0 ? undefined : sp2);
  const d0 = code.charCodeAt(0);
  const d1 = code.charCodeAt(1);
  const d2 = code.charCodeAt(2);
  if (code.length !== 3 || d0 < 0x31 || d0 > 0x36 || d1 < 0x30 || d1 > 0x39 || d2 < 0x30 || d2 > 0x39) {
    throw err('SIP_PARSE_STATUS_CODE', `status code "${code.slice(0, 20)}" is not a number from 100 to 699`, line, 'start-line', '3 digits from 100 to 699 (RFC 3261 7.2)');
  }
  // A missing SP before an empty reason phrase is tolerated (RFC 4475 3.1.1.13 has the SP).
  const reason = sp2 < 0 ? '' : s.slice(sp2 + 1);
  for (let k = 0; k < reason.length; k++) {
    const c = reason.charCodeAt(k);
    if (c < 0x20 && c !== 0x09) throw err('SIP_PARSE_START_LINE', 'the reason phrase holds a control character', line, 'start-line', 'Reason-Phrase of text and spaces');
  }
  return { isRequest: false, status: (d0 - 0x30) * 100 + (d1 - 0x30) * 10 + (d2 - 0x30), reason, version };
}

/** Request-Line = Method SP Request-URI SP SIP-Version (RFC 3261 7.1): exactly one SP between elements. */
function parseRequestLine(s: string, line: number): SipMessageStart {
  const parts = s.split(' ');
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
    throw err('SIP_PARSE_START_LINE', `request line "${s.slice(0, 120)}" is not "METHOD SP Request-URI SP SIP/2.0" (exactly one space between elements, none at the end)`, line, 'start-line', 'Method SP Request-URI SP SIP/2.0 (RFC 3261 7.1)');
  }
  const [method, uri, version] = parts as [string, string, string];
  if (!isToken(method)) throw err('SIP_PARSE_METHOD', `method "${method}" is not a token`, line, 'start-line', 'a method of token characters (RFC 3261 25.1)');
  checkVersion(version, line);
  if (uri.charCodeAt(0) === 0x3c) {
    throw err('SIP_PARSE_REQUEST_URI', `Request-URI "${uri}" is enclosed in <>`, line, 'start-line', 'a bare Request-URI (RFC 3261 7.1: "the Request-URI MUST NOT contain unescaped spaces or control characters and MUST NOT be enclosed in <>")');
  }
  const colon = uri.indexOf(':');
  if (colon <= 0 || !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(uri.slice(0, colon))) {
    throw err('SIP_PARSE_REQUEST_URI', `Request-URI "${uri}" is not an absolute URI`, line, 'start-line', 'scheme:...');
  }
  for (let k = 0; k < uri.length; k++) {
    const c = uri.charCodeAt(k);
    if (c < 0x21 || c === 0x7f) throw err('SIP_PARSE_REQUEST_URI', 'Request-URI holds a control character', line, 'start-line', 'escaped control characters');
  }
  const scheme = uri.slice(0, colon).toLowerCase();
  // '?' may appear in the user part (user-unreserved), so only look after the '@'.
  if ((scheme === 'sip' || scheme === 'sips') && uri.indexOf('?', uri.indexOf('@') + 1) >= 0) {
    // RFC 3261 19.1.1 table: headers are "not allowed" in a Request-URI (RFC 4475 3.1.2.11).
    throw err('SIP_PARSE_REQUEST_URI', `Request-URI "${uri}" carries ?headers, which RFC 3261 19.1.1 does not allow there`, line, 'start-line', 'a Request-URI without "?headers"');
  }
  return { isRequest: true, method, uri, version: 'SIP/2.0' };
}
