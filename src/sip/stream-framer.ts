import { SipParseError } from './parse-error.js';
import type { SipMessage } from './message.js';
import { findHeaderEnd, parseMessage } from './parser.js';

/**
 * Cuts a TCP or TLS byte stream into SIP messages (RFC 3261 18.3: "In the case of
 * stream-oriented transports, the start line, headers and body are delimited by Content-Length").
 * CRLF keep-alives between messages are skipped: a double CRLF is a ping, which RFC 5626 4.4.1
 * answers with a single CRLF (`onPing`); a single CRLF is a pong. A malformed message or one
 * larger than `maxMessageSize` throws SipParseError; the stream cannot be resynchronised after
 * that, so the caller closes the connection.
 */
export interface StreamFramerOptions {
  /** Largest message (headers + body) accepted, in octets. Default 65536. */
  maxMessageSize?: number;
  /** Called for each CRLF CRLF keep-alive ping received (answer with "\r\n"). */
  onPing?: () => void;
}

const CONTENT_LENGTH_LINE = /(?:^|\n)(?:content-length|l)[ \t]*:[ \t]*(?:\r?\n[ \t]+)?([^\r\n]*)/gi;

export class StreamFramer {
  #buf: Buffer = Buffer.alloc(0);
  readonly #max: number;
  readonly #onPing: (() => void) | undefined;
  #failed = false;
  /** Keep-alive pings (CRLF CRLF) received so far. */
  pings = 0;

  constructor(opts: StreamFramerOptions = {}) {
    this.#max = opts.maxMessageSize ?? 65536;
    this.#onPing = opts.onPing;
  }

  /** Octets received but not yet part of a complete message. */
  get buffered(): number {
    return this.#buf.length;
  }

  /** Adds received octets; returns the messages they complete, in order. */
  push(chunk: Buffer): SipMessage[] {
    if (this.#failed) {
      throw new SipParseError('SIP_PARSE_START_LINE', 'the stream already failed to parse; close the connection', { location: { header: 'start-line' } });
    }
    this.#buf = this.#buf.length === 0 ? chunk : Buffer.concat([this.#buf, chunk]);
    const out: SipMessage[] = [];
    try {
      for (;;) {
        this.#skipKeepAlives();
        const buf = this.#buf;
        if (buf.length === 0) break;
        const end = findHeaderEnd(buf, 0);
        if (end === undefined) {
          if (buf.length > this.#max) this.#tooLarge(buf.length);
          break;
        }
        const [headEnd, bodyStart] = end;
        const head = buf.toString('latin1', 0, headEnd);
        let length: number | undefined;
        CONTENT_LENGTH_LINE.lastIndex = 0;
        for (let m = CONTENT_LENGTH_LINE.exec(head); m !== null; m = CONTENT_LENGTH_LINE.exec(head)) {
          const v = m[1]!.trim();
          if (!/^\d{1,10}$/.test(v)) break; // let parseMessage report it with its line
          const n = Number(v);
          if (length !== undefined && length !== n) break;
          length = n;
        }
        if (length === undefined) {
          // No usable Content-Length: parseMessage in stream mode throws the precise error.
          parseMessage(buf.subarray(0, bodyStart), { datagram: false });
          throw new SipParseError('SIP_PARSE_CONTENT_LENGTH_REQUIRED', 'a message on the stream has no Content-Length (RFC 3261 18.3)', { location: { header: 'Content-Length' } });
        }
        const total = bodyStart + length;
        if (total > this.#max) this.#tooLarge(total);
        if (buf.length < total) break;
        out.push(parseMessage(buf.subarray(0, total), { datagram: false }));
        this.#buf = buf.subarray(total);
      }
    } catch (e) {
      this.#failed = true;
      this.#buf = Buffer.alloc(0);
      throw e;
    }
    if (this.#buf.length > 0 && this.#buf.buffer.byteLength > this.#buf.length * 4) this.#buf = Buffer.from(this.#buf);
    return out;
  }

  #skipKeepAlives(): void {
    const buf = this.#buf;
    let i = 0;
    for (;;) {
      if (buf[i] === 0x0d && buf[i + 1] === 0x0a && buf[i + 2] === 0x0d && buf[i + 3] === 0x0a) {
        this.pings++;
        this.#onPing?.();
        i += 4;
      } else if (buf[i] === 0x0d && buf[i + 1] === 0x0a && i + 2 < buf.length) {
        i += 2; // a pong, or a stray CRLF before a start line (RFC 3261 7.5)
      } else if (buf[i] === 0x0a) {
        i += 1;
      } else break;
    }
    if (i > 0) this.#buf = buf.subarray(i);
  }

  #tooLarge(size: number): never {
    throw new SipParseError('SIP_STREAM_TOO_LARGE', `a message on the stream exceeds ${this.#max} octets (at least ${size})`, {
      location: { header: 'Content-Length' },
      expected: `messages up to ${this.#max} octets`,
    });
  }
}
