// Benchmark of the trunk model (issue 2): phone numbers checked per second, SIP URIs (forward
// list entries) per second, and the cold `siptrunk validate` of the example model as a ratio to
// a bare `node -e ""` start (target: within 4x). Each figure comes with the peer measured in
// the same run: libphonenumber-js alone for numbers, sip.js's grammar alone for URIs, bare
// Node for the cold start. Imports the BUILT code (npm run build first).
// Prints a Markdown section; raw figures go to out/bench/model.json.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { checkNumber } = await import('../dist/src/model/rules/e164.js');
const { checkSipUri } = await import('../dist/src/model/rules/sip-uri.js');
const { parseForwardList } = await import('../dist/src/model/rules/forward-list.js');
const lib = require('libphonenumber-js/max');
const { Grammar } = require('sip.js/lib/grammar/grammar.js');

const NUMBERS = [
  '+14155550100', '14155550100', '+44 20 7946 0018', '0044 20 7946 0018', '+447937947990',
  '+33 1 23 45 67 89', '+49 30 901820', '+81 3-1234-5678', '+61 2 9876 5432', '+91 98765 43210',
  '331908817135', '+33 1 23 45', '+999123456', '+1234567890123456', '+1 055 555 0100',
];
const URIS = [
  'sip:1234567890@mydomain.com', 'sips:1234567890@my3domain.com:5062', 'sip:alice@192.0.2.10:5080;transport=tcp',
  'sip:alice@[2001:db8::10]:5060', 'sip:pbx.example.com;lr', 'sip:+14155550100@gw.example.net;timeout=8000',
  'sip:a@-bad.example.com', 'sip:a@example.com:99999',
];

/** Calls per second of f over `items`, best of `rounds` rounds of about `ms` each. */
function rate(f, items, ms = 400, rounds = 5) {
  for (let i = 0; i < 2000; i++) f(items[i % items.length]); // warm-up
  const results = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms) {
      for (let i = 0; i < 200; i++) f(items[(n + i) % items.length]);
      n += 200;
      t = performance.now();
    }
    results.push((n / (t - t0)) * 1000);
  }
  results.sort((a, b) => a - b);
  return { median: results[Math.floor(results.length / 2)], all: results };
}

const numbersOurs = rate((s) => checkNumber(s), NUMBERS);
const numbersPeer = rate((s) => {
  try {
    const p = lib.parsePhoneNumberWithError(s.startsWith('+') ? s : '+' + s.replace(/^00/, ''));
    return p.isValid();
  } catch {
    return false;
  }
}, NUMBERS);
const urisOurs = rate((s) => checkSipUri(s), URIS);
const urisPeer = rate((s) => Grammar.URIParse(s), URIS);
const rules = { timeoutMinMs: 2000, timeoutMaxMs: 20000, timeoutDefaultMs: 5000 };
const forwardOurs = rate((s) => parseForwardList(s, { rules }), [URIS.slice(0, 3).join(', ')]);

// Cold start: alternate the two commands so that load on the machine hits both alike.
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 21);
const bare = [];
const cold = [];
const cmdBare = [process.execPath, ['-e', '']];
const cmdCold = [process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), 'validate', join(root, 'fixtures', 'models', 'nexmo-example.yaml')]];
function time([cmd, args]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}
for (let i = 0; i < 3; i++) {
  time(cmdBare);
  time(cmdCold);
}
for (let i = 0; i < RUNS; i++) {
  bare.push(time(cmdBare));
  cold.push(time(cmdCold));
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const min = (a) => Math.min(...a);
const coldRatio = median(cold) / median(bare);

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const date = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`;
console.log(`## Trunk model (bench/model.bench.mjs)

${date}, ${machine}.

| Measure | siptrunk | Peer (same run) | Ratio |
|---|---|---|---|
| Phone numbers checked per second (checkNumber, ${NUMBERS.length} mixed valid/invalid) | ${fmt(numbersOurs.median)}/s | libphonenumber-js/max parse + isValid: ${fmt(numbersPeer.median)}/s | ${(numbersOurs.median / numbersPeer.median).toFixed(2)} |
| SIP URIs checked per second (checkSipUri, ${URIS.length} URIs) | ${fmt(urisOurs.median)}/s | sip.js Grammar.URIParse: ${fmt(urisPeer.median)}/s | ${(urisOurs.median / urisPeer.median).toFixed(2)} |
| Forward-to-SIP lists of 3 entries parsed per second | ${fmt(forwardOurs.median)}/s | | |
| Cold \`siptrunk validate\` of the example, median of ${RUNS} (min) | ${median(cold).toFixed(1)} ms (${min(cold).toFixed(1)} ms) | bare \`node -e ""\`: ${median(bare).toFixed(1)} ms (${min(bare).toFixed(1)} ms) | ${coldRatio.toFixed(2)}x (target <= 4x) |

Numbers and URIs: median of 5 rounds of 400 ms after a warm-up. The number check does more than
the peer (formatting, national/00 prefixes, extension detection, reasons for failures); the URI
check adds host, port and parameter checks to the same grammar.
`);

mkdirSync(join(root, 'out', 'bench'), { recursive: true });
writeFileSync(
  join(root, 'out', 'bench', 'model.json'),
  JSON.stringify(
    {
      date,
      machine,
      numbersPerSecond: { ours: numbersOurs, peer: numbersPeer },
      urisPerSecond: { ours: urisOurs, peer: urisPeer },
      forwardListsPerSecond: forwardOurs,
      coldValidateMs: { runs: cold, median: median(cold), min: min(cold) },
      bareNodeMs: { runs: bare, median: median(bare), min: min(bare) },
      coldRatio,
    },
    null,
    2,
  ) + '\n',
);
