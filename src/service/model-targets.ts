/**
 * Expands the `models:` of the service configuration into targets: each model is loaded and
 * resolved as `siptrunk probe FILE` does (src/probe/plan-model.ts), and every endpoint of the
 * plan (primaries, backups, forward-to-SIP entries, per transport) becomes a target named
 * `<model>/<role>/<host>:<port>/<transport>`, probed at the address resolved at start.
 *
 * Falls short: the plan is resolved once, at start; a DNS change needs a restart (or a
 * SIGTERM and a new start) to be seen.
 */
import { dirname } from 'node:path';
import { planModelProbes } from '../probe/plan-model.js';
import { endpointOf } from '../probe/result.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import type { ModelWatch, ServiceConfig, ServiceTarget } from './config.js';

async function expandOne(w: ModelWatch, config: ServiceConfig): Promise<ServiceTarget[]> {
  const { loadModel } = await import('../model/load-model.js');
  const loaded = await loadModel(w.file).catch((err: unknown) => {
    throw new SiptrunkError('SERVICE_CONFIG_INVALID', `cannot read the model: ${(err as Error).message}`, { location: { file: w.file }, expected: 'a readable trunk model' });
  });
  if (!loaded.ok || !loaded.model) {
    const first = loaded.findings.find((f) => f.severity === 'error');
    throw new SiptrunkError('SERVICE_CONFIG_INVALID', `the model is invalid: ${first ? `${first.code} at ${first.path}: ${first.message}` : 'errors'}`, {
      location: { file: w.file, ...(first?.line ? { line: first.line } : {}), ...(first?.column ? { column: first.column } : {}) },
      expected: 'a model that passes siptrunk validate',
    });
  }
  const model = loaded.model;
  const module = config.modules[w.module];
  let credentials: ServiceTarget['credentials'];
  if (!module?.key) {
    const { resolveSecret } = await import('../model/resolve-secret.js');
    credentials = { username: model.account.apiKey, password: await resolveSecret(model.account.secretRef, dirname(w.file)) };
  }
  const transports = w.transports?.filter((t) => model.transports.includes(t)) ?? model.transports;
  const plan = await planModelProbes(model, { transports });
  const out: ServiceTarget[] = plan.probes.map(({ target }) => ({
    name: `${model.name}/${target.role}/${endpointOf(target)}/${target.transport}`,
    target: target.uri ?? `sip:${endpointOf(target)};transport=${target.transport}`,
    module: w.module,
    thresholds: w.thresholds,
    resolved: target,
    ...(credentials && target.role !== 'forward' ? { credentials } : {}),
  }));
  if (plan.unresolved.length > 0 && out.length === 0) {
    throw new SiptrunkError('SERVICE_CONFIG_INVALID', `no endpoint of the model resolved: ${plan.unresolved.map((u) => u.error).join('; ')}`, {
      location: { file: w.file },
      expected: 'carrier and forward-to-SIP hosts that resolve from this machine',
    });
  }
  return out;
}

/** The configured targets plus every endpoint of the configured models. */
export async function expandModelTargets(config: ServiceConfig): Promise<ServiceTarget[]> {
  const targets = [...config.targets];
  const names = new Set(targets.map((t) => t.name));
  for (const w of config.models) {
    for (const t of await expandOne(w, config)) {
      if (names.has(t.name)) continue;
      names.add(t.name);
      targets.push(t);
    }
  }
  return targets;
}
