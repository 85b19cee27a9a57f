#!/usr/bin/env node
// Runs every bench/*.bench.mjs file in its own Node process, one after the other (the machine
// has two cores; benchmarks running side by side would measure each other). Each benchmark
// prints a Markdown section to stdout and writes its raw figures to out/bench/<name>.json.
// Usage: npm run bench [-- name-filter]
import { readdirSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
mkdirSync(join(here, '..', 'out', 'bench'), { recursive: true });
const files = readdirSync(here).filter((f) => f.endsWith('.bench.mjs') && (!filter || f.includes(filter))).sort();
console.log(`# siptrunk benchmarks, ${new Date().toISOString().slice(0, 10)}`);
console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}\n`);
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, f)], { stdio: 'inherit', cwd: join(here, '..') });
  if (r.status !== 0) {
    failed++;
    console.log(`\n**${f} failed with exit code ${r.status}**\n`);
  }
}
process.exitCode = failed ? 1 : 0;
