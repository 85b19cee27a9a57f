import type { CarrierProfile, Transport } from '../model/types.js';
import { DnsClient } from './dns-client.js';
import { parseDnsServer, type DnsServerAddress } from './dns-server-address.js';
import type { PlanEntry } from './plan.js';
import { buildRegionalPlan, defaultRotation, type RegionalPlan, type TierRotation } from './regional-plan.js';
import { addressEntries, resolveRfc3263, type Rfc3263Result } from './rfc3263.js';
import type { RandomSource } from './seeded-random.js';
import { parseSipTarget, type SipTarget } from './sip-target.js';

export interface ResolveTargetOptions {
  /** `127.0.0.1:5353`; absent: the system resolver. Ignored when `dns` is given. */
  dnsServer?: string | DnsServerAddress | undefined;
  /** A client to reuse (its cache lives across calls). */
  dns?: DnsClient;
  /** Region id for the carrier's regional fallback (the model's `region`). */
  region?: string | undefined;
  /** The carrier profile: its domain triggers the regional fallback when SRV is not available. */
  carrier?: CarrierProfile | undefined;
  /** Supported transports in preference order (the model's `transports`). */
  transports?: readonly Transport[] | undefined;
  random?: RandomSource;
  rotation?: TierRotation;
  /**
   * With `--measure`: the OPTIONS round-trip time to one endpoint address, ms, or undefined when
   * it did not answer. Regional endpoints are then ordered by it instead of by distance.
   */
  measure?: ((entry: PlanEntry) => Promise<number | undefined>) | undefined;
}

export interface Resolution extends Rfc3263Result {
  /** The carrier's regional plan, when the target is the carrier's domain and SRV was not available. */
  regional: RegionalPlan | undefined;
}

/**
 * Resolves a target into the ordered list of addresses to try: RFC 3263 first; then, when the
 * target is the carrier's own domain and SRV gave nothing, the carrier's regional fallback
 * ("If your system is not enabled for Service records (SRV record), load balance between the two
 * closest endpoints and set the remaining ones as backup"), followed by the domain's own
 * addresses as a last resort. The plan may be empty: callers decide what nothing means.
 */
export async function resolveTarget(target: string | SipTarget, opts: ResolveTargetOptions = {}): Promise<Resolution> {
  const t = typeof target === 'string' ? parseSipTarget(target) : target;
  const dns = opts.dns ?? dnsClientFor(opts.dnsServer);
  const base = await resolveRfc3263(t, {
    dns,
    ...(opts.transports ? { transports: opts.transports } : {}),
    ...(opts.random ? { random: opts.random } : {}),
  });
  const carrier = opts.carrier;
  const isCarrierDomain = carrier !== undefined && t.hostKind === 'domain' && t.host === carrier.domain.toLowerCase();
  if (!carrier || !isCarrierDomain || t.port !== undefined || base.srvFound) {
    const notes = opts.measure ? [...base.notes, `--measure orders only the carrier's regional endpoints; ${t.host} was resolved without them`] : base.notes;
    return { ...base, notes, regional: undefined };
  }

  const transport: Transport = t.transport ?? (t.scheme === 'sips' ? 'tls' : (opts.transports?.[0] ?? 'udp'));
  const port = carrier.ports[transport];
  const notes = [...base.notes];
  let regionId = opts.region;
  if (!regionId) {
    regionId = carrier.regions[0]?.id ?? 'us';
    notes.push(`no region given: ordering the endpoints from ${regionId}`);
  }
  const tree = base.tree;
  const byHost = new Map<string, PlanEntry[]>();
  // Ask for every endpoint's addresses at once (the answers land in the cache), so twelve
  // lookups cost one round trip rather than twelve; the tree is then built in order.
  if (dns.cache) {
    await Promise.allSettled(carrier.endpoints.flatMap((ep) => [dns.query(ep.host, 'A'), dns.query(ep.host, 'AAAA')]));
  }
  for (const ep of carrier.endpoints) {
    byHost.set(ep.host, await addressEntries(dns, tree, [4, 6], ep.host.toLowerCase(), port, transport, 'regional', undefined));
  }
  let measured: Map<string, number | undefined> | undefined;
  if (opts.measure) {
    measured = new Map();
    const measure = opts.measure;
    await Promise.all(
      [...byHost].map(async ([host, entries]) => {
        const first = entries[0];
        measured?.set(host, first ? await measure(first).catch(() => undefined) : undefined);
      }),
    );
  }
  const regional = buildRegionalPlan(carrier, regionId, {
    rotation: opts.rotation ?? defaultRotation,
    ...(measured ? { measured } : {}),
  });
  const plan: PlanEntry[] = [];
  const seen = new Set<string>();
  const add = (e: PlanEntry): void => {
    const k = `${e.transport}:${e.address}:${e.port}`;
    if (seen.has(k)) return;
    seen.add(k);
    plan.push(e);
  };
  for (const tier of regional.tiers) {
    for (const ep of tier.endpoints) for (const e of byHost.get(ep.host) ?? []) add({ ...e, tier: tier.tier });
  }
  for (const e of base.plan) add(e);
  notes.push(
    `no SRV for ${t.host}: the carrier's regional plan from ${regional.region}, ordered by ${regional.orderedBy === 'rtt' ? 'measured OPTIONS round-trip time' : 'great-circle distance'}; tier 1 (${regional.tiers[0]?.endpoints.map((e) => e.host).join(', ')}) is load-balanced, the rest are backups`,
  );
  return { ...base, source: plan.length > 0 && plan[0]?.source === 'regional' ? 'regional' : base.source, plan, notes, regional };
}

/** A DNS client for `--dns-server` (or the system resolver when absent). */
export function dnsClientFor(server: string | DnsServerAddress | undefined, options: { timeoutMs?: number } = {}): DnsClient {
  const servers = server === undefined ? undefined : [typeof server === 'string' ? parseDnsServer(server) : server];
  return new DnsClient({ servers, ...options });
}
