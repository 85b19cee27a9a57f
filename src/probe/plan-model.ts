/**
 * What a model probe covers: every endpoint of the resolution plan of the carrier domain for
 * each enabled transport (the two nearest, load-balanced endpoints as primaries and the rest as
 * backups when the carrier's regional plan applies; the lowest SRV priority as primaries when
 * SRV exists), and every entry of the forward-to-SIP list (its first resolved address).
 * Resolution comes from src/resolve (RFC 3263 and the carrier's regional fallback).
 */
import type { Transport, TrunkModel } from '../model/types.js';
import { resolveTarget, dnsClientFor } from '../resolve/resolve-target.js';
import { parseSipTarget, targetFromForwardEntry, type SipTarget } from '../resolve/sip-target.js';
import type { PlanEntry } from '../resolve/plan.js';
import type { ProbeTarget } from './types.js';

export interface PlannedProbe {
  target: ProbeTarget;
  dnsLookupSeconds: number;
}

export interface UnresolvedTarget {
  name: string;
  host: string;
  port: number;
  transport: Transport;
  role: ProbeTarget['role'];
  error: string;
  dnsLookupSeconds: number;
}

export interface ModelProbePlan {
  probes: PlannedProbe[];
  /** Targets DNS gave no address for: reported as failed probes (outcome dns-error). */
  unresolved: UnresolvedTarget[];
}

function role(e: PlanEntry, plan: readonly PlanEntry[]): 'primary' | 'backup' {
  if (e.tier !== undefined) return e.tier === 1 ? 'primary' : 'backup';
  if (e.source === 'regional') return 'backup';
  if (e.priority !== undefined) {
    const best = Math.min(...plan.filter((p) => p.priority !== undefined).map((p) => p.priority as number));
    return e.priority === best ? 'primary' : 'backup';
  }
  return e === plan[0] ? 'primary' : 'backup';
}

export async function planModelProbes(
  model: TrunkModel,
  opts: { transports?: readonly Transport[]; dnsServer?: string | undefined },
): Promise<ModelProbePlan> {
  const dns = dnsClientFor(opts.dnsServer ?? model.dnsServer);
  const transports = opts.transports ?? model.transports;
  const probes: PlannedProbe[] = [];
  const unresolved: UnresolvedTarget[] = [];
  const seen = new Set<string>();
  for (const transport of transports) {
    const target: SipTarget = { ...parseSipTarget(model.carrier.domain), transport };
    const t0 = performance.now();
    const res = await resolveTarget(target, { dns, carrier: model.carrier, region: model.region, transports: [transport] });
    const seconds = (performance.now() - t0) / 1000;
    const plan = res.plan.filter((e) => e.transport === transport);
    if (plan.length === 0) {
      unresolved.push({ name: model.carrier.domain, host: model.carrier.domain, port: model.carrier.ports[transport], transport, role: 'primary', error: `no address for ${model.carrier.domain} over ${transport}`, dnsLookupSeconds: seconds });
    }
    for (const e of plan) {
      const key = `${e.transport}:${e.address}:${e.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      probes.push({
        target: { name: e.host, host: e.host, port: e.port, transport: e.transport, address: e.address, role: role(e, plan) },
        dnsLookupSeconds: seconds,
      });
    }
  }
  for (const f of model.forward) {
    const t0 = performance.now();
    const res = await resolveTarget(targetFromForwardEntry(f), { dns, transports: [f.transport] });
    const seconds = (performance.now() - t0) / 1000;
    const first = res.plan[0];
    if (!first) {
      unresolved.push({ name: f.uri, host: f.host, port: f.port, transport: f.transport, role: 'forward', error: `no address for ${f.host}`, dnsLookupSeconds: seconds });
      continue;
    }
    probes.push({
      target: { name: f.uri, host: first.host, port: first.port, transport: first.transport, address: first.address, uri: f.uri, role: 'forward' },
      dnsLookupSeconds: seconds,
    });
  }
  return { probes, unresolved };
}
