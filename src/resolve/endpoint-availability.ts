import type { Transport } from '../model/types.js';

/**
 * Endpoints a 503 with Retry-After took out of service. RFC 3261 21.5.4: "If the condition is
 * temporary, the server MAY indicate when the client may retry the request using a Retry-After
 * header field"; RFC 3263 4.3: a 503 counts as a failure of that element, and the client moves
 * on to the next. Until the time given has passed, plans skip the endpoint.
 *
 * Keyed by transport, address and port. The clock is injectable for tests.
 */
export class EndpointAvailability {
  readonly #until = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  static key(e: { transport: Transport; address: string; port: number }): string {
    return `${e.transport}:${e.address}:${e.port}`;
  }

  markUnavailable(e: { transport: Transport; address: string; port: number }, seconds: number): number {
    const until = this.#now() + seconds * 1000;
    const key = EndpointAvailability.key(e);
    this.#until.set(key, Math.max(until, this.#until.get(key) ?? 0));
    return until;
  }

  /** When the endpoint may be tried again (epoch ms), or undefined when it may be tried now. */
  unavailableUntil(e: { transport: Transport; address: string; port: number }): number | undefined {
    const key = EndpointAvailability.key(e);
    const until = this.#until.get(key);
    if (until === undefined) return undefined;
    if (until <= this.#now()) {
      this.#until.delete(key);
      return undefined;
    }
    return until;
  }

  clear(): void {
    this.#until.clear();
  }
}

/** Shared by every plan in this process (the CLI runs one; the service keeps it across probes). */
export const defaultAvailability = new EndpointAvailability();
