/**
 * Stable error and finding codes of the probe area: code -> one-line description.
 * Add a code here before using it; docs/errors.md is generated from these tables
 * (npm run docs:errors) and a test keeps the two in step.
 */
export const PROBE_CODES = {
  PROBE_TARGET_INVALID: 'A probe target is neither a SIP URI nor host[:port], or has a bad port or transport.',
  PROBE_ARGUMENT_INVALID: 'A probe option is invalid (method, transport, thresholds, timeout, or FILE and --target together).',
  PROBE_SECRET_UNREADABLE: 'The Digest secret for a probe could not be read from its variable or file.',
  PROBE_MODEL_UNREADABLE: 'The trunk model given to the probe could not be read or is invalid.',
} as const satisfies Record<string, string>;
