// HTTP API throughput with autocannon (programmatic API): POST /v1/render and POST
// /v1/validate with the example model (Basic auth), beside a bare fastify route returning a
// constant in the same run, in the same process, on loopback. 10 connections, BENCH_SECONDS
// (default 10) each. Imports the built code (npm run build, or npx tsc -p tsconfig.build.json).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import os from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { normaliseServiceConfig } from '../dist/src/service/config.js';
import { createModelApi } from '../dist/src/service/model-api-impl.js';
import { startService } from '../dist/src/service/service.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const HOST = '127.0.30.60';
const dir = mkdtempSync(join(tmpdir(), 'siptrunk-bench-api-'));
const secret = 'bench-secret-0123456789abcdef0123456789abcdef';
const model = readFileSync(new URL('../fixtures/models/nexmo-example.yaml', import.meta.url), 'utf8');

const config = normaliseServiceConfig({
  listen: { host: HOST, port: 0 },
  logging: { level: 'warn' },
  auth: {
    keys: [{ key: 'bench', secretSha256: createHash('sha256').update(secret).digest('hex') }],
    jwt: { privateKeyFile: join(dir, 'jwt.pem') },
  },
  targets: [],
});
const sink = new Writable({ write(_c, _e, cb) { cb(); } });
const svc = await startService(config, { probers: { options: null, invite: null }, modelApi: createModelApi(), logDestination: sink });
const bare = Fastify();
bare.get('/', async () => ({ ok: true }));
await bare.listen({ host: HOST, port: 0 });
const bareUrl = `http://${HOST}:${bare.server.address().port}`;

const authorization = 'Basic ' + Buffer.from(`bench:${secret}`).toString('base64');
const body = JSON.stringify({ yaml: model });
function run(name, url, opts = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 10, duration: SECONDS, ...opts }, (err, r) => {
      if (err) return reject(err);
      const bad = r.non2xx + r.errors + r.timeouts;
      if (bad > 0) return reject(new Error(`${name}: ${bad} failed requests`));
      resolve({ name, reqPerSec: r.requests.average, latencyP50: r.latency.p50, latencyP99: r.latency.p99, total: r.requests.total });
    });
  });
}
const post = { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body };
// Warm-up: compile schemas, templates, libphonenumber.
await run('warm', `${svc.url}/v1/render`, { ...post, duration: 2 });
const results = [];
results.push(await run('bare fastify GET / (constant)', bareUrl));
results.push(await run('POST /v1/validate', `${svc.url}/v1/validate`, post));
results.push(await run('POST /v1/render', `${svc.url}/v1/render`, post));
results.push(await run('GET /healthz (no auth)', `${svc.url}/healthz`));
await svc.close();
await bare.close();
rmSync(dir, { recursive: true, force: true });

const base = results[0].reqPerSec;
const out = {
  date: new Date().toISOString(),
  machine: `${os.cpus()[0]?.model ?? 'unknown'} x${os.cpus().length}, load ${os.loadavg().map((l) => l.toFixed(1)).join('/')}`,
  node: process.version,
  seconds: SECONDS,
  connections: 10,
  results: results.map((r) => ({ ...r, ratioToBare: r.reqPerSec / base })),
};
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/service-api.json', JSON.stringify(out, null, 2));
console.log(`## HTTP API throughput (autocannon, 10 connections, ${SECONDS} s each)\n`);
console.log(`${out.date.slice(0, 10)}, ${out.machine}, Node ${out.node}. Body: fixtures/models/nexmo-example.yaml as { yaml }, Basic auth.\n`);
console.log('| route | req/s | p50 ms | p99 ms | vs bare fastify |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of out.results) console.log(`| ${r.name} | ${r.reqPerSec.toFixed(0)} | ${r.latencyP50} | ${r.latencyP99} | ${(r.ratioToBare * 100).toFixed(1)} % |`);
console.log('');
