/**
 * sipp UAS peers for the resolve tests, each on its own loopback address of the resolve area
 * (127.0.20.x), with the scenarios of test/resolve/peers/.
 */
import { fileURLToPath } from 'node:url';
import { startSippUas, type SippProcess, type SippTransport } from '../../helpers/sipp.js';
import { freePort } from '../../helpers/ports.js';

export type PeerKind = '200' | '486' | '500' | '503-retry-after' | 'silent';

const scenario = (kind: PeerKind): string => {
  const name = kind === 'silent' ? 'options-silent' : kind === '503-retry-after' ? 'options-503-retry-after' : `options-${kind}`;
  return fileURLToPath(new URL(`../peers/${name}.xml`, import.meta.url));
};

export function startPeer(kind: PeerKind, host: string, transport: SippTransport = 'udp', retryAfter = 30): Promise<SippProcess> {
  return startSippUas({ scenario: scenario(kind), host, transport, ...(kind === '503-retry-after' ? { keys: { retry_after: String(retryAfter) } } : {}) });
}

/** A port on host with nothing listening on it (UDP and TCP), for "no listener" faults. */
export function deadPort(host: string): Promise<number> {
  return freePort(host);
}
