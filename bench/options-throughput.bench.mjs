// Digest OPTIONS throughput over loopback UDP: how many authenticated OPTIONS exchanges
// (OPTIONS, 401, OPTIONS with Authorization, 200 — two transactions each) one siptrunk process
// sustains with no failures against a sipp UAS checking every digest with <verifyauth>, beside a
// sipp UAC (`-sf bench-options-uac.xml -au -ap`) against the same UAS in the same run. Both keep
// at most CONCURRENCY exchanges in flight. Then memory per transaction in flight: N OPTIONS sent
// to an address where nothing listens (so they all wait for Timer F), heap and RSS measured
// (after gc) before and while they are in flight, divided by N.
// Each client's CPU per exchange is measured too (process.cpuUsage for the two in this process,
// bash's `times` for the sipp UAC), and the UAS's CPU per exchange while it served that client
// (/proc/<pid>/stat): on a machine with few cores the client and the UAS share them, so what a
// client costs per exchange bounds its rate.
// Imports the built code (npm run build). Prints a Markdown section, writes out/bench/options-throughput.json.
import { spawn } from 'node:child_process';
import { writeFileSync, mkdirSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import dgram from 'node:dgram';
import os from 'node:os';
import { join } from 'node:path';
import { SipClient } from '../dist/src/sip/user-agent/sip-client.js';
import { Secret } from '../dist/src/util/secret.js';
import { parseMessage } from '../dist/src/sip/parser.js';
import { serialize } from '../dist/src/sip/serializer.js';
import { buildRequest } from '../dist/src/sip/user-agent/requests.js';
import { DigestClient } from '../dist/src/sip/digest/digest-client.js';
import { newBranch, randomHex, randomToken } from '../dist/src/sip/transaction/branch.js';
import { newCallId } from '../dist/src/sip/user-agent/call-id.js';
import { TransactionTable } from '../dist/src/sip/transaction/transaction-table.js';
import { RetiredTransactions } from '../dist/src/sip/transaction/retired-transactions.js';

const HOST = '127.0.10.60';
const LOCAL = '127.0.10.61';
const SINK = '127.0.10.62';
const USER = 'bench-user';
const PASS = 'bench-Secret-1';
// 100,000 exchanges per client and round (3 to 5 s each): long enough to reach the garbage
// collector's steady state. Rounds of 30,000 ended before the old generation's first full
// collections and flattered a client whose garbage reached it (see BENCHMARKS.md).
const CALLS = Number(process.env.BENCH_CALLS ?? 100000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
// Optional calibration (off by default): the bare client again, spending this many µs of CPU
// on every response it receives (a busy loop), e.g. BENCH_BARE_BURN_US=8,16. It shows what a
// client's extra CPU per exchange costs in rate, and what it costs the UAS (see BENCHMARKS.md).
const BURNS = (process.env.BENCH_BARE_BURN_US ?? '').split(',').filter((v) => v.trim() !== '').map(Number);
if (BURNS.some((b) => !(b >= 0 && b <= 1000))) throw new Error('BENCH_BARE_BURN_US: comma-separated µs values from 0 to 1000');
// Optional calibration (off by default): BENCH_COMPONENTS=1 adds to every round the client made
// of siptrunk's components without its transaction layer and user agent (componentsClient below).
const COMPONENTS = process.env.BENCH_COMPONENTS === '1';
// Optional calibration (off by default): BENCH_PARSE_DIGEST=1 adds to every round the bare client
// with what any correct client must do on top of it: every response through siptrunk's parser
// (status, Call-ID and the challenge read from the parsed message) and the challenge answered
// by siptrunk's DigestClient. No transactions, timers or result: a floor for a full stack.
const PARSE_DIGEST = process.env.BENCH_PARSE_DIGEST === '1';
// Optional calibration (off by default, Linux only): BENCH_NATIVE_UDP=1 adds to every round the
// bare client again over bench/native-udp, a socket that reads with recvmmsg and writes with
// sendmmsg (one system call and one JavaScript callback per batch of datagrams) instead of
// node:dgram. It shows how much of Node's floor is node:dgram's binding rather than JavaScript
// work. Build it first with `npm run bench:native-udp` (node-gyp; not part of siptrunk).
const NATIVE_UDP = process.env.BENCH_NATIVE_UDP === '1';
const now = () => performance.now();

function freeUdpPort(host) {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    s.once('error', reject);
    s.bind(0, host, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts sipp. With `timed`, through bash, whose `times` then gives sipp's user and system CPU
 * (exact, from the kernel's accounting of the reaped child) as `cpuMs` on exit.
 */
function runSipp(args, timed = false) {
  const dir = mkdtempSync(join(os.tmpdir(), 'siptrunk-bench-sipp-'));
  const sippArgs = [...args, '-nostdin', '-trace_err', '-error_file', join(dir, 'errors.log')];
  const cpuFile = join(dir, 'cpu.txt');
  const child = timed
    ? spawn('bash', ['-c', 'sipp "$@"; rc=$?; times > "$CPU_FILE"; exit $rc', 'sipp', ...sippArgs], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CPU_FILE: cpuFile } })
    : spawn('sipp', sippArgs, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      let cpuMs = null;
      if (timed) {
        // `times`: the shell's own user and system time, then its children's ("1m2.345s 0m0.678s").
        const line = (() => { try { return readFileSync(cpuFile, 'utf8').split('\n')[1] ?? ''; } catch { return ''; } })();
        const t = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60000 + Number(m[2]) * 1000);
        if (t.length === 2) cpuMs = t[0] + t[1];
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, stderr, cpuMs });
    }),
  );
  return { child, exited };
}

/** User + system CPU of a running process in ms, from /proc/<pid>/stat (Linux; null elsewhere). */
const CLK_TCK = 100; // USER_HZ: the unit of /proc/<pid>/stat times on Linux
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK; // utime, stime (fields 14, 15)
  } catch {
    return null;
  }
}

/** CPU µs per exchange of this process while `fn` runs. */
async function withOwnCpu(fn) {
  const c0 = process.cpuUsage();
  const r = await fn();
  const c = process.cpuUsage(c0);
  return { ...r, cpuUsPerExchange: (c.user + c.system) / CALLS, userUsPerExchange: c.user / CALLS, systemUsPerExchange: c.system / CALLS };
}

async function waitBound(host, port) {
  for (let i = 0; i < 200; i++) {
    const bound = await new Promise((resolve) => {
      const s = dgram.createSocket('udp4');
      s.once('error', () => { s.close(); resolve(true); });
      s.bind({ address: host, port, exclusive: true }, () => s.close(() => resolve(false)));
    });
    if (bound) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`sipp UAS did not bind ${host}:${port}`);
}

async function sippUac(uasPort) {
  const port = await freeUdpPort(HOST);
  const mp = await freeUdpPort(HOST);
  const t0 = now();
  const uac = runSipp([
    `${HOST}:${uasPort}`, '-sf', process.cwd() + '/test/peers/sipp/bench-options-uac.xml',
    '-i', HOST, '-p', String(port), '-mi', HOST, '-mp', String(mp), '-t', 'u1',
    '-buff_size', '4194304', '-m', String(CALLS), '-l', String(CONCURRENCY), '-r', '1000000', '-rp', '1000', '-au', USER, '-ap', PASS,
  ], true);
  const exit = await uac.exited;
  const elapsed = now() - t0;
  if (exit.code !== 0) console.error(`sipp UAC exit ${exit.code}: ${exit.stderr.slice(-1500)}`);
  return { calls: CALLS, elapsedMs: elapsed, perSecond: (CALLS / elapsed) * 1000, failures: exit.code === 0 ? 0 : null, exitCode: exit.code, cpuUsPerExchange: exit.cpuMs === null ? null : (exit.cpuMs * 1000) / CALLS };
}

async function siptrunk(uasPort) {
  const client = new SipClient({ localAddress: LOCAL, udpBufferSize: 4 * 1024 * 1024 });
  const credentials = { username: USER, password: new Secret(PASS, 'bench') };
  const target = { host: HOST, port: uasPort, transport: 'udp' };
  let next = 0;
  let ok = 0;
  let failed = 0;
  const failures = {};
  const t0 = now();
  async function worker() {
    while (next < CALLS) {
      next++;
      const r = await client.options(target, { credentials });
      if (r.ok && r.auth === 'ok') ok++;
      else {
        failed++;
        const k = `${r.outcome}:${r.status}`;
        failures[k] = (failures[k] ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = now() - t0;
  const stats = { ...client.stats };
  await client.close();
  return { calls: CALLS, ok, failed, failures, elapsedMs: elapsed, perSecond: (ok / elapsed) * 1000, retransmissions: stats.retransmissions, unmatched: stats.unmatchedResponses };
}

/** The bare client's socket over node:dgram: each request leaves at once with socket.send. */
async function dgramSocket(uasPort, onDatagram) {
  const sock = dgram.createSocket({ type: 'udp4', lookup: (a, _o, cb) => cb(null, a, 4) });
  await new Promise((r) => sock.bind(0, LOCAL, r));
  sock.setRecvBufferSize(4 * 1024 * 1024);
  sock.setSendBufferSize(4 * 1024 * 1024);
  sock.on('message', onDatagram);
  return { port: sock.address().port, send: (text) => sock.send(text, uasPort, HOST), close: () => new Promise((r) => sock.close(r)) };
}

/**
 * The bare client's socket over bench/native-udp (BENCH_NATIVE_UDP=1): datagrams read with
 * recvmmsg, up to 64 per system call and JavaScript callback; the requests of one loop turn
 * written with one sendmmsg at its end. A request the kernel refuses stops the bench with an
 * error (its exchange would otherwise wait forever: the bare client has no retransmissions).
 */
async function nativeSocket(uasPort, onDatagram) {
  const { createRequire } = await import('node:module');
  let udp;
  try {
    udp = createRequire(import.meta.url)('./native-udp/build/Release/udpmmsg.node');
  } catch (err) {
    throw new Error(`BENCH_NATIVE_UDP=1 needs the calibration socket: run \`npm run bench:native-udp\` first (${err.message})`);
  }
  const host = HOST.split('.').reduce((a, b) => (a << 8) | Number(b), 0);
  const handle = udp.open(LOCAL, 0, 4 * 1024 * 1024, (buf, meta, count) => {
    for (let i = 0; i < count; i++) onDatagram(buf.subarray(meta[i * 4], meta[i * 4] + meta[i * 4 + 1]));
  });
  let queued = [];
  const flush = () => {
    const texts = queued;
    queued = [];
    const bufs = texts.map((t) => Buffer.from(t, 'latin1'));
    const meta = new Int32Array(bufs.length * 4);
    let off = 0;
    for (let i = 0; i < bufs.length; i++) {
      meta.set([off, bufs[i].length, uasPort, host], i * 4);
      off += bufs[i].length;
    }
    const sent = udp.send(handle, Buffer.concat(bufs, off), meta, bufs.length);
    // A refused datagram would leave its exchange waiting forever: stop the bench instead.
    if (sent !== bufs.length) throw new Error(`bench/native-udp: the kernel refused ${bufs.length - sent} of ${bufs.length} datagrams (send buffer full?); run again with a lower BENCH_CONCURRENCY`);
  };
  return {
    port: udp.localPort(handle),
    send: (text) => {
      if (queued.push(text) === 1) setImmediate(flush);
    },
    close: async () => udp.close(handle),
  };
}

/**
 * The floor of Node itself, measured beside the two clients: the same exchange written as
 * bare node:dgram code with no SIP stack at all — one socket, requests from string templates,
 * responses read with indexOf, the digest with crypto.hash, random values from a pool, no
 * transactions, no timers, no retransmissions, no parsing beyond the Call-ID, status and nonce.
 * Its Call-IDs have siptrunk's shape (time-ordered prefix, then random; src/sip/user-agent/call-id.ts),
 * which the sipp UAS serves more cheaply than random ones.
 * Not a SIP client anyone should use; it shows what one Node process can push through dgram
 * on this machine, whatever the stack on top.
 * With `parseAndDigest` (BENCH_PARSE_DIGEST=1) every response goes through siptrunk's parser
 * instead of indexOf and the challenge is answered by siptrunk's DigestClient instead of one
 * crypto.hash: the two things no correct client can skip, without anything else of the stack.
 */
async function bareNode(uasPort, burnUs = 0, parseAndDigest = false, io = 'dgram') {
  const { hash, randomBytes } = await import('node:crypto');
  let onDatagram;
  const sock = await (io === 'native' ? nativeSocket : dgramSocket)(uasPort, (buf) => onDatagram(buf));
  const lp = sock.port;
  const uri = `sip:bench@${HOST}:${uasPort}`;
  const ha1 = hash('md5', `${USER}:bench:${PASS}`, 'hex');
  const ha2 = hash('md5', `OPTIONS:${uri}`, 'hex');
  const password = new Secret(PASS, 'bench');
  const EMPTY = Buffer.alloc(0);
  let pool = randomBytes(12 * 4096);
  let off = 0;
  const token = () => {
    if (off + 12 > pool.length) (pool = randomBytes(12 * 4096)), (off = 0);
    off += 12;
    return pool.toString('base64url', off - 12, off);
  };
  let lastMs = 0;
  let seq = 0;
  const newCallId = () => {
    const ms = Date.now();
    if (ms > lastMs) (lastMs = ms), (seq = 0);
    else seq++;
    return `${lastMs.toString(36).padStart(9, '0')}${seq.toString(36).padStart(3, '0')}-${token()}`;
  };
  const request = (callId, cseq, auth) =>
    `OPTIONS ${uri} SIP/2.0\r\nVia: SIP/2.0/UDP ${LOCAL}:${lp};branch=z9hG4bK${token()};rport\r\nFrom: <sip:bench@${LOCAL}>;tag=${callId}\r\nTo: <${uri}>\r\nCall-ID: ${callId}\r\nCSeq: ${cseq} OPTIONS\r\nMax-Forwards: 70\r\n${auth}Content-Length: 0\r\n\r\n`;
  let next = 0;
  let ok = 0;
  let failed = 0;
  const t0 = now();
  await new Promise((resolve) => {
    const start = () => {
      if (next >= CALLS) return;
      next++;
      sock.send(request(newCallId(), 1, ''));
    };
    onDatagram = (buf) => {
      if (burnUs > 0) {
        const until = now() + burnUs / 1000;
        while (now() < until);
      }
      // The response's Call-ID, whether it is the 200, and for a 401 the row that answers it
      // (left undefined when the challenge cannot be answered: the exchange then fails).
      let callId;
      let success;
      let auth;
      if (parseAndDigest) {
        const res = parseMessage(buf, { datagram: true });
        callId = res.callId();
        success = res.status === 200;
        if (res.status === 401) {
          const r = new DigestClient({ username: USER, password, cnonce: randomHex }).authorize(res, { method: 'OPTIONS', uri, body: EMPTY });
          if (r.ok) auth = `${r.header}: ${r.value}\r\n`;
        }
      } else {
        const text = buf.toString('latin1');
        const status = text.slice(8, 11);
        const c = text.indexOf('\r\nCall-ID: ') + 11;
        callId = text.slice(c, text.indexOf('\r\n', c));
        success = status === '200';
        if (status === '401') {
          const n = text.indexOf('nonce="') + 7;
          const nonce = text.slice(n, text.indexOf('"', n));
          const response = hash('md5', `${ha1}:${nonce}:${ha2}`, 'hex');
          auth = `Authorization: Digest username="${USER}", realm="bench", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5\r\n`;
        }
      }
      if (auth !== undefined) {
        sock.send(request(callId, 2, auth));
        return;
      }
      if (success) ok++;
      else failed++;
      if (ok + failed === CALLS) resolve();
      else start();
    };
    for (let i = 0; i < CONCURRENCY; i++) start();
  });
  const elapsed = now() - t0;
  await sock.close();
  return { calls: CALLS, ok, failed, elapsedMs: elapsed, perSecond: (ok / elapsed) * 1000 };
}

/**
 * Calibration: the same exchange made of siptrunk's own components, without the code that
 * joins them in the stack (TransactionLayer, the transaction state machines, the transports,
 * sendAuthenticated, SipClient.options). Requests with SipClient.options' headers from
 * buildRequest, the Via prepended and serialize()d; responses through parseMessage, matched on
 * the top Via branch and CSeq method in a TransactionTable; finished keys retired for Timer K
 * in RetiredTransactions; the challenge answered by a DigestClient made per exchange; a
 * promise per transaction and a Node timer for Timers E and F (retransmissions, timeout).
 * It answers one question: is the gap to sipp in the components, or in the glue between them?
 * Not a client to use (one socket, UDP only, no transport errors, no 407-then-401, no result
 * beyond ok), and not the stack: it is run only with BENCH_COMPONENTS=1.
 */
async function componentsClient(uasPort) {
  const sock = dgram.createSocket({ type: 'udp4', lookup: (a, _o, cb) => cb(null, a, 4) });
  await new Promise((r) => sock.bind(0, LOCAL, r));
  sock.setRecvBufferSize(4 * 1024 * 1024);
  sock.setSendBufferSize(4 * 1024 * 1024);
  const via = `SIP/2.0/UDP ${LOCAL}:${sock.address().port};branch=`;
  const uri = `sip:${HOST}:${uasPort}`;
  const table = new TransactionTable();
  const retired = new RetiredTransactions();
  const [T1, T2, T4] = [500, 4000, 5000];
  const password = new Secret(PASS, 'bench');
  const EMPTY = Buffer.alloc(0);
  const EXTRA = [['Accept', 'application/sdp']];
  class Tx {
    constructor(request) {
      const branch = newBranch();
      request.prepend('Via', `${via}${branch};rport`);
      this.wire = serialize(request);
      this.key = `${branch}\u0000OPTIONS`;
      this.e = T1;
      this.deadline = now() + 64 * T1;
      this.outcome = new Promise((resolve) => (this.resolve = resolve));
      table.add(this.key, this);
      sock.send(this.wire, uasPort, HOST);
      this.timer = setTimeout(() => this.fire(), this.e);
    }
    fire() {
      if (now() >= this.deadline) return this.end(undefined); // Timer F
      sock.send(this.wire, uasPort, HOST); // Timer E
      this.e = Math.min(2 * this.e, T2);
      this.timer = setTimeout(() => this.fire(), this.e);
    }
    end(response) {
      clearTimeout(this.timer);
      table.deleteIf(this.key, this);
      if (response) retired.add(this.key, T4);
      this.resolve(response);
    }
  }
  sock.on('message', (buf) => {
    let res;
    try {
      res = parseMessage(buf, { datagram: true });
      if (res.isRequest || res.status < 200) return;
      const row = res.firstRow('Via') ?? '';
      const at = row.indexOf(';branch=') + 8;
      let end = at;
      while (end < row.length && row.charCodeAt(end) !== 59 && row.charCodeAt(end) !== 32) end++;
      const key = `${row.slice(at, end)}\u0000${res.cseq().method}`;
      const tx = table.get(key);
      if (tx) tx.end(res);
      else retired.absorb(key, res);
    } catch {
      /* malformed: dropped */
    }
  });
  async function exchange() {
    const ids = { callId: newCallId(), fromHeader: `<sip:siptrunk@${HOST}>;tag=${randomToken(6)}`, toHeader: `<${uri}>` };
    const digest = new DigestClient({ username: USER, password, cnonce: randomHex });
    let auth = [];
    for (let cseq = 1; cseq <= 4; cseq++) {
      const res = await new Tx(buildRequest('OPTIONS', uri, ids, cseq, { userAgent: 'siptrunk/0.1', auth, extra: EXTRA })).outcome;
      if (res === undefined) return false;
      if (res.status !== 401 && res.status !== 407) return res.status < 300;
      const r = digest.authorize(res, { method: 'OPTIONS', uri, body: EMPTY });
      if (!r.ok) return false;
      auth = r.credentials;
    }
    return false;
  }
  let next = 0;
  let ok = 0;
  let failed = 0;
  const t0 = now();
  async function worker() {
    while (next < CALLS) {
      next++;
      if (await exchange()) ok++;
      else failed++;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = now() - t0;
  retired.clear();
  await new Promise((r) => sock.close(r));
  return { calls: CALLS, ok, failed, elapsedMs: elapsed, perSecond: (ok / elapsed) * 1000 };
}

async function memoryInFlight() {
  if (!globalThis.gc) console.error('memory figure: run with --expose-gc (npm run bench does); without it garbage is counted too');
  const sinkPort = await freeUdpPort(SINK); // nothing listens there: every OPTIONS waits for Timer F
  const client = new SipClient({ localAddress: LOCAL, udpBufferSize: 4 * 1024 * 1024, timers: { T1: 2000, T2: 4000 } });
  const target = { host: SINK, port: sinkPort, transport: 'udp' };
  await client.options(target, { timeoutMs: 1 }); // bind the socket, warm up
  globalThis.gc?.();
  await new Promise((r) => setTimeout(r, 50));
  globalThis.gc?.();
  const before = process.memoryUsage();
  const pending = [];
  for (let i = 0; i < IN_FLIGHT; i++) pending.push(client.options(target, { credentials: { username: USER, password: new Secret(PASS) } }));
  await new Promise((r) => setTimeout(r, 300));
  globalThis.gc?.();
  const during = process.memoryUsage();
  const inFlight = client.layer.activeTransactions;
  await client.close();
  await Promise.all(pending);
  return {
    inFlight,
    heapBytesPerTransaction: (during.heapUsed - before.heapUsed) / inFlight,
    rssBytesPerTransaction: (during.rss - before.rss) / inFlight,
    heapUsedBefore: before.heapUsed,
    heapUsedDuring: during.heapUsed,
  };
}

async function main() {
  const uasPort = await freeUdpPort(HOST);
  const mp = await freeUdpPort(HOST);
  const uas = runSipp([
    '-sf', process.cwd() + '/test/peers/sipp/bench-options-uas.xml', '-i', HOST, '-p', String(uasPort), '-mi', HOST, '-mp', String(mp), '-t', 'u1',
    '-key', 'user', USER, '-key', 'pass', PASS, '-buff_size', '4194304',
  ]);
  try {
    await waitBound(HOST, uasPort);
    // Warm-up of both clients (JIT, sipp's tables), not counted.
    const rounds = [];
    // The UAS's CPU per exchange while it serves `fn`'s client.
    const served = async (fn) => {
      const u0 = processCpuMs(uas.child.pid);
      const r = await fn();
      const u1 = processCpuMs(uas.child.pid);
      return { ...r, uasCpuUsPerExchange: u0 === null || u1 === null ? null : ((u1 - u0) * 1000) / CALLS };
    };
    for (let i = 0; i < ROUNDS; i++) {
      const s = await served(() => sippUac(uasPort));
      const t = await served(() => withOwnCpu(() => siptrunk(uasPort)));
      const b = await served(() => withOwnCpu(() => bareNode(uasPort)));
      const c = COMPONENTS ? await served(() => withOwnCpu(() => componentsClient(uasPort))) : undefined;
      const pd = PARSE_DIGEST ? await served(() => withOwnCpu(() => bareNode(uasPort, 0, true))) : undefined;
      const bn = NATIVE_UDP ? await served(() => withOwnCpu(() => bareNode(uasPort, 0, false, 'native'))) : undefined;
      const round = { sipp: s, siptrunk: t, bare: b };
      if (c) round.components = c;
      if (pd) round.parseDigest = pd;
      if (bn) round.bareNative = bn;
      rounds.push(round);
    }
    const burned = [];
    for (const burnUs of BURNS) burned.push({ burnUs, ...(await served(() => withOwnCpu(() => bareNode(uasPort, burnUs)))) });
    const best = (k) => rounds.map((r) => r[k]).reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const sipp = best('sipp');
    const ours = best('siptrunk');
    const bare = best('bare');
    const components = COMPONENTS ? best('components') : null;
    const parseDigest = PARSE_DIGEST ? best('parseDigest') : null;
    const bareNative = NATIVE_UDP ? best('bareNative') : null;
    const mem = await memoryInFlight();
    const date = new Date().toISOString();
    const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
    const ratio = ours.perSecond / sipp.perSecond;
    const f = (n) => Math.round(n).toLocaleString('en-US');
    console.log(`## Digest OPTIONS throughput over loopback UDP (sipp UAS with verifyauth)\n`);
    console.log(`${date}, ${machine}. ${CALLS} exchanges per client and round (OPTIONS, 401, OPTIONS + Authorization, 200), at most ${CONCURRENCY} in flight, best of ${ROUNDS} rounds; both clients against the same sipp 3.6.1 UAS.\n`);
    const us = (v) => (v === null || v === undefined ? 'n/a' : v.toFixed(1));
    console.log('| client | exchanges/s | transactions/s | failures | ratio | client CPU µs/exchange | UAS CPU µs/exchange |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    /** One client's row: rate, transactions, failures, ratio to the best sipp round, CPU. */
    const row = (label, r) => console.log(`| ${label} | ${f(r.perSecond)} | ${f(r.perSecond * 2)} | ${r.failed} | ${(r.perSecond / sipp.perSecond).toFixed(2)} | ${us(r.cpuUsPerExchange)} | ${us(r.uasCpuUsPerExchange)} |`);
    console.log(`| sipp UAC (-au/-ap) | ${f(sipp.perSecond)} | ${f(sipp.perSecond * 2)} | ${sipp.failures === 0 ? 0 : `exit ${sipp.exitCode}`} | 1.00 | ${us(sipp.cpuUsPerExchange)} | ${us(sipp.uasCpuUsPerExchange)} |`);
    row(`siptrunk SipClient`, ours);
    row(`bare node:dgram, no SIP stack (Node's floor)`, bare);
    for (const b of burned) row(`bare node:dgram + ${b.burnUs} µs of CPU per response (calibration, one round)`, b);
    if (components) row(`siptrunk's components without the stack's glue (calibration)`, components);
    if (parseDigest) row(`bare node:dgram + siptrunk's parser and DigestClient, no transactions (calibration)`, parseDigest);
    if (bareNative) row(`bare client over recvmmsg/sendmmsg (bench/native-udp) instead of node:dgram (calibration)`, bareNative);
    // Each client against the sipp UAC of its own round (they run minutes apart at most): on a
    // machine whose speed swings between rounds, steadier than best against best.
    const paired = {};
    for (const k of Object.keys(rounds[0]).filter((k) => k !== 'sipp')) {
      const rs = rounds.map((r) => r[k].perSecond / r.sipp.perSecond);
      const sorted = [...rs].sort((a, b) => a - b);
      paired[k] = { perRound: rs, median: sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2 };
    }
    const names = { siptrunk: 'siptrunk SipClient', bare: 'bare node:dgram', components: 'components', parseDigest: 'bare + parser + DigestClient', bareNative: 'bare over recvmmsg/sendmmsg' };
    console.log(`\nRound by round, each client's rate over the sipp UAC's of the same round: ${Object.entries(paired).map(([k, v]) => `${names[k] ?? k} ${v.perRound.map((x) => x.toFixed(2)).join(', ')} (median ${v.median.toFixed(2)})`).join('; ')}.`);
    console.log(`\nCPU is user + system time of the whole process (every thread) divided by the exchanges of the round, from the round with the best rate; ${os.cpus().length} cores are shared by the client and the UAS.`);
    console.log(`\nsiptrunk retransmissions: ${ours.retransmissions}, unmatched responses: ${ours.unmatched}.`);
    console.log(`\nMemory per transaction in flight (${f(mem.inFlight)} OPTIONS waiting for Timer F): heap ${f(mem.heapBytesPerTransaction)} bytes, RSS ${f(mem.rssBytesPerTransaction)} bytes.\n`);
    mkdirSync('out/bench', { recursive: true });
    writeFileSync('out/bench/options-throughput.json', JSON.stringify({ date, machine, calls: CALLS, concurrency: CONCURRENCY, rounds, burned, components, parseDigest, bareNative, paired, best: { sipp, siptrunk: ours, bare, ratio, bareRatio: bare.perSecond / sipp.perSecond, siptrunkVsBare: ours.perSecond / bare.perSecond }, memory: mem }, null, 2));
    if ([ours, components, parseDigest, bareNative].some((r) => r && r.failed > 0)) process.exitCode = 1;
  } finally {
    uas.child.kill('SIGTERM');
    const t = setTimeout(() => uas.child.kill('SIGKILL'), 2000);
    await uas.exited;
    clearTimeout(t);
  }
}

await main();
