/**
 * Stable error and finding codes of the service area: code -> one-line description.
 * Add a code here before using it; docs/errors.md is generated from these tables
 * (npm run docs:errors) and a test keeps the two in step.
 */
export const SERVICE_CODES = {
  SERVICE_CONFIG_UNREADABLE: 'The service configuration file cannot be read.',
  SERVICE_CONFIG_INVALID: 'The service configuration breaks schemas/service.schema.json or a rule (unknown module, duplicate name).',
  SERVICE_ARGUMENT_INVALID: 'A command-line argument of serve or jwt is missing or invalid.',
  SERVICE_DURATION_SYNTAX: 'A duration is not a number of seconds or text like 30s, 15m, 24h.',
  SERVICE_KEY_UNREADABLE: 'The token-signing private key file cannot be read or does not exist.',
  SERVICE_KEY_INVALID: 'The token-signing key is not a PEM RSA private key.',
  SERVICE_JWT_TTL_RANGE: 'A token lifetime is outside the carrier limits of 30 seconds to 24 hours.',
  SERVICE_JWT_MALFORMED: 'A bearer token is not a well-formed JWT with the application claims.',
  SERVICE_JWT_ALGORITHM: 'A bearer token uses an algorithm other than RS256 (none, HS256 and others are refused).',
  SERVICE_JWT_SIGNATURE: 'A bearer token signature does not verify with the service public key.',
  SERVICE_JWT_EXPIRED: 'A bearer token is past its exp claim (beyond the clock-skew allowance).',
  SERVICE_JWT_NOT_YET_VALID: 'A bearer token is before its nbf claim (beyond the clock-skew allowance).',
  SERVICE_JWT_REVOKED: 'A bearer token id (jti) has been revoked.',
  SERVICE_AUTH_MISSING: 'A protected route was called without an Authorization header.',
  SERVICE_AUTH_INVALID: 'The credentials or the authentication scheme are not valid.',
  SERVICE_AUTH_DISABLED: 'The API key exists but is disabled.',
  SERVICE_AUTH_RATE_LIMITED: 'Too many failed authentications from this client address; retry later.',
  SERVICE_BODY_INVALID: 'A request body or query breaks the route JSON Schema or is not parseable.',
  SERVICE_NOT_FOUND: 'No route, target or module with that name.',
  SERVICE_UNAVAILABLE: 'A feature the route needs is not available in this build.',
  SERVICE_INTERNAL: 'An unexpected error inside the service (details are in the log, not the response).',
} as const satisfies Record<string, string>;
