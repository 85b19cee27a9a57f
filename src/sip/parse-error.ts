import { SiptrunkError, type ErrorLocation } from '../util/siptrunk-error.js';
import type { SipCode } from './codes.js';

/**
 * A SIP message, URI or header value that does not follow its grammar. `code` is one of
 * SIP_CODES (src/sip/codes.ts); `location.line` is the 1-based line of the message and
 * `location.header` the canonical header name (or `start-line`, `body`).
 */
export class SipParseError extends SiptrunkError {
  override name = 'SipParseError';
  declare readonly code: SipCode;

  constructor(code: SipCode, message: string, options: { location?: ErrorLocation; expected?: string; cause?: unknown } = {}) {
    super(code, message, options);
  }
}

export function isSipParseError(e: unknown): e is SipParseError {
  return e instanceof SipParseError;
}
