/**
 * Stable error and finding codes of the render area: code -> one-line description.
 * Add a code here before using it; docs/errors.md is generated from these tables
 * (npm run docs:errors) and a test keeps the two in step.
 */
export const RENDER_CODES = {
  RENDER_UNSAFE_VALUE:
    'A model value cannot be written safely in a target format (newline, comment or section character, quote, shell metacharacter); nothing is written.',
  RENDER_BAD_ADDRESS: 'A carrier signalling address is not an IPv4/IPv6 address or CIDR, so no ACL or firewall rule can be written for it.',
  RENDER_BAD_PATTERN: 'An outbound dial pattern is not valid in its PBX syntax (Asterisk extension pattern or FreeSWITCH regular expression).',
  RENDER_NAME_TOO_LONG: 'The trunk name is too long for an identifier of a target format (iptables chain names hold at most 28 characters).',
  RENDER_CONTEXT_CLASH: 'Two Asterisk targets define the same dialplan context with different contents in the shared extensions.conf.',
  RENDER_CIDR_NOT_SUPPORTED: 'A CIDR signalling address cannot be a chan_sip peer (chan_sip matches peers by exact address); no peer is written for it.',
  RENDER_MISSING_TLS_FILES: 'The tls transport is enabled but the PBX target has no certificate and key paths.',
  RENDER_REFUSED: 'The model has values that cannot be rendered; the findings list them, and nothing was written.',
  RENDER_UNKNOWN_TARGET: 'A --target name is not one of the render targets.',
  RENDER_SECRET_UNAVAILABLE: '--secrets inline was asked for, but the secret reference could not be resolved (unset variable, unreadable file).',
  RENDER_PATH_ESCAPE: 'A rendered file path would land outside the output directory (.., absolute path or a symlinked folder); it is refused.',
  RENDER_WRITE_FAILED: 'A rendered file could not be written to the output directory.',
  RENDER_TEMPLATE_MISSING: 'A template of templates/<target>/ is missing from the precompiled set (src/render/generated/templates.ts).',
} as const satisfies Record<string, string>;

export type RenderCode = keyof typeof RENDER_CODES;
