import { describe, expect, it } from 'vitest';
import { EndpointAvailability } from '../../src/resolve/endpoint-availability.js';
import { withFailover, type AttemptFn, type AttemptResult } from '../../src/resolve/failover.js';
import type { PlanEntry } from '../../src/resolve/plan.js';

// The engine's bookkeeping, with scripted attempt functions. These are fakes, named as such:
// they produce faults no real peer can (an attempt function that throws, or that ignores its
// timeout and never returns). The protocol paths run against sipp in failover.test.ts.
const entry = (n: number): PlanEntry => ({ host: `h${n}.test`, address: `127.0.20.${n}`, family: 4, port: 5060, transport: 'udp', source: 'srv' });
const plan = [entry(101), entry(102), entry(103)];

function scripted(results: Array<AttemptResult | 'throw' | 'hang'>): AttemptFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (e: PlanEntry) => {
    const r = results[calls.length];
    calls.push(e.address);
    if (r === 'throw') throw new Error('attempt function bug');
    if (r === 'hang') return new Promise<AttemptResult>(() => undefined);
    return r ?? { kind: 'timeout' };
  }) as unknown as AttemptFn & { calls: string[] };
  fn.calls = calls;
  return fn;
}

describe('failover engine (scripted attempts: fake)', () => {
  it('records a throwing attempt function as a transport error and moves on', async () => {
    const r = await withFailover(plan, scripted(['throw', { kind: 'response', status: 200 }]), { availability: new EndpointAvailability() });
    expect(r.attempts.map((a) => a.outcome)).toEqual(['transport-error', 'answered']);
    expect(r.attempts[0]?.error).toBe('attempt function bug');
  });

  it('stops waiting for an attempt that ignores its timeout, and aborts its signal', async () => {
    let aborted = false;
    const hang: AttemptFn = (_e, ctx) => new Promise(() => ctx.signal.addEventListener('abort', () => (aborted = true)));
    const r = await withFailover([entry(101)], hang, { attemptTimeoutMs: 50, availability: new EndpointAvailability() });
    expect(r.attempts[0]).toMatchObject({ outcome: 'timeout', error: 'no final response within 50 ms' });
    expect(aborted).toBe(true);
  });

  it('moves on after a 503 without Retry-After but does not mark the endpoint', async () => {
    const availability = new EndpointAvailability();
    const r = await withFailover(plan, scripted([{ kind: 'response', status: 503 }, { kind: 'response', status: 404, reason: 'Not Found' }]), { availability });
    expect(r.answered).toMatchObject({ address: '127.0.20.102', status: 404, reason: 'Not Found' });
    expect(availability.unavailableUntil(entry(101))).toBeUndefined();
  });

  it('a 500 is an answer for RFC 3263 failover: the walk ends there', async () => {
    const r = await withFailover(plan, scripted([{ kind: 'response', status: 500 }]), { availability: new EndpointAvailability() });
    expect(r.attempts).toHaveLength(1);
    expect(r.answered?.status).toBe(500);
  });

  it('gives later attempts only what remains of the overall deadline', async () => {
    // A clock that moves 80 ms per attempt, so the budget arithmetic is exact.
    let now = 0;
    const seen: number[] = [];
    const slow: AttemptFn = async (_e, ctx) => {
      seen.push(ctx.timeoutMs);
      now += 80;
      return { kind: 'timeout' };
    };
    const r = await withFailover(plan, slow, { attemptTimeoutMs: 80, deadlineMs: 120, now: () => now, availability: new EndpointAvailability() });
    expect(seen).toEqual([80, 40]);
    expect(r.attempts.map((a) => a.outcome)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(r.attempts[2]?.error).toMatch(/deadline/);
    expect(r.elapsedMs).toBe(160);
  });

  it('returns no answer for an empty plan', async () => {
    const r = await withFailover([], scripted([]));
    expect(r).toMatchObject({ answered: undefined, attempts: [] });
  });
});

describe('EndpointAvailability', () => {
  it('keeps an endpoint out until its Retry-After has passed, keyed by transport, address and port', () => {
    let now = 1_000;
    const a = new EndpointAvailability(() => now);
    a.markUnavailable(entry(101), 30);
    expect(a.unavailableUntil(entry(101))).toBe(31_000);
    expect(a.unavailableUntil({ ...entry(101), transport: 'tcp' })).toBeUndefined();
    expect(a.unavailableUntil({ ...entry(101), port: 5070 })).toBeUndefined();
    now = 31_000;
    expect(a.unavailableUntil(entry(101))).toBeUndefined();
  });

  it('never shortens an earlier, longer Retry-After', () => {
    const a = new EndpointAvailability(() => 0);
    a.markUnavailable(entry(101), 60);
    a.markUnavailable(entry(101), 5);
    expect(a.unavailableUntil(entry(101))).toBe(60_000);
  });
});
