/**
 * Stable error codes of the SIP transports, transactions and user agent: code -> description.
 * (Message, parser, URI and digest codes are in src/sip/codes.ts.) docs/errors.md is generated
 * from these tables (npm run docs:errors) and a test keeps the two in step.
 */
export const SIP_UA_CODES = {
} as const satisfies Record<string, string>;
