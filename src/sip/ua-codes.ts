/**
 * Stable error codes of the SIP transports, transactions and user agent: code -> description.
 * (Message, parser, URI and digest codes are in src/sip/codes.ts.) docs/errors.md is generated
 * from these tables (npm run docs:errors) and a test keeps the two in step.
 */
export const SIP_UA_CODES = {
  SIPUA_CERT_BAD_NAME: 'The common name given for a self-signed certificate is empty, too long or has control characters.',
  SIPUA_CERT_BAD_DAYS: 'The validity given for a self-signed certificate is not a whole number of days from 1 to 3650.',
  SIPUA_CERT_WRITE_FAILED: 'siptrunk cert could not write cert.pem or key.pem into the output directory.',
  SIPUA_BAD_TARGET: 'The SIP target is neither a sip:/sips: URI nor host[:port], or its port or transport is invalid.',
  SIPUA_BAD_TRANSPORT: 'The transport given is not udp, tcp or tls.',
  SIPUA_BAD_NUMBER: 'A numeric option (timeout, hold, ring timeout) is not a positive whole number in range.',
  SIPUA_BAD_E164: 'A caller or callee number is not in E.164 form (8 to 15 digits, country code first, optional +).',
  SIPUA_NO_SECRET: 'A key was given without a secret, or the secret variable or file is missing or empty.',
  SIPUA_SECRET_FILE: 'The secret file cannot be read.',
  SIPUA_TLS_FILE: 'A TLS file (CA, client certificate or key) cannot be read.',
  SIPUA_BAD_CODEC: 'A codec in --codecs is not one the SDP offer builder knows.',
} as const satisfies Record<string, string>;
