/**
 * Interop with a real Prometheus server (Debian package `prometheus`): it scrapes the service's
 * /probe for two targets with blackbox-style relabelling (target -> ?target=, instance label,
 * address rewritten to the service) and Basic authentication; the test reads sip_probe_success
 * back from Prometheus's query API. One target is a sipp peer, the other a port with nothing
 * behind it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from '../helpers/ports.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';
import { KEYS, startTestService, type TestService } from './helpers/service.js';

const SVC_HOST = '127.0.30.30';
const PEER = '127.0.30.31';
const PROM_HOST = '127.0.30.32';
const SCENARIO = new URL('../probe/peers/options-200.xml', import.meta.url).pathname;

let svc: TestService;
let peer: SippProcess;
let prom: ChildProcess | undefined;
let promLog = '';
let promUrl: string;
let dir: string;
let alive: string;
let dead: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'siptrunk-prom-'));
  peer = await startSippUas({ scenario: SCENARIO, host: PEER });
  alive = `sip:${PEER}:${peer.port}`;
  dead = `sip:${PEER}:${await freePort(PEER)}`;
  svc = await startTestService(SVC_HOST, { modules: { sip_options: { timeout: '500ms' } } });
  const svcAddr = new URL(svc.url).host;
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 900ms',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    '  - job_name: sip',
    '    metrics_path: /probe',
    '    params: { module: [sip_options] }',
    `    basic_auth: { username: ${KEYS.ok.key}, password: ${KEYS.ok.secret} }`,
    '    static_configs:',
    `      - targets: ['${alive}', '${dead}']`,
    '    relabel_configs:',
    '      - { source_labels: [__address__], target_label: __param_target }',
    '      - { source_labels: [__param_target], target_label: instance }',
    `      - { target_label: __address__, replacement: '${svcAddr}' }`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), config);
  const port = await freePort(PROM_HOST);
  promUrl = `http://${PROM_HOST}:${port}`;
  prom = spawn('prometheus', [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=${PROM_HOST}:${port}`,
    '--log.level=warn',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  prom.stderr?.setEncoding('utf8').on('data', (d: string) => (promLog = (promLog + d).slice(-5000)));
  await waitFor(async () => {
    if (prom?.exitCode !== null) throw new Error(`prometheus exited: ${promLog}`);
    return fetch(`${promUrl}/-/ready`).then((r) => r.ok, () => false);
  }, 30_000, 'prometheus to be ready');
}, 60_000);

afterAll(async () => {
  if (prom && prom.exitCode === null) {
    const exited = new Promise((r) => prom!.once('exit', r));
    prom.kill('SIGTERM');
    const t = setTimeout(() => prom?.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  }
  await svc?.stop();
  await peer?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Prometheus scraping /probe', () => {
  it('stores sip_probe_success 1 for the answering target and 0 for the silent one', async () => {
    let values = new Map<string, string>();
    await waitFor(async () => {
      const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent('sip_probe_success{job="sip"}')}`);
      const body = (await res.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      values = new Map(body.data.result.map((r) => [r.metric['instance'] as string, r.value[1]]));
      return values.get(alive) === '1' && values.get(dead) === '0';
    }, 30_000, `Prometheus to hold both targets (got ${JSON.stringify([...values])})`, 500);
    expect(values.get(alive)).toBe('1');
    expect(values.get(dead)).toBe('0');
    const up = (await (await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent('up{job="sip"}')}`)).json()) as { data: { result: { value: [number, string] }[] } };
    // Both scrapes succeeded (the probe failing is a metric, not a failed scrape).
    expect(up.data.result.map((r) => r.value[1])).toEqual(['1', '1']);
  }, 60_000);
});
