/**
 * A request written to wire text once, for a request nobody reads back as a message before it
 * is sent: the OPTIONS of a health check, which the probe service sends by the thousand. Its
 * writer (user-agent/requests.ts) checks every part once, as SipMessage.request() would, and
 * joins them in one template; the transaction layer adds the top Via when it sends it
 * (`wire(via)`). The SipMessage of what was sent is parsed from those bytes only when someone
 * asks for it (ClientTransaction.request).
 *
 * Why not a SipMessage: building a request as one (each row checked into an entry, the Via
 * prepended, then serialised) costs about 1.4 µs per request here, and writing the same bytes
 * from one template about 0.3 µs; the difference is a sixth of the client's CPU per Digest
 * OPTIONS exchange (BENCHMARKS.md, "Components or glue"). The bytes are the ones serialize()
 * writes for the same request (test/sip/user-agent/requests.test.ts compares them).
 */
const EMPTY = Buffer.alloc(0);

export class OutgoingRequest {
  readonly #startLine: string;
  readonly #rows: string;

  /**
   * `method` and `uri` already checked (checkStartLine); `rows` every header row that follows
   * the Via, each `Name: value\r\n` with a canonical name and a value that went through
   * checkedHeaderValue(), without Content-Length (written from the body).
   */
  constructor(
    readonly method: string,
    readonly uri: string,
    rows: string,
    readonly body: Buffer = EMPTY,
  ) {
    this.#startLine = `${method} ${uri} SIP/2.0\r\n`;
    this.#rows = rows;
  }

  /** The bytes to send, with `via` (written by the transaction layer) as the only Via row. */
  wire(via: string): Buffer {
    const head = `${this.#startLine}Via: ${via}\r\n${this.#rows}Content-Length: ${this.body.length}\r\n\r\n`;
    if (this.body.length === 0) return Buffer.from(head, 'utf8');
    const h = Buffer.from(head, 'utf8');
    return Buffer.concat([h, this.body], h.length + this.body.length);
  }
}
