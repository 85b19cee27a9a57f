// The probe service under load: 1,000 targets probed every 10 s for 60 s (BENCH_SECONDS to
// change) from one process, against sipp UAS peers on loopback answering OPTIONS 200.
// 1,000 targets are 1,000 distinct target entries (names t0000..t0999) spread over 4 sipp
// processes on 127.0.30.50-53 (250 entries each): the scheduler, the prober, the metrics and
// the SIP client treat each entry as its own target; only the far end is shared.
// Measured: CPU share of the service process (user+system CPU time / wall time, % of one core),
// peak RSS, probe duration p50/p99 under load vs single probes of the same peers on an idle
// service (the peer figure measured in the same run). Targets: RSS < 150 MB, p99 within 2x idle.
// Imports the built code (npm run build, or npx tsc -p tsconfig.build.json).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import os from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createSipProbers } from '../dist/src/probe/sip-probers.js';
import { probeTargetText } from '../dist/src/probe/run-probe.js';
import { normaliseServiceConfig } from '../dist/src/service/config.js';
import { startService } from '../dist/src/service/service.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const TARGETS = Number(process.env.BENCH_TARGETS ?? 1000);
const INTERVAL_S = 10;
const HOSTS = ['127.0.30.50', '127.0.30.51', '127.0.30.52', '127.0.30.53'];
const SCENARIO = new URL('../test/probe/peers/options-200.xml', import.meta.url).pathname;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const dir = mkdtempSync(join(tmpdir(), 'siptrunk-bench-'));
const port = 20000 + Math.floor(Math.random() * 30000);
const peers = HOSTS.map((h) =>
  spawn('sipp', ['-sf', SCENARIO, '-i', h, '-p', String(port), '-mi', h, '-mp', String(port + 2), '-t', 'u1', '-nostdin'], { stdio: 'ignore' }),
);
const stopPeers = () => peers.forEach((p) => p.kill('SIGKILL'));
process.on('exit', stopPeers);
await sleep(1000);

// 1. Idle: single probes, one at a time, through the same prober code path; 200 before the
// loaded run and 200 after it, so a machine shared with other work weighs on both sides. They
// are spaced 10 ms apart, the average gap between probes of the loaded run (1,000 per 10 s),
// so both sides pay the same wake-up latency of a sleeping peer and event loop; back-to-back
// probes would measure a hot loop instead.
const quiet = { debug() {}, info() {}, warn() {} };
const module = { method: 'options', timeoutMs: 2000 };
const idle = [];
async function idleProbes(n) {
  const probers = createSipProbers({ localAddress: '127.0.30.54' });
  for (let i = 0; i < n; i++) {
    const r = await probeTargetText(`sip:${HOSTS[i % 4]}:${port}`, module, undefined, probers.table, AbortSignal.timeout(3000), quiet);
    if (!r.success) throw new Error(`idle probe failed: ${r.error}`);
    idle.push(r.durationSeconds * 1000);
    await sleep(10);
  }
  await probers.close();
}
await idleProbes(200);

// 2. Loaded: the service with 1,000 targets.
const config = normaliseServiceConfig({
  listen: { host: '127.0.30.55', port: 0 },
  logging: { level: 'warn' },
  concurrency: 256,
  auth: { jwt: { privateKeyFile: join(dir, 'jwt.pem') } },
  modules: { sip_options: { timeout: '2s', interval: `${INTERVAL_S}s`, jitter: '4s' } },
  targets: Array.from({ length: TARGETS }, (_, i) => ({ name: `t${String(i).padStart(4, '0')}`, target: `sip:${HOSTS[i % 4]}:${port}` })),
});
const svcProbers = createSipProbers({ localAddress: '127.0.30.55', udpBufferSize: 4 * 1024 * 1024 });
const sink = new Writable({ write(_c, _e, cb) { cb(); } });
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const loaded = [];
let failures = 0;
const svc = await startService(config, {
  probers: svcProbers.table,
  logDestination: sink,
  onResult: (r) => {
    loaded.push(r.durationSeconds * 1000);
    if (!r.success) failures++;
  },
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let rssPeak = 0;
const rssSamples = [];
while (performance.now() - t0 < SECONDS * 1000) {
  await sleep(1000);
  const rss = process.memoryUsage().rss;
  rssSamples.push(rss);
  rssPeak = Math.max(rssPeak, rss);
}
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
await svc.close();
await svcProbers.close();
await idleProbes(200);
stopPeers();
rmSync(dir, { recursive: true, force: true });

const cpuShare = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
const out = {
  date: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? 'unknown'} x${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(1)).join('/')}`,
  node: process.version,
  targets: TARGETS,
  intervalSeconds: INTERVAL_S,
  seconds: SECONDS,
  probes: loaded.length,
  failures,
  cpuSharePercentOfOneCore: cpuShare,
  rssPeakMB: rssPeak / 2 ** 20,
  rssBeforeMB: rssBefore / 2 ** 20,
  idle: { n: idle.length, p50: pct(idle, 50), p99: pct(idle, 99) },
  loaded: { n: loaded.length, p50: pct(loaded, 50), p99: pct(loaded, 99) },
};
out.p99Ratio = out.loaded.p99 / out.idle.p99;
out.p50Ratio = out.loaded.p50 / out.idle.p50;
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/service-probe.json', JSON.stringify({ ...out, rssSamplesMB: rssSamples.map((r) => +(r / 2 ** 20).toFixed(1)) }, null, 2));

const f = (x, d = 2) => x.toFixed(d);
console.log(`## Probe service: ${TARGETS} targets every ${INTERVAL_S} s for ${SECONDS} s\n`);
console.log(`${out.date.slice(0, 10)}, ${out.machine}, Node ${out.node}. Peers: 4 sipp UAS (OPTIONS 200) on loopback; ${TARGETS} distinct target entries, 250 per peer.\n`);
console.log('| measure | value | target |');
console.log('| --- | --- | --- |');
console.log(`| probes done (failures) | ${out.probes} (${failures}) | |`);
console.log(`| CPU share of the service process | ${f(cpuShare, 1)} % of one core | |`);
console.log(`| peak RSS | ${f(out.rssPeakMB, 1)} MB (before start ${f(out.rssBeforeMB, 1)} MB) | < 150 MB |`);
console.log(`| probe duration p50 idle / loaded | ${f(out.idle.p50)} ms / ${f(out.loaded.p50)} ms (x${f(out.p50Ratio)}) | |`);
console.log(`| probe duration p99 idle / loaded | ${f(out.idle.p99)} ms / ${f(out.loaded.p99)} ms (x${f(out.p99Ratio)}) | within 2x |`);
console.log('');
