/**
 * The --json output of the model commands keeps every field of its documented shape
 * (docs/cli-json.md): a field that is undefined in the TypeScript types is written as null
 * instead of being left out. Secrets go through their own toJSON (`<redacted>`).
 */
export function stableJson<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (v === undefined ? null : v)));
}
