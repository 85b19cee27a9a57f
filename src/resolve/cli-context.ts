import { loadCarrierProfile } from '../carriers/load-carrier.js';
import { loadModel } from '../model/load-model.js';
import type { CarrierProfile, TrunkModel } from '../model/types.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { parseDnsServer, type DnsServerAddress } from './dns-server-address.js';
import { findRegion } from './regional-plan.js';

/** What the resolve and forward commands take from the options and the model. */
export interface ResolveCliContext {
  model: TrunkModel | undefined;
  carrier: CarrierProfile;
  region: string | undefined;
  dnsServer: DnsServerAddress | undefined;
}

/**
 * Reads `--model`, `--dns-server` and `--region`: the options win over the model; without a
 * model the carrier is the built-in nexmo profile and DNS the system resolver. A model with
 * errors is refused (its first error is quoted).
 */
export async function resolveCliContext(opts: Record<string, unknown>): Promise<ResolveCliContext> {
  let model: TrunkModel | undefined;
  const file = opts['model'];
  if (typeof file === 'string') {
    const result = await loadModel(file);
    if (!result.ok || !result.model) {
      const first = result.findings.find((f) => f.severity === 'error');
      throw new SiptrunkError(
        'RESOLVE_MODEL_INVALID',
        `the model ${file} has errors${first ? `; the first: ${first.code} ${first.message}` : ''}`,
        {
          location: { file, ...(first?.line ? { line: first.line } : {}), ...(first?.column ? { column: first.column } : {}), ...(first ? { path: first.path } : {}) },
          expected: `a valid model (check it with: siptrunk validate ${file})`,
        },
      );
    }
    model = result.model;
  }
  const carrier = model?.carrier ?? loadCarrierProfile('nexmo');
  const dnsText = typeof opts['dnsServer'] === 'string' ? opts['dnsServer'] : model?.dnsServer;
  const dnsServer = dnsText === undefined ? undefined : parseDnsServer(dnsText, opts['dnsServer'] ? '--dns-server' : '/dnsServer');
  const region = typeof opts['region'] === 'string' ? opts['region'] : model?.region;
  if (region !== undefined) findRegion(carrier, region);
  return { model, carrier, region, dnsServer };
}
