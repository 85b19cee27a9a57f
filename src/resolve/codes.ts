/**
 * Stable error and finding codes of the resolve area: code -> one-line description.
 * Add a code here before using it; docs/errors.md is generated from these tables
 * (npm run docs:errors) and a test keeps the two in step.
 */
export const RESOLVE_CODES = {
} as const satisfies Record<string, string>;
