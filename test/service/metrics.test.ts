/**
 * Metrics: GET /probe (blackbox convention) against a real sipp peer and a port with nothing
 * behind it; GET /metrics after the scheduler probed both, checked by `promtool check metrics`.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';
import { freePort, waitFor } from '../helpers/ports.js';
import { basic, KEYS, startTestService, type TestService } from './helpers/service.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const HOST = '127.0.30.5';
const PEER = '127.0.30.6';
const SCENARIO = new URL('../probe/peers/options-200.xml', import.meta.url).pathname;
let svc: TestService;
let peer: SippProcess;
let deadPort: number;
const headers = () => ({ authorization: basic(KEYS.ok.key, KEYS.ok.secret) });

function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    if (Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`))) return Number(m[3]);
  }
  return undefined;
}

beforeAll(async () => {
  peer = await startSippUas({ scenario: SCENARIO, host: PEER });
  deadPort = await freePort(PEER);
  svc = await startTestService(HOST, {
    modules: { sip_options: { timeout: '500ms', interval: '300ms', jitter: '50ms' } },
    thresholds: { down: 1, up: 1 },
    targets: [
      { name: 'alive', target: `sip:${PEER}:${peer.port}` },
      { name: 'dead', target: `sip:${PEER}:${deadPort}` },
    ],
  });
});
afterAll(async () => {
  await svc?.stop();
  await peer?.stop();
});

describe('GET /probe', () => {
  it('reports sip_probe_success 1 with the status code for a peer that answers', async () => {
    const res = await fetch(`${svc.url}/probe?target=${encodeURIComponent(`sip:${PEER}:${peer.port}`)}&module=sip_options`, { headers: headers() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = await res.text();
    expect(sample(text, 'sip_probe_success')).toBe(1);
    expect(sample(text, 'sip_probe_status_code')).toBe(200);
    expect(sample(text, 'sip_probe_duration_seconds_count')).toBe(1);
    expect(text).toContain(`endpoint="${PEER}:${peer.port}"`);
    expect(text).not.toContain('process_cpu');
  });

  it('reports sip_probe_success 0, still with every family, when nothing answers', async () => {
    const text = await (await fetch(`${svc.url}/probe?target=${encodeURIComponent(`${PEER}:${deadPort}`)}`, { headers: headers() })).text();
    expect(sample(text, 'sip_probe_success')).toBe(0);
    expect(sample(text, 'sip_probe_status_code')).toBe(0);
    for (const f of ['sip_probe_duration_seconds_bucket', 'sip_probe_dns_lookup_seconds']) expect(text).toContain(f);
  });

  it('answers a probe of an invalid target as a failed probe, and an unknown module as 400', async () => {
    const text = await (await fetch(`${svc.url}/probe?target=${encodeURIComponent('http://x')}`, { headers: headers() })).text();
    expect(sample(text, 'sip_probe_success')).toBe(0);
    const bad = await fetch(`${svc.url}/probe?target=x&module=nope`, { headers: headers() });
    expect(bad.status).toBe(400);
    const missing = await fetch(`${svc.url}/probe`, { headers: headers() });
    expect(missing.status).toBe(400);
  });
});

describe('GET /metrics', () => {
  it('holds the scheduler results, the up/down state and process metrics, and passes promtool check metrics', async () => {
    let text = '';
    await waitFor(async () => {
      text = await (await fetch(`${svc.url}/metrics`, { headers: headers() })).text();
      return sample(text, 'sip_probe_up', { target: 'alive' }) === 1 && sample(text, 'sip_probe_up', { target: 'dead' }) === 0;
    }, 10_000, 'both targets probed');
    expect(sample(text, 'sip_probe_success', { target: 'alive' })).toBe(1);
    expect(sample(text, 'sip_probe_success', { target: 'dead' })).toBe(0);
    expect(text).toContain('process_cpu_user_seconds_total');
    const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 10_000 });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('shows the state and history per target in GET /v1/targets', async () => {
    const body = (await (await fetch(`${svc.url}/v1/targets`, { headers: headers() })).json()) as Json;
    const alive = body.targets.find((t: { name: string }) => t.name === 'alive');
    expect(alive.state).toBe('up');
    expect(alive.history.length).toBeGreaterThan(0);
    expect(alive.last.status).toBe(200);
    const dead = body.targets.find((t: { name: string }) => t.name === 'dead');
    expect(dead.state).toBe('down');
    expect(dead.last.success).toBe(false);
  });
});
