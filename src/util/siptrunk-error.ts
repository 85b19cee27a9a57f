/**
 * Base class of every typed error in siptrunk. It lives in util/ so that every layer, the SIP
 * layer included, can use it without depending on anything above it.
 */
export interface ErrorLocation {
  /** File the error was found in, when there is one. */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
  /** JSON path of the field (`/account/apiKey`), when the input is structured. */
  path?: string;
  /** SIP header or start-line element, for protocol errors. */
  header?: string;
}

export class SiptrunkError extends Error {
  override name = 'SiptrunkError';
  readonly code: string;
  readonly location: ErrorLocation | undefined;
  /** What would have been valid, in words. */
  readonly expected: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { location?: ErrorLocation; expected?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = options.location;
    this.expected = options.expected;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.location ? { location: this.location } : {}),
      ...(this.expected ? { expected: this.expected } : {}),
    };
  }
}

export function isSiptrunkError(e: unknown): e is SiptrunkError {
  return e instanceof SiptrunkError;
}
