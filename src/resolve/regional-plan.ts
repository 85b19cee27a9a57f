import type { CarrierEndpoint, CarrierProfile, CarrierRegion } from '../model/types.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { greatCircleKm } from './great-circle.js';

/** One carrier endpoint placed in the regional plan. */
export interface RegionalEndpoint {
  host: string;
  region: string;
  location: string;
  /** Great-circle distance from the model's region, km (rounded). */
  distanceKm: number;
  /** Measured OPTIONS round-trip time, with --measure; undefined when it did not answer. */
  rttMs?: number | undefined;
}

export interface RegionalTier {
  /** 1 = the two closest endpoints (load-balanced), 2.. = backups, closest first. */
  tier: number;
  endpoints: RegionalEndpoint[];
}

export interface RegionalPlan {
  carrier: string;
  region: string;
  /** How "closest" was decided. */
  orderedBy: 'distance' | 'rtt';
  tiers: RegionalTier[];
  /** Every endpoint in attempt order (tier 1 first, in this request's alternation). */
  order: RegionalEndpoint[];
}

/**
 * Round-robin state for tier 1: "load balance between the two closest endpoints" (carrier
 * document, "Service records"). Each request takes the next rotation, so consecutive calls
 * start with alternate endpoints of the pair. One instance per process is shared by default.
 */
export class TierRotation {
  readonly #counters = new Map<string, number>();
  next(key: string): number {
    const n = this.#counters.get(key) ?? 0;
    this.#counters.set(key, n + 1);
    return n;
  }
}

export const defaultRotation = new TierRotation();

export function findRegion(carrier: CarrierProfile, regionId: string): CarrierRegion {
  const region = carrier.regions.find((r) => r.id === regionId.toLowerCase());
  if (!region) {
    throw new SiptrunkError('RESOLVE_REGION_UNKNOWN', `region "${regionId}" is not a region of carrier ${carrier.id}`, {
      location: { path: '/region' },
      expected: `one of ${carrier.regions.map((r) => r.id).join(', ')}`,
    });
  }
  return region;
}

export interface RegionalPlanOptions {
  /** Which alternation of tier 1 this request uses; default the next of `rotation`. */
  turn?: number;
  rotation?: TierRotation;
  /**
   * Measured round-trip times by endpoint host (undefined: no answer). When given, endpoints are
   * ordered by RTT instead of distance; unanswered ones go last, by distance.
   */
  measured?: ReadonlyMap<string, number | undefined>;
}

/**
 * The carrier's fallback when SRV is not available: "load balance between the two closest
 * endpoints and set the remaining ones as backup". Tier 1 holds the two closest endpoints
 * (alternated per request: round-robin across calls); the rest follow as backups, one tier per
 * distance (or, measured, each endpoint its own tier), closest first.
 */
export function buildRegionalPlan(carrier: CarrierProfile, regionId: string, opts: RegionalPlanOptions = {}): RegionalPlan {
  const region = findRegion(carrier, regionId);
  const placed: RegionalEndpoint[] = carrier.endpoints.map((e: CarrierEndpoint) => ({
    host: e.host,
    region: e.region,
    location: e.location,
    distanceKm: Math.round(greatCircleKm(region.latitude, region.longitude, e.latitude, e.longitude)),
  }));
  const measured = opts.measured;
  if (measured) for (const p of placed) p.rttMs = measured.get(p.host);
  const byDistance = (a: RegionalEndpoint, b: RegionalEndpoint): number => a.distanceKm - b.distanceKm || a.host.localeCompare(b.host);
  const sorted = [...placed].sort(
    measured
      ? (a, b) => {
          if (a.rttMs !== undefined && b.rttMs !== undefined) return a.rttMs - b.rttMs || byDistance(a, b);
          if (a.rttMs !== undefined) return -1;
          if (b.rttMs !== undefined) return 1;
          return byDistance(a, b);
        }
      : byDistance,
  );
  const first = sorted.slice(0, 2);
  const turn = opts.turn ?? (opts.rotation ?? defaultRotation).next(`${carrier.id}/${region.id}/${measured ? 'rtt' : 'distance'}`);
  if (first.length === 2 && turn % 2 === 1) first.reverse();
  const tiers: RegionalTier[] = [{ tier: 1, endpoints: first }];
  for (const e of sorted.slice(2)) {
    const last = tiers[tiers.length - 1] as RegionalTier;
    const lastEp = last.endpoints[last.endpoints.length - 1];
    const sameGroup = last.tier > 1 && lastEp !== undefined && !measured && lastEp.distanceKm === e.distanceKm;
    if (sameGroup) last.endpoints.push(e);
    else tiers.push({ tier: tiers.length + 1, endpoints: [e] });
  }
  return {
    carrier: carrier.id,
    region: region.id,
    orderedBy: measured ? 'rtt' : 'distance',
    tiers,
    order: tiers.flatMap((t) => t.endpoints),
  };
}
