import { inspect } from 'node:util';

const REDACTED = '<redacted>';

/**
 * A secret value (trunk secret, API secret, private key). It never shows in logs, errors,
 * JSON output or util.inspect: only `reveal()` gives the value, and only code that must put it
 * on the wire or in a file the user asked for calls it.
 */
export class Secret {
  readonly #value: string;
  /** Where the value came from, safe to show: `env:NEXMO_SECRET`, `file:/etc/x`. */
  readonly origin: string;

  constructor(value: string, origin = 'inline') {
    this.#value = value;
    this.origin = origin;
  }

  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${this.origin})`;
  }
}
