#!/usr/bin/env node
// Checks rendered configurations with the real tools, the last step of `npm start`:
//   nft -c -f            firewall/nftables.conf
//   iptables-restore --test / ip6tables-restore --test   firewall/iptables.rules, ip6tables.rules
//   xmllint --noout      every FreeSWITCH XML file
//   sh -n                firewall/ufw.sh, firewall/firewalld.sh
// A tool that is not installed (or nft/iptables without root) is reported as skipped, with the
// Debian package that has it; a file a tool rejects fails the run.
// Usage: node scripts/check-rendered.mjs [DIR]   (default out)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = process.argv[2] ?? 'out';
const isRoot = process.getuid?.() === 0;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd} || test -x /usr/sbin/${cmd}`], { stdio: 'ignore' }).status === 0;

function walk(d) {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const checks = [];
const add = (tool, pkg, needsRoot, file, args) => existsSync(file) && checks.push({ tool, pkg, needsRoot, file, args });
add('nft', 'nftables', true, join(dir, 'firewall/nftables.conf'), ['-c', '-f', join(dir, 'firewall/nftables.conf')]);
add('iptables-restore', 'iptables', true, join(dir, 'firewall/iptables.rules'), ['--test', join(dir, 'firewall/iptables.rules')]);
add('ip6tables-restore', 'iptables', true, join(dir, 'firewall/ip6tables.rules'), ['--test', join(dir, 'firewall/ip6tables.rules')]);
for (const f of existsSync(join(dir, 'freeswitch')) ? walk(join(dir, 'freeswitch')).filter((f) => f.endsWith('.xml')) : []) {
  add('xmllint', 'libxml2-utils', false, f, ['--noout', f]);
}
for (const f of ['firewall/ufw.sh', 'firewall/firewalld.sh']) add('sh', 'dash', false, join(dir, f), ['-n', join(dir, f)]);

let failed = 0;
for (const c of checks) {
  const name = relative(dir, c.file);
  if (!has(c.tool)) {
    console.log(`skipped   ${name}: ${c.tool} is not installed (Debian package ${c.pkg})`);
    continue;
  }
  if (c.needsRoot && !isRoot) {
    console.log(`skipped   ${name}: ${c.tool} checks need root`);
    continue;
  }
  const r = spawnSync(c.tool, c.args, { encoding: 'utf8' });
  if (r.status === 0) {
    console.log(`ok        ${name} (${c.tool} ${c.args.slice(0, -1).join(' ')})`);
  } else {
    failed++;
    console.log(`REJECTED  ${name} by ${c.tool}:\n${(r.stderr || r.stdout).trim()}`);
  }
}
console.log(failed ? `${failed} rendered file(s) rejected` : `${checks.length} rendered files checked with the real tools`);
process.exitCode = failed ? 1 : 0;
