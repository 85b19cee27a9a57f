import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../../src/resolve/great-circle.js';
import { TierRotation, buildRegionalPlan } from '../../src/resolve/regional-plan.js';
import { nexmoProfile } from './helpers/nexmo-profile.js';

const carrier = nexmoProfile();

describe('great-circle distance', () => {
  it('gives London to Washington as about 5,900 km and a point to itself as 0', () => {
    expect(greatCircleKm(51.5074, -0.1278, 38.9072, -77.0369)).toBeGreaterThan(5850);
    expect(greatCircleKm(51.5074, -0.1278, 38.9072, -77.0369)).toBeLessThan(5950);
    expect(greatCircleKm(1.35, 103.8, 1.35, 103.8)).toBe(0);
  });
});

describe('the carrier regional plan', () => {
  // The two nearest endpoints of each region, from the six of the carrier document.
  const nearest: Record<string, string> = {
    'us-east': 'us', 'us-west': 'us', us: 'us', ca: 'us', br: 'us',
    'eu-west': 'eu', uk: 'eu', 'eu-central': 'eu', in: 'ap',
    // Johannesburg is about 8,700 km from Singapore and 9,000 km from London.
    za: 'ap',
    'ap-southeast': 'ap', sg: 'ap', jp: 'ap', au: 'ap',
  };
  it.each(carrier.regions.map((r) => r.id))('puts the two nearest endpoints first for region %s', (region) => {
    const plan = buildRegionalPlan(carrier, region, { turn: 0 });
    expect(plan.tiers[0]?.tier).toBe(1);
    expect(plan.tiers[0]?.endpoints.map((e) => e.region)).toEqual([nearest[region], nearest[region]]);
    // The rest follow by distance, never closer than tier 1.
    const d = plan.order.map((e) => e.distanceKm);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(plan.order).toHaveLength(6);
  });

  it('groups the backups by location: us-east gets London before Singapore', () => {
    const plan = buildRegionalPlan(carrier, 'us-east', { turn: 0 });
    expect(plan.tiers.map((t) => t.endpoints.map((e) => e.host))).toEqual([
      ['sip-us1.nexmo.com', 'sip-us2.nexmo.com'],
      ['sip-eu1.nexmo.com', 'sip-eu2.nexmo.com'],
      ['sip-ap1.nexmo.com', 'sip-ap2.nexmo.com'],
    ]);
  });

  it('alternates tier 1 from one request to the next (round-robin)', () => {
    const rotation = new TierRotation();
    const firsts = Array.from({ length: 4 }, () => buildRegionalPlan(carrier, 'eu-west', { rotation }).order[0]?.host);
    expect(firsts).toEqual(['sip-eu1.nexmo.com', 'sip-eu2.nexmo.com', 'sip-eu1.nexmo.com', 'sip-eu2.nexmo.com']);
  });

  it('orders by measured round-trip time with --measure, silent endpoints last', () => {
    const measured = new Map<string, number | undefined>([
      ['sip-ap1.nexmo.com', 5], ['sip-eu2.nexmo.com', 7], ['sip-us1.nexmo.com', 20],
      ['sip-us2.nexmo.com', undefined], ['sip-eu1.nexmo.com', 9], ['sip-ap2.nexmo.com', undefined],
    ]);
    const plan = buildRegionalPlan(carrier, 'us-east', { turn: 0, measured });
    expect(plan.orderedBy).toBe('rtt');
    expect(plan.order.map((e) => e.host)).toEqual([
      'sip-ap1.nexmo.com', 'sip-eu2.nexmo.com', 'sip-eu1.nexmo.com', 'sip-us1.nexmo.com', 'sip-us2.nexmo.com', 'sip-ap2.nexmo.com',
    ]);
  });

  it('rejects an unknown region with the list of valid ones', () => {
    expect(() => buildRegionalPlan(carrier, 'mars')).toThrow(expect.objectContaining({ code: 'RESOLVE_REGION_UNKNOWN', expected: expect.stringContaining('us-east') }));
  });
});
