/**
 * Stable error and finding codes of the sip area: code -> one-line description.
 * Add a code here before using it; docs/errors.md is generated from these tables
 * (npm run docs:errors) and a test keeps the two in step.
 */
export const SIP_CODES = {
  // Start line (RFC 3261 7.1, 7.2, 25.1)
  SIP_PARSE_EMPTY: 'The buffer holds no SIP message (empty or only CRLF).',
  SIP_PARSE_NO_HEADER_END: 'The header section does not end with an empty line (CRLF CRLF).',
  SIP_PARSE_START_LINE: 'The start line is neither a Request-Line nor a Status-Line.',
  SIP_PARSE_METHOD: 'The request method is not a token (RFC 3261 25.1).',
  SIP_PARSE_REQUEST_URI: 'The Request-URI is malformed (whitespace, <> around it, or not an absolute URI).',
  SIP_PARSE_VERSION: 'The SIP version is not SIP/2.0.',
  SIP_PARSE_STATUS_CODE: 'The status code is not a 3-digit number from 100 to 699.',
  // Header section
  SIP_PARSE_HEADER_LINE: 'A header line has no colon or starts with a continuation before any header.',
  SIP_PARSE_HEADER_NAME: 'A header name is not a token (RFC 3261 25.1).',
  SIP_PARSE_HEADER_VALUE: 'A header value does not follow the grammar of its header (RFC 3261 25.1).',
  SIP_PARSE_MISSING_HEADER: 'A header the caller asked for is absent from the message.',
  // Body framing (RFC 3261 18.3, 20.14)
  SIP_PARSE_CONTENT_LENGTH: 'Content-Length is not a non-negative decimal number.',
  SIP_PARSE_CONTENT_LENGTH_EXCEEDS: 'Content-Length is larger than the octets that follow the header section.',
  SIP_PARSE_CONTENT_LENGTH_REQUIRED: 'A message on a stream transport has no Content-Length (RFC 3261 18.3).',
  SIP_PARSE_CONTENT_LENGTH_CONFLICT: 'The message carries several different Content-Length values.',
  SIP_STREAM_TOO_LARGE: 'A message on a stream transport is larger than the configured maximum.',
  // URIs (RFC 3261 19.1, RFC 3966)
  SIP_URI_INVALID: 'A URI does not follow the sip/sips/tel or absolute-URI grammar.',
  SIP_NAME_ADDR_INVALID: 'A name-addr or addr-spec (From, To, Contact, Route) is malformed.',
  // Defects: a parser may accept these messages but must notice them (RFC 4475 3.1.2)
  SIP_DEFECT_BARE_LF: 'Lines end with LF alone instead of CRLF.',
  SIP_DEFECT_TRAILING_OCTETS: 'A datagram carries octets after the Content-Length bytes of body; they were ignored.',
  SIP_DEFECT_EMPTY_LIST_ELEMENT: 'A list header has empty elements between commas, or empty parameters.',
  SIP_DEFECT_SCALAR_RANGE: 'A numeric header value (CSeq, Max-Forwards, Expires, ...) is out of its allowed range.',
  SIP_DEFECT_CSEQ_METHOD: 'The CSeq method differs from the request method.',
  SIP_DEFECT_DATE: 'The Date header is not an RFC 1123 date in GMT (RFC 3261 20.17).',
  SIP_DEFECT_URI_HEADERS: 'A URI carries ?headers where they are not allowed, or outside <> in a name-addr.',
  SIP_DEFECT_ADDR_SPEC_SPACE: 'An addr-spec inside <> has whitespace around it.',
  SIP_DEFECT_DISPLAY_NAME: 'An unquoted display name holds characters that are not token characters.',
  SIP_DEFECT_MULTIPLE_VALUES: 'A header that allows one value carries several.',
  // Digest (RFC 3261 22, RFC 7616, RFC 8760)
  SIP_AUTH_CHALLENGE_INVALID: 'A WWW-Authenticate or Proxy-Authenticate value does not follow the Digest grammar.',
  SIP_AUTH_NO_CHALLENGE: 'A 401/407 response carries no WWW-Authenticate or Proxy-Authenticate header.',
  SIP_AUTH_UNSUPPORTED: 'No challenge offers a scheme, algorithm and qop this client supports.',
  SIP_AUTH_REJECTED: 'The peer challenged the same realm again after a fresh answer: wrong key or secret.',
  // SDP (RFC 4566, RFC 3264)
  SIP_SDP_INVALID: 'An SDP body does not follow RFC 4566 (line syntax, missing v=/o=/m=/c=).',
  SIP_SDP_CODEC: 'A codec name is not one siptrunk can offer, or the offer options are out of range.',
} as const satisfies Record<string, string>;

export type SipCode = keyof typeof SIP_CODES;
