// Resolution benchmarks: RFC 2782 SRV ordering per second, DNS cache hit cost, and a DNS SRV
// query round trip of our client against node:dns (c-ares), both asking the same dnsmasq on
// loopback. Imports the built code (npm run build). Prints a Markdown section, writes
// out/bench/resolve.json.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import dns from 'node:dns';
import os from 'node:os';
import { orderSrv } from '../dist/src/resolve/srv-select.js';
import { seededRandom } from '../dist/src/resolve/seeded-random.js';
import { DnsCache } from '../dist/src/resolve/dns-cache.js';
import { DnsClient } from '../dist/src/resolve/dns-client.js';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const results = {};

// 1. SRV ordering: 5 records in two priorities, weighted within each.
const records = [
  { name: '_sip._udp.bench.test', ttl: 60, priority: 10, weight: 60, port: 5060, target: 'a' },
  { name: '_sip._udp.bench.test', ttl: 60, priority: 10, weight: 30, port: 5060, target: 'b' },
  { name: '_sip._udp.bench.test', ttl: 60, priority: 10, weight: 10, port: 5060, target: 'c' },
  { name: '_sip._udp.bench.test', ttl: 60, priority: 20, weight: 50, port: 5060, target: 'd' },
  { name: '_sip._udp.bench.test', ttl: 60, priority: 20, weight: 50, port: 5060, target: 'e' },
];
const rnd = seededRandom(1);
function rate(fn, n) {
  for (let i = 0; i < Math.min(n, 20000); i++) fn();
  const t0 = now();
  for (let i = 0; i < n; i++) fn();
  const ms = now() - t0;
  return { n, ms, perSec: n / (ms / 1000), nsPerOp: (ms * 1e6) / n };
}
const N = 500_000;
results.srvOrder = rate(() => orderSrv(records, rnd), N);
// Peer: priority-only ordering (a plain sort, what a resolver without weights does).
results.srvSortOnly = rate(() => [...records].sort((a, b) => a.priority - b.priority), N);

// 2. Cache hit cost vs a plain Map lookup.
const cache = new DnsCache();
cache.put({ name: '_sip._udp.bench.test', type: 'SRV', rcode: 'NOERROR', records, server: 'x', tcp: false, cached: false, negativeTtl: undefined });
results.cacheHit = rate(() => cache.get('_sip._udp.bench.test', 'SRV'), 1_000_000);
const map = new Map([['SRV _sip._udp.bench.test', records]]);
results.mapGet = rate(() => map.get('SRV _sip._udp.bench.test'), 1_000_000);

// 3. SRV query round trip against dnsmasq: our client (no cache) vs node:dns Resolver (c-ares).
const host = '127.0.20.250';
const port = 20000 + Math.floor(Math.random() * 40000);
const user = os.userInfo().username;
const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
const dm = spawn(existsSync('/usr/sbin/dnsmasq') ? '/usr/sbin/dnsmasq' : 'dnsmasq', ['--no-daemon', '--no-resolv', '--no-hosts', '--no-poll', '--bind-interfaces', '--listen-address', host, '--port', String(port),
  '--pid-file=', '--log-facility=-', `--user=${user}`, `--group=${group}`, '--local-ttl=60', '--local=/test/',
  '--srv-host=_sip._udp.bench.test,a.bench.test,5060,10,60', '--srv-host=_sip._udp.bench.test,b.bench.test,5060,10,40'], { stdio: 'ignore' });
// Wait until dnsmasq answers.
const probe = new DnsClient({ servers: [{ host, port }], cache: false, timeoutMs: 100, attempts: 1, deadServerMs: 0 });
for (let i = 0; ; i++) {
  try {
    await probe.query('_sip._udp.bench.test', 'SRV');
    break;
  } catch (e) {
    if (i > 50) throw e;
    await new Promise((r) => setTimeout(r, 50));
  }
}
const Q = 3000;
try {
  const client = new DnsClient({ servers: [{ host, port }], cache: false });
  for (let i = 0; i < 200; i++) await client.query('_sip._udp.bench.test', 'SRV');
  let t0 = now();
  for (let i = 0; i < Q; i++) await client.query('_sip._udp.bench.test', 'SRV');
  let ms = now() - t0;
  results.queryOurs = { n: Q, ms, perSec: Q / (ms / 1000), usPerQuery: (ms * 1000) / Q };
  const resolver = new dns.promises.Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([`${host}:${port}`]);
  for (let i = 0; i < 200; i++) await resolver.resolveSrv('_sip._udp.bench.test');
  t0 = now();
  for (let i = 0; i < Q; i++) await resolver.resolveSrv('_sip._udp.bench.test');
  ms = now() - t0;
  results.queryCares = { n: Q, ms, perSec: Q / (ms / 1000), usPerQuery: (ms * 1000) / Q };
  const cached = new DnsClient({ servers: [{ host, port }] });
  await cached.query('_sip._udp.bench.test', 'SRV');
  t0 = now();
  for (let i = 0; i < Q * 10; i++) await cached.query('_sip._udp.bench.test', 'SRV');
  ms = now() - t0;
  results.queryCached = { n: Q * 10, ms, perSec: (Q * 10) / (ms / 1000), usPerQuery: (ms * 1000) / (Q * 10) };
} finally {
  dm.kill('SIGTERM');
}

const f = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const date = new Date().toISOString();
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
console.log(`## resolve (${date.slice(0, 10)}, ${machine})\n`);
console.log('| measure | siptrunk | peer (same run) | ratio |');
console.log('| --- | --- | --- | --- |');
console.log(`| SRV ordering, 5 records / 2 priorities (RFC 2782 weighted) | ${f(results.srvOrder.perSec)}/s (${f(results.srvOrder.nsPerOp)} ns) | priority-only sort: ${f(results.srvSortOnly.perSec)}/s | ${f(results.srvOrder.nsPerOp / results.srvSortOnly.nsPerOp, 2)}x the time |`);
console.log(`| DNS cache hit (TTL check, remaining-TTL copy) | ${f(results.cacheHit.nsPerOp)} ns | Map.get: ${f(results.mapGet.nsPerOp, 1)} ns | ${f(results.cacheHit.nsPerOp / results.mapGet.nsPerOp, 1)}x |`);
console.log(`| SRV query to dnsmasq on loopback, sequential, no cache | ${f(results.queryOurs.usPerQuery)} µs (${f(results.queryOurs.perSec)}/s) | node:dns (c-ares): ${f(results.queryCares.usPerQuery)} µs (${f(results.queryCares.perSec)}/s) | ${f(results.queryOurs.usPerQuery / results.queryCares.usPerQuery, 2)}x the time |`);
console.log(`| SRV query answered from our cache | ${f(results.queryCached.usPerQuery, 2)} µs | | |`);
console.log('');
mkdirSync('out/bench', { recursive: true });
writeFileSync('out/bench/resolve.json', JSON.stringify({ date, machine, results }, null, 2));
