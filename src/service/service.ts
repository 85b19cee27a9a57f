/**
 * The long-running service: loads the signing keys, builds the HTTP app and the scheduler,
 * listens, and shuts down gracefully: stop scheduling, give in-flight probes the grace period,
 * abort the rest, close the HTTP server (in-flight requests finish, keep-alive sockets are
 * closed), all within `shutdownTimeoutMs`.
 */
import type { DestinationStream, Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { withDeadline } from '../probe/deadline.js';
import { readSecret } from '../probe/read-secret.js';
import { probeTarget, probeTargetText, type ProberTable } from '../probe/run-probe.js';
import { expandModelTargets } from './model-targets.js';
import type { ProbeModuleSettings, ProbeResult } from '../probe/types.js';
import { ApiKeyStore } from './api-keys.js';
import { buildApp } from './app.js';
import type { ProbeModule, ServiceConfig } from './config.js';
import type { ServiceContext } from './context.js';
import { createLogger } from './logger.js';
import { ProbeMetrics } from './metrics.js';
import type { ModelApi } from './model-api.js';
import { RevocationList } from './revocation-list.js';
import { Scheduler } from './scheduler.js';
import { loadSigningKeys } from './signing-keys.js';
import { TokenBuckets } from './token-bucket.js';

export interface StartOptions {
  probers: ProberTable;
  modelApi?: ModelApi;
  logDestination?: DestinationStream;
  logger?: Logger;
  /** Start the scheduler (default true). */
  schedule?: boolean;
  now?: () => number;
  random?: () => number;
  /** Called with every scheduled probe result (after metrics and state are updated). */
  onResult?: (r: ProbeResult) => void;
}

export interface RunningService {
  app: FastifyInstance;
  ctx: ServiceContext;
  scheduler: Scheduler;
  /** http://host:port */
  url: string;
  close(): Promise<{ abortedProbes: number; ms: number }>;
}

export function moduleSettings(m: ProbeModule): ProbeModuleSettings {
  const secret = readSecret({ env: m.secretEnv, file: m.secretFile });
  return {
    method: m.method,
    timeoutMs: m.timeoutMs,
    ...(m.key && secret ? { credentials: { username: m.key, password: secret } } : {}),
    insecure: m.insecure,
    ...(m.caFile ? { caFile: m.caFile } : {}),
    ...(m.call ? { call: m.call } : {}),
  };
}

export async function startService(config: ServiceConfig, opts: StartOptions): Promise<RunningService> {
  const logger = opts.logger ?? createLogger(config.logging.level, opts.logDestination);
  const signing = loadSigningKeys(config.auth.jwt.privateKeyFile, { create: config.auth.jwt.createKey });
  if (signing.created) logger.info({ file: signing.origin }, 'created a new token-signing key pair');
  // Secrets are read once at start: a missing variable is a start-up error, not a probe failure.
  const settings = Object.fromEntries(Object.entries(config.modules).map(([n, m]) => [n, moduleSettings(m)]));
  const metrics = new ProbeMetrics({ processMetrics: true });
  const now = opts.now ?? Date.now;
  const probeLogger = logger.child({ component: 'probe' });

  const targets = await expandModelTargets(config);
  const scheduler = new Scheduler({
    targets,
    modules: config.modules,
    concurrency: config.concurrency,
    history: config.history,
    ...(opts.random ? { random: opts.random } : {}),
    run: (t, m, signal) => {
      const s = settings[m.name] as ProbeModuleSettings;
      if (t.resolved) {
        const withCreds = t.credentials ? { ...s, credentials: t.credentials } : s;
        return probeTarget({ ...t.resolved, name: t.name }, withCreds, opts.probers, signal, probeLogger);
      }
      return probeTargetText(t.target, s, m.transport, opts.probers, signal, probeLogger, t.name);
    },
    onResult: (r, state, changed) => {
      metrics.record(r);
      metrics.setUp(r, state.state === 'unknown' ? undefined : state.state === 'up');
      if (changed) logger.info({ target: state.name, state: changed, outcome: r.outcome, status: r.status }, `target ${changed}`);
      opts.onResult?.(r);
    },
  });

  const ctx: ServiceContext = {
    config,
    signing,
    keys: new ApiKeyStore(config.auth.keys),
    revoked: new RevocationList(),
    failedAuth: new TokenBuckets(config.auth.failedAuthRateLimit),
    metrics,
    scheduler,
    modelApi: opts.modelApi,
    logger,
    now,
    state: { ready: false, shuttingDown: false },
    probe: (target, moduleName, overrides, signal) => {
      const base = settings[moduleName] as ProbeModuleSettings;
      const module = config.modules[moduleName] as ProbeModule;
      const s = overrides.method ? { ...base, method: overrides.method } : base;
      return withDeadline(signal, s.timeoutMs + 1000, (timed) =>
        probeTargetText(target, s, overrides.transport ?? module.transport, opts.probers, timed, probeLogger),
      );
    },
  };
  const app = buildApp(ctx);
  const housekeeping = setInterval(() => {
    ctx.failedAuth.prune(now());
    ctx.revoked.prune(now());
  }, 60_000);
  housekeeping.unref();

  await app.listen({ host: config.listen.host, port: config.listen.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.listen.port;
  const host = config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host;
  if (opts.schedule !== false) scheduler.start();
  ctx.state.ready = true;
  logger.info({ url: `http://${host}:${port}`, targets: targets.length, modules: Object.keys(config.modules) }, 'service listening');

  let closing: Promise<{ abortedProbes: number; ms: number }> | undefined;
  return {
    app,
    ctx,
    scheduler,
    url: `http://${host}:${port}`,
    close() {
      if (closing) return closing;
      closing = (async () => {
        const t0 = performance.now();
        ctx.state.shuttingDown = true;
        clearInterval(housekeeping);
        const bound = config.shutdownTimeoutMs;
        // Half the bound for probes to finish, the rest for the HTTP server.
        const { aborted } = await scheduler.stop(Math.max(0, bound / 2));
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          app.close(),
          new Promise<void>((r) => {
            timer = setTimeout(() => {
              app.server.closeAllConnections();
              r();
            }, Math.max(0, bound - (performance.now() - t0)));
          }),
        ]);
        clearTimeout(timer);
        logger.info({ abortedProbes: aborted }, 'service stopped');
        return { abortedProbes: aborted, ms: performance.now() - t0 };
      })();
      return closing;
    },
  };
}
