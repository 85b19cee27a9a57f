/** Everything the HTTP routes share: configuration, keys, the scheduler and the probe runner. */
import type { Logger } from 'pino';
import type { ProbeResult, ProbeMethod, ProbeTransport } from '../probe/types.js';
import type { ApiKeyStore } from './api-keys.js';
import type { ServiceConfig } from './config.js';
import type { ProbeMetrics } from './metrics.js';
import type { ModelApi } from './model-api.js';
import type { RevocationList } from './revocation-list.js';
import type { Scheduler } from './scheduler.js';
import type { SigningKeys } from './signing-keys.js';
import type { TokenBuckets } from './token-bucket.js';

/** Runs one probe of `target` (URI text) with a configured module, now. */
export type OnDemandProbe = (
  target: string,
  moduleName: string,
  overrides: { method?: ProbeMethod; transport?: ProbeTransport },
  signal: AbortSignal,
) => Promise<ProbeResult>;

export interface ServiceContext {
  config: ServiceConfig;
  signing: SigningKeys;
  keys: ApiKeyStore;
  revoked: RevocationList;
  failedAuth: TokenBuckets;
  metrics: ProbeMetrics;
  scheduler: Scheduler | undefined;
  probe: OnDemandProbe;
  modelApi: ModelApi | undefined;
  logger: Logger;
  now: () => number;
  /** Set when shutdown has begun: /readyz answers 503. */
  state: { ready: boolean; shuttingDown: boolean };
}
