/**
 * `siptrunk serve --config FILE [--check]`: runs the health-check service until SIGTERM or
 * SIGINT, then shuts down gracefully within the configured bound (stop scheduling, finish or
 * abort in-flight probes, close the HTTP server and the SIP sockets). `--check` validates the
 * configuration (and that the probe secrets can be read) and exits, as blackbox_exporter's
 * --config.check does. Exit 0 after a clean shutdown or a good check, 3 for a bad config.
 */
import { loadServiceConfig } from '../../service/config.js';
import { moduleSettings, startService } from '../../service/service.js';
import { createModelApi } from '../../service/model-api-impl.js';
import { expandModelTargets } from '../../service/model-targets.js';
import { createSipProbers } from '../../probe/sip-probers.js';

export async function run(_args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const config = loadServiceConfig(String(opts['config']));
  if (opts['check']) {
    for (const m of Object.values(config.modules)) moduleSettings(m);
    // Models are loaded and resolved too, so a bad model or an unset secret shows now.
    const targets = await expandModelTargets(config);
    const summary = {
      ok: true,
      config: config.source,
      listen: `${config.listen.host}:${config.listen.port}`,
      modules: Object.keys(config.modules),
      targets: targets.length,
      keys: config.auth.keys.length,
    };
    process.stdout.write(`configuration OK: ${summary.targets} targets, ${summary.modules.length} modules, ${summary.keys} API keys, listening on ${summary.listen}\n`);
    return 0;
  }
  const probers = createSipProbers();
  let svc;
  try {
    svc = await startService(config, { probers: probers.table, modelApi: createModelApi() });
  } catch (err) {
    await probers.close();
    throw err;
  }
  const running = svc;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      running.ctx.logger.info({ signal }, 'shutting down');
      // A hard bound: whatever still hangs after the grace period plus one second is cut off.
      const hard = setTimeout(() => {
        running.ctx.logger.error({ boundMs: config.shutdownTimeoutMs }, 'shutdown exceeded its bound; exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs + 1000);
      hard.unref();
      void running
        .close()
        .then(() => probers.close())
        .then(() => {
          clearTimeout(hard);
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          resolve(0);
        });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
