/**
 * The scheduler against real sipp peers: a target that flaps (its peer stopped, then started
 * again on the same port) is marked down and up only after the thresholds; a target that never
 * answers does not delay the others.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSipProbers, type SipProbers } from '../../src/probe/sip-probers.js';
import { probeTargetText } from '../../src/probe/run-probe.js';
import { normaliseServiceConfig } from '../../src/service/config.js';
import { moduleSettings } from '../../src/service/service.js';
import { Scheduler } from '../../src/service/scheduler.js';
import type { TargetHealth } from '../../src/service/target-state.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';
import { freePort, waitFor } from '../helpers/ports.js';

const PEER = '127.0.30.7';
const OK_SCENARIO = new URL('../probe/peers/options-200.xml', import.meta.url).pathname;
const SILENT = new URL('../peers/sipp/silent.xml', import.meta.url).pathname;
const quiet = { debug() {}, info() {}, warn() {} };

let probers: SipProbers | undefined;
let scheduler: Scheduler | undefined;
const peers: SippProcess[] = [];

afterEach(async () => {
  await scheduler?.stop(1000);
  scheduler = undefined;
  await probers?.close();
  probers = undefined;
  await Promise.all(peers.splice(0).map((p) => p.stop()));
});
afterAll(async () => {
  await Promise.all(peers.map((p) => p.stop()));
});

function build(targets: { name: string; target: string; module?: string }[], modules: Record<string, object>, thresholds = { down: 3, up: 2 }) {
  const config = normaliseServiceConfig({ modules, thresholds, targets });
  probers = createSipProbers({ localAddress: PEER });
  const p = probers;
  const settings = Object.fromEntries(Object.entries(config.modules).map(([n, m]) => [n, moduleSettings(m)]));
  const log: { name: string; success: boolean; state: TargetHealth }[] = [];
  scheduler = new Scheduler({
    targets: config.targets,
    modules: config.modules,
    concurrency: 16,
    history: 100,
    run: (t, m, signal) => probeTargetText(t.target, settings[m.name]!, m.transport, p.table, signal, quiet, t.name),
    onResult: (r, state) => log.push({ name: state.name, success: r.success, state: state.state }),
  });
  return { scheduler, log };
}

/** The states the thresholds must give for a sequence of results, from unknown. */
function expectedStates(successes: boolean[], t: { down: number; up: number }): TargetHealth[] {
  let state: TargetHealth = 'unknown';
  let ok = 0;
  let bad = 0;
  return successes.map((s) => {
    if (s) { ok++; bad = 0; } else { bad++; ok = 0; }
    if (state !== 'up' && ok >= t.up) state = 'up';
    if (state !== 'down' && bad >= t.down) state = 'down';
    return state;
  });
}

describe('scheduler', () => {
  it('marks a flapping target down after 3 failures and up after 2 successes, not before', async () => {
    const port = await freePort(PEER);
    peers.push(await startSippUas({ scenario: OK_SCENARIO, host: PEER, port }));
    const { scheduler: s, log } = build([{ name: 'flappy', target: `sip:${PEER}:${port}`, module: 'm' }], { m: { timeout: '300ms', interval: '150ms', jitter: '20ms' } }, { down: 3, up: 2 });
    const states = () => log.map((l) => l.state);
    s.start();
    await waitFor(() => states().includes('up'), 10_000, 'up');
    await peers.pop()!.stop();
    await waitFor(() => states().at(-1) === 'down', 10_000, 'down after the peer stopped');
    peers.push(await startSippUas({ scenario: OK_SCENARIO, host: PEER, port }));
    await waitFor(() => states().at(-1) === 'up', 10_000, 'up after the peer came back');
    await s.stop(1000);

    const successes = log.map((l) => l.success);
    expect(states()).toEqual(expectedStates(successes, { down: 3, up: 2 }));
    // The first success did not mark it up, nor did the first two failures mark it down.
    expect(states()[0]).toBe('unknown');
    const firstFailure = successes.indexOf(false);
    expect(states()[firstFailure]).toBe('up');
    expect(states()[firstFailure + 1]).toBe('up');
    expect(states()[firstFailure + 2]).toBe('down');
    const back = successes.indexOf(true, firstFailure);
    expect(states()[back]).toBe('down');
    expect(states()[back + 1]).toBe('up');
    const snap = s.state('flappy')!.snapshot();
    expect(snap.transitions.map((t) => `${t.from}->${t.to}`)).toEqual(['unknown->up', 'up->down', 'down->up']);
  });

  it('keeps probing a fast target on schedule while a silent one times out', async () => {
    const fast = await startSippUas({ scenario: OK_SCENARIO, host: PEER });
    const silent = await startSippUas({ scenario: SILENT, host: PEER });
    peers.push(fast, silent);
    const { scheduler: s, log } = build(
      [
        { name: 'fast', target: `sip:${PEER}:${fast.port}`, module: 'quick' },
        { name: 'silent', target: `sip:${PEER}:${silent.port}`, module: 'slow' },
      ],
      { quick: { timeout: '500ms', interval: '100ms', jitter: '0s' }, slow: { timeout: '1500ms', interval: '100ms', jitter: '0s' } },
    );
    const t0 = Date.now();
    s.start();
    await waitFor(() => log.filter((l) => l.name === 'silent').length >= 1, 10_000, 'the silent probe to time out');
    const elapsed = Date.now() - t0;
    const fastCount = log.filter((l) => l.name === 'fast' && l.success).length;
    // A scheduler that waited for the silent probe would have done at most one fast probe in
    // that time; ask for a quarter of the turns the interval allows (the machine is shared).
    expect(fastCount, `${fastCount} fast probes in ${elapsed} ms`).toBeGreaterThanOrEqual(Math.max(3, Math.floor(elapsed / 100 / 4)));
    expect(log.find((l) => l.name === 'silent')!.success).toBe(false);
    expect(s.skipped('silent'), 'turns skipped while the silent probe was pending').toBeGreaterThan(0);
  });

  it('stops within its grace period, aborting a probe still waiting', async () => {
    const silent = await startSippUas({ scenario: SILENT, host: PEER });
    peers.push(silent);
    const { scheduler: s } = build([{ name: 'silent', target: `sip:${PEER}:${silent.port}`, module: 'm' }], { m: { timeout: '20s', interval: '100ms', jitter: '0s' } });
    s.start();
    await new Promise((r) => setTimeout(r, 1300));
    const t0 = Date.now();
    const { aborted } = await s.stop(200);
    expect(aborted).toBe(1);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(s.running).toBe(false);
  });
});
