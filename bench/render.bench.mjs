// Render benchmark (issue 5): the example model rendered to every target.
//  - warm: models per second rendered in one process, templates already compiled (target >= 2,000/s);
//  - cold: `siptrunk render` of the example in a fresh process, against a bare `node -e ""` start
//    measured in the same run (target: within 4x).
// Imports the BUILT code (npm run build, or `npx tsc -p tsconfig.build.json`).
// Prints a Markdown section; writes raw figures to out/bench/render.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, platform, release } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'fixtures/models/nexmo-example.yaml');
const cli = join(root, 'dist/src/cli/main.js');

const { loadModel } = await import(join(root, 'dist/src/model/load-model.js'));
const { renderModel } = await import(join(root, 'dist/src/render/index.js'));

const r = await loadModel(example);
if (!r.ok) throw new Error('example model invalid');
const model = r.model;

// Load indicator: the same fixed pure-JS loop every run, wall and CPU time. On a shared machine
// (2 cores, several test suites at once) every figure below scales with it.
function calibrate() {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x += i;
  const c = process.cpuUsage(c0);
  return { wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, x };
}
const calibration = calibrate();
const load = (await import('node:os')).loadavg()[0];

// Warm: after a first render (templates compiled), render repeatedly for ~2 s, 5 rounds.
// "Warm" is the JIT's steady state: on this machine it takes a few thousand renders to reach it.
const first = renderModel(model, { secrets: 'placeholder' });
for (const end = Date.now() + 3000; Date.now() < end; ) for (let i = 0; i < 50; i++) renderModel(model, { secrets: 'placeholder' });
const rounds = [];
const cpuRounds = [];
for (let round = 0; round < 5; round++) {
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let t = t0;
  while (t - t0 < 1_000_000_000n) {
    for (let i = 0; i < 50; i++) renderModel(model, { secrets: 'placeholder' });
    n += 50;
    t = process.hrtime.bigint();
  }
  rounds.push(n / (Number(t - t0) / 1e9));
  const c = process.cpuUsage(c0);
  cpuRounds.push(n / ((c.user + c.system) / 1e6));
}
rounds.sort((a, b) => a - b);
const warmPerSec = rounds[Math.floor(rounds.length / 2)];
cpuRounds.sort((a, b) => a - b);
const warmPerCpuSec = cpuRounds[Math.floor(cpuRounds.length / 2)];
const bytes = first.reduce((s, f) => s + f.content.length, 0);

// Cold: a fresh process each time, alternating with the bare node start; medians of N runs.
const N = 15;
const out = mkdtempSync(join(tmpdir(), 'siptrunk-bench-render-'));
function timeRun(args) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (p.status !== 0) throw new Error(`${args.join(' ')} exited ${p.status}: ${p.stderr}`);
  return ms;
}
const bare = [];
const render = [];
timeRun(['-e', '']);
timeRun([cli, 'render', example, '--out', out]);
for (let i = 0; i < N; i++) {
  bare.push(timeRun(['-e', '']));
  render.push(timeRun([cli, 'render', example, '--out', out]));
}
rmSync(out, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bareMs = median(bare);
const renderMs = median(render);
const ratio = renderMs / bareMs;

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${platform()} ${release()}`;
const date = new Date().toISOString().slice(0, 10);
console.log(`## render: the example model to every target (${first.length} files, ${bytes} bytes)\n`);
console.log(`| measure | figure | target |`);
console.log(`| --- | --- | --- |`);
console.log(`| warm render, models/s (median of 5 rounds of 1 s, after 3 s of warm-up) | ${Math.round(warmPerSec).toLocaleString('en')} | >= 2,000 |`);
console.log(`| warm render, models per CPU-second (same rounds) | ${Math.round(warmPerCpuSec).toLocaleString('en')} | |`);
console.log(`| cold \`siptrunk render\` (median of ${N}) | ${renderMs.toFixed(1)} ms | |`);
console.log(`| bare \`node -e ""\` in the same run (median of ${N}) | ${bareMs.toFixed(1)} ms | |`);
console.log(`| ratio cold render / bare node | ${ratio.toFixed(2)}x | <= 4x |`);
console.log(`| load indicator: a 1e8-iteration loop, wall / CPU | ${calibration.wallMs.toFixed(0)} ms / ${calibration.cpuMs.toFixed(0)} ms | |`);
console.log(`\n${date}, ${machine}, load average ${load.toFixed(1)} at the start. The cold run loads the CLI, the model (schema, YAML, libphonenumber), Handlebars and the templates, and writes ${first.length} files.\n`);

mkdirSync(join(root, 'out/bench'), { recursive: true });
writeFileSync(
  join(root, 'out/bench/render.json'),
  JSON.stringify({ date, machine, files: first.length, bytes, warmRoundsPerSec: rounds, warmPerSec, warmRoundsPerCpuSec: cpuRounds, warmPerCpuSec, calibration, loadAverage: load, coldRenderMs: render, bareNodeMs: bare, medianRenderMs: renderMs, medianBareMs: bareMs, ratio }, null, 2) + '\n',
);
