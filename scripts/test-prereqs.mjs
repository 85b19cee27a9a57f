#!/usr/bin/env node
// Runs before `npm test`. The suite talks to real peers and real validators (sipp, Kamailio,
// nft, iptables-restore, xmllint, promtool, prometheus, dnsmasq), which come from Debian's
// packages. When one is missing: as root with apt-get, install them (that is what a fresh
// machine of this project needs); otherwise say exactly which command installs them.
import { execFileSync, spawnSync } from 'node:child_process';

const tools = {
  sipp: 'sip-tester',
  kamailio: 'kamailio',
  nft: 'nftables',
  'iptables-restore': 'iptables',
  xmllint: 'libxml2-utils',
  promtool: 'prometheus',
  prometheus: 'prometheus',
  dnsmasq: 'dnsmasq-base',
};

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd} || test -x /usr/sbin/${cmd}`], { stdio: 'ignore' }).status === 0;
const missing = new Set();
for (const [cmd, pkg] of Object.entries(tools)) if (!has(cmd)) missing.add(pkg);
// Kamailio's TLS module is a separate package with no binary of its own.
if (spawnSync('sh', ['-c', 'ls /usr/lib/*/kamailio/modules/tls.so']).status !== 0) missing.add('kamailio-tls-modules');
if (missing.size === 0) process.exit(0);

const pkgs = [...missing].join(' ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get')) {
  console.error(`test prerequisites: installing ${pkgs} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs.split(' ')], { stdio: 'inherit', env });
    process.exit(0);
  } catch {
    console.error('test prerequisites: apt-get failed; see above');
    process.exit(1);
  }
}
console.error(`The tests run real SIP peers and validators. Install them first:\n  sudo apt-get install -y --no-install-recommends ${pkgs}`);
process.exit(1);
