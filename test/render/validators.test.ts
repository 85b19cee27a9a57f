/**
 * The rendered files through the real tools that will read them: nft -c -f (nftables),
 * iptables-restore --test and ip6tables-restore --test, xmllint --noout on every XML file,
 * sh -n on the shell scripts. They check syntax and, for nft and iptables, that every match
 * and target exists in the kernel's vocabulary; nothing is applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderModel, type RenderedFile } from '../../src/render/index.js';
import { loadExample } from './helpers/load-example.js';
import { exampleModelAllTransports } from './helpers/example-model.js';
import fc from 'fast-check';

let dir: string;
const sets: { name: string; files: RenderedFile[] }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'siptrunk-render-validators-'));
  const { model } = await loadExample();
  sets.push({ name: 'example', files: renderModel(model, { secrets: 'placeholder' }) });
  sets.push({ name: 'all-transports', files: renderModel(exampleModelAllTransports(), { secrets: 'placeholder' }) });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(set: string, f: RenderedFile): string {
  const p = join(dir, set, f.path);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, f.content);
  return p;
}

function tool(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000, ...(input !== undefined ? { input } : {}) });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

describe.each(['example', 'all-transports'])('real validators on the %s rendering', (name) => {
  const files = () => sets.find((s) => s.name === name)!.files;

  it('nft -c -f accepts firewall/nftables.conf', () => {
    const f = files().find((x) => x.path === 'firewall/nftables.conf')!;
    const r = tool('nft', ['-c', '-f', write(name, f)]);
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });

  it('iptables-restore --test accepts firewall/iptables.rules', () => {
    const f = files().find((x) => x.path === 'firewall/iptables.rules')!;
    const r = tool('iptables-restore', ['--test', write(name, f)]);
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });

  it('ip6tables-restore --test accepts firewall/ip6tables.rules when the carrier has IPv6 addresses', () => {
    const f = files().find((x) => x.path === 'firewall/ip6tables.rules');
    if (name === 'example') {
      expect(f).toBeUndefined();
      return;
    }
    const r = tool('ip6tables-restore', ['--test', write(name, f!)]);
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });

  it('xmllint --noout accepts every XML file', () => {
    const xml = files().filter((x) => x.path.endsWith('.xml'));
    expect(xml.length).toBe(5);
    for (const f of xml) {
      const r = tool('xmllint', ['--noout', write(name, f)]);
      expect(r.out, f.path).toBe('');
      expect(r.status, f.path).toBe(0);
    }
  });

  it('sh -n accepts the ufw and firewalld scripts, which start with #!/bin/sh and set -e', () => {
    for (const path of ['firewall/ufw.sh', 'firewall/firewalld.sh']) {
      const f = files().find((x) => x.path === path)!;
      expect(f.content.startsWith('#!/bin/sh\n')).toBe(true);
      expect(f.content).toMatch(/^set -e$/m);
      expect(f.mode).toBe(0o755);
      const r = tool('sh', ['-n', write(name, f)]);
      expect(r.out, path).toBe('');
      expect(r.status, path).toBe(0);
    }
  });

  it('the FreePBX JSON parses', () => {
    for (const f of files().filter((x) => x.path.endsWith('.json'))) expect(() => JSON.parse(f.content)).not.toThrow();
  });
});

describe('overlapping carrier addresses (an address inside a listed network)', () => {
  it('nft -c accepts the merged set, iptables-restore --test the rules', () => {
    const m = exampleModelAllTransports();
    m.carrier = { ...m.carrier, signallingAddresses: ['5.10.112.121', '5.10.112.0/24', '5.10.112.122', '5.10.112.121', '2001:db8::/32', '2001:db8::10'] };
    const files = renderModel(m, { secrets: 'placeholder', targets: ['nftables', 'iptables'] });
    for (const f of files) {
      const p = write('overlap', f);
      const r = f.path.endsWith('nftables.conf') ? tool('nft', ['-c', '-f', p]) : tool(f.path.includes('ip6') ? 'ip6tables-restore' : 'iptables-restore', ['--test', p]);
      expect(r.out, f.path).toBe('');
      expect(r.status, f.path).toBe(0);
    }
  });
});

describe('random carrier address lists (IPv4, IPv6, networks, duplicates)', () => {
  it('always give rulesets nft -c, iptables-restore --test and ip6tables-restore --test accept', () => {
    const address = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`),
      fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, p]) => `${a}/${p}`),
    );
    let n = 0;
    fc.assert(
      fc.property(fc.array(address, { minLength: 1, maxLength: 8 }), fc.subarray(['udp', 'tcp', 'tls'] as const, { minLength: 1 }), (addrs, transports) => {
        const m = exampleModelAllTransports();
        m.carrier = { ...m.carrier, signallingAddresses: addrs };
        m.transports = [...transports];
        const files = renderModel(m, { secrets: 'placeholder', targets: ['nftables', 'iptables'] });
        for (const f of files) {
          const p = write(`random-${n++}`, f);
          const r = f.path.endsWith('nftables.conf') ? tool('nft', ['-c', '-f', p]) : tool(f.path.includes('ip6') ? 'ip6tables-restore' : 'iptables-restore', ['--test', p]);
          expect(r.out, `${f.path} for ${JSON.stringify(addrs)}`).toBe('');
          expect(r.status).toBe(0);
        }
      }),
      { numRuns: 12, seed: 0x5eed },
    );
  });
});

describe('random secrets in the FreeSWITCH gateway', () => {
  it('xmllint accepts every gateway file a secret passes the checks for, and reads the secret back', async () => {
    const { checkRenderable } = await import('../../src/render/index.js');
    const { Secret } = await import('../../src/util/secret.js');
    const secret = fc.string({ unit: fc.oneof(fc.constantFrom('"', "'", '<', '>', '&', ';', ']]>', '--', '$', '{', '\\', ' ', '\n'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 16 });
    let n = 0;
    let accepted = 0;
    fc.assert(
      fc.property(secret, (v) => {
        const m = exampleModelAllTransports();
        m.account = { ...m.account, secretRef: { kind: 'inline', value: new Secret(v, 'inline') } };
        if (checkRenderable(m, { secrets: 'inline', targets: ['freeswitch'] }).some((f) => f.severity === 'error')) return;
        accepted++;
        const f = renderModel(m, { secrets: 'inline', targets: ['freeswitch'] }).find((x) => x.path.includes('sip_profiles/external'))!;
        const p = write(`secret-${n++}`, f);
        const r = tool('xmllint', ['--noout', p]);
        expect(r.out).toBe('');
        expect(r.status).toBe(0);
        const read = tool('xmllint', ['--xpath', 'string(//param[@name="password"]/@value)', p]);
        expect(read.out.replace(/\n$/, '')).toBe(v); // xmllint ends the value with a newline
      }),
      { numRuns: 25, seed: 0x5eed },
    );
    expect(accepted).toBeGreaterThan(5);
  });
});

describe('the validators reject a broken file (so the checks above can fail)', () => {
  it('nft -c rejects a rule with an unknown keyword', () => {
    const p = join(dir, 'broken.nft');
    writeFileSync(p, 'table inet t { chain c { type filter hook input priority 0; policy accept; udp dport 5060 acept } }\n');
    expect(tool('nft', ['-c', '-f', p]).status).not.toBe(0);
  });
  it('iptables-restore --test rejects an unknown option', () => {
    const p = join(dir, 'broken.rules');
    writeFileSync(p, '*filter\n:X - [0:0]\n-A X --no-such-option -j ACCEPT\nCOMMIT\n');
    expect(tool('iptables-restore', ['--test', p]).status).not.toBe(0);
  });
  it('xmllint rejects an unescaped quote in an attribute', () => {
    const p = join(dir, 'broken.xml');
    writeFileSync(p, '<a b="x"y"/>\n');
    expect(tool('xmllint', ['--noout', p]).status).not.toBe(0);
  });
});
