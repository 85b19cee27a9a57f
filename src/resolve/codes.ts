/**
 * Stable error and finding codes of the resolve area: code -> one-line description.
 * Add a code here before using it; docs/errors.md is generated from these tables
 * (npm run docs:errors) and a test keeps the two in step.
 */
export const RESOLVE_CODES = {
  RESOLVE_DNS_SERVER_INVALID: 'The DNS server address is not host, host:port or [ipv6]:port with a port from 1 to 65535.',
  RESOLVE_DNS_NO_SERVER: 'No DNS server is configured and the system resolver lists none.',
  RESOLVE_DNS_TIMEOUT: 'No DNS server answered the query within the timeout, over every retry.',
  RESOLVE_DNS_SERVER_FAILURE: 'The DNS server answered with an error rcode (SERVFAIL, REFUSED, FORMERR, NOTIMP...).',
  RESOLVE_DNS_BAD_RESPONSE: 'The DNS answer could not be decoded or does not match the question asked.',
  RESOLVE_DNS_TRANSPORT: 'The DNS query could not be sent or its TCP connection failed.',
  RESOLVE_TARGET_INVALID: 'The target is not a host, host:port or sip:/sips: URI.',
  RESOLVE_TRANSPORT_UNSUPPORTED: 'The URI names a transport other than udp, tcp or tls, or sips: with udp.',
  RESOLVE_NOTHING_RESOLVED: 'Neither NAPTR, SRV nor A/AAAA records gave an address for the target.',
  RESOLVE_REGION_UNKNOWN: 'The region is not one of the carrier profile\'s regions.',
  RESOLVE_TIMEOUT_INVALID: 'A timeout is not a positive whole number of milliseconds.',
  RESOLVE_FORWARD_LIST_MISSING: 'forward needs a list argument or --model with a forward-to-SIP list.',
  RESOLVE_MODEL_INVALID: 'The trunk model given with --model has errors, so it cannot drive resolution or the forward walk.',
  RESOLVE_METHOD_INVALID: 'The --method is neither options nor invite.',
} as const satisfies Record<string, string>;

export type ResolveCode = keyof typeof RESOLVE_CODES;
