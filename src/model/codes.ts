/**
 * Stable error and finding codes of the model area: code -> one-line description.
 * Add a code here before using it; docs/errors.md is generated from these tables
 * (npm run docs:errors) and a test keeps the two in step.
 */
export const MODEL_CODES = {
  // Reading and parsing the file
  MODEL_FILE_UNREADABLE: 'The model file cannot be read (missing, a directory, or no permission).',
  MODEL_YAML_SYNTAX: 'The model file is not well-formed YAML.',
  MODEL_YAML_DUPLICATE_KEY: 'A mapping in the model file has the same key twice.',
  MODEL_NOT_A_MAPPING: 'The model document is not a YAML mapping (key: value) at the top level.',
  // JSON Schema (schemas/trunk.schema.json)
  MODEL_SCHEMA_UNKNOWN_KEY: 'A key the schema does not allow (typo or misplaced key).',
  MODEL_SCHEMA_REQUIRED: 'A required key is missing.',
  MODEL_SCHEMA_TYPE: 'A value has the wrong type (string, number, list, mapping).',
  MODEL_SCHEMA_ENUM: 'A value is not one of the allowed choices.',
  MODEL_SCHEMA_PATTERN: 'A string does not have the required form.',
  MODEL_SCHEMA_RANGE: 'A number is outside its allowed range, or a list or string has the wrong length.',
  MODEL_SCHEMA_INVALID: 'A value breaks another JSON Schema rule (the message names it).',
  // Carrier profile
  MODEL_CARRIER_UNKNOWN: 'The model names a carrier profile that is not built in.',
  MODEL_CARRIER_PROFILE_INVALID: 'A carrier profile (built in, overridden or fully described) is inconsistent.',
  // Account and secret
  MODEL_SECRET_INLINE: 'The account secret is written inline in the model (warning: use ${ENV_VAR} or { file: path }).',
  MODEL_SECRET_ENV_UNSET: 'The environment variable holding the secret is not set.',
  MODEL_SECRET_FILE_UNREADABLE: 'The file holding the secret cannot be read.',
  MODEL_SECRET_EMPTY: 'The secret resolved to an empty value.',
  // E.164 numbers
  MODEL_E164_EMPTY: 'The phone number is empty.',
  MODEL_E164_NOT_A_NUMBER: 'The phone number contains characters that are not digits, spaces, dots, dashes, brackets or a leading +.',
  MODEL_E164_TOO_LONG: 'The phone number has more than the 15 digits E.164 allows.',
  MODEL_E164_TOO_SHORT: 'The phone number is too short to hold a country code and a subscriber number.',
  MODEL_E164_NATIONAL_FORMAT: 'The phone number is written in national format (leading 0) without a country code.',
  MODEL_E164_UNKNOWN_COUNTRY_CODE: 'The phone number starts with a country calling code that does not exist.',
  MODEL_E164_INVALID_LENGTH: 'The phone number has the wrong number of digits for its country.',
  MODEL_E164_INVALID_FOR_COUNTRY: 'The phone number has a possible length but is not a valid number in its country.',
  MODEL_E164_EXTENSION: 'The phone number carries an extension, which E.164 cannot express.',
  MODEL_DID_DUPLICATE: 'The same DID number is listed twice (after normalisation).',
  // Codecs
  MODEL_CODEC_EMPTY: 'The codec list is empty.',
  MODEL_CODEC_UNKNOWN: 'A codec name is not one siptrunk knows.',
  MODEL_CODEC_UNSUPPORTED: 'A codec the carrier does not support.',
  MODEL_CODEC_DUPLICATE: 'The same codec is listed twice (after resolving aliases).',
  MODEL_CODEC_G729_ANNEXB: 'G.729 Annex B (VAD/CNG) was asked for; the carrier supports G.729 without Annex B only.',
  MODEL_CODEC_ULAW_OUTSIDE_US: 'PCMU (ulaw) is listed for a region outside the US (warning: the carrier uses alaw outside the US).',
  // SIP URIs and the forward-to-SIP list
  MODEL_URI_SYNTAX: 'A SIP URI does not match the RFC 3261 SIP-URI / SIPS-URI grammar.',
  MODEL_URI_SCHEME: 'A URI scheme other than sip: or sips:.',
  MODEL_URI_HOST: 'The host of a SIP URI is not a valid domain name, IPv4 address or bracketed IPv6 address.',
  MODEL_URI_PORT: 'The port of a SIP URI is outside 1-65535.',
  MODEL_URI_PARAM: 'A SIP URI parameter has a value that is not valid (transport=, timeout=, ...).',
  MODEL_URI_HEADERS: 'A SIP URI carries ?headers, which the forward-to-SIP list ignores (warning).',
  MODEL_FORWARD_EMPTY_ENTRY: 'An entry of the forward-to-SIP list is empty (stray comma).',
  MODEL_FORWARD_TIMEOUT_RANGE: 'A ;timeout= value outside the carrier range (2000-20000 ms) or not a whole number.',
  MODEL_FORWARD_DUPLICATE: 'The same destination appears twice in the forward-to-SIP list.',
  MODEL_FORWARD_PRIVATE_HOST: 'A forward-to-SIP host is private, loopback, link-local or local-only (warning: the carrier cannot reach it).',
  MODEL_FORWARD_TRANSPORT_MISMATCH: 'A sips: URI asks for a transport other than TLS.',
  // Other model rules
  MODEL_REGION_UNKNOWN: 'The region is not one of the carrier profile regions.',
  MODEL_TRANSPORT_DUPLICATE: 'A transport is listed twice.',
  MODEL_FIREWALL_DUPLICATE: 'A firewall flavour is listed twice.',
  MODEL_PBX_DUPLICATE: 'Two PBX targets of the same kind.',
  MODEL_PBX_PATTERN_INVALID: 'An outbound dial pattern is not valid in the target PBX syntax.',
  MODEL_PBX_TLS_MISSING: 'TLS is an enabled transport but a PBX target has no certificate and key (warning).',
  MODEL_TLS_INCOMPLETE: 'A TLS certificate is given without its key, or a key without its certificate.',
  MODEL_DNS_SERVER_INVALID: 'The DNS server is not host:port with a valid address and port.',
} as const satisfies Record<string, string>;

export type ModelCode = keyof typeof MODEL_CODES;
