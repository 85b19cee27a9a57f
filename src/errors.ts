/**
 * The error registry. Every error a caller can branch on is a SiptrunkError with a stable
 * `code`. Codes live per area (src/<area>/codes.ts) so that each layer owns its own, and are
 * gathered here so that one test can check that each code is documented in docs/errors.md and
 * each documented code exists.
 *
 * Messages say what was wrong, where (file:line:column, JSON path or SIP header) and what would
 * be valid. They never contain a secret: use `Secret` (src/util/secret.ts) for secret values.
 */
import { MODEL_CODES } from './model/codes.js';
import { SIP_CODES } from './sip/codes.js';
import { SIP_UA_CODES } from './sip/ua-codes.js';
import { RENDER_CODES } from './render/codes.js';
import { RESOLVE_CODES } from './resolve/codes.js';
import { PROBE_CODES } from './probe/codes.js';
import { SERVICE_CODES } from './service/codes.js';
import { CLI_CODES } from './cli/codes.js';

/** Every stable code with a one-line description, by area. */
export const ERROR_CODES = {
  model: MODEL_CODES,
  sip: SIP_CODES,
  sipUa: SIP_UA_CODES,
  render: RENDER_CODES,
  resolve: RESOLVE_CODES,
  probe: PROBE_CODES,
  service: SERVICE_CODES,
  cli: CLI_CODES,
} as const;

export type ErrorCode =
  | keyof typeof MODEL_CODES
  | keyof typeof SIP_CODES
  | keyof typeof SIP_UA_CODES
  | keyof typeof RENDER_CODES
  | keyof typeof RESOLVE_CODES
  | keyof typeof PROBE_CODES
  | keyof typeof SERVICE_CODES
  | keyof typeof CLI_CODES;

export { SiptrunkError, isSiptrunkError } from './util/siptrunk-error.js';
export type { ErrorLocation } from './util/siptrunk-error.js';
