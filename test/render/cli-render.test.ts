/**
 * `siptrunk render` end to end, in a child process (test/helpers/run-cli.ts): exit codes, the
 * files it writes, --check with a drifted file, --json, and the secret never on the terminal.
 * (Kept under test/render/ with the rest of the render tests.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { EXAMPLE_FILE } from './helpers/load-example.js';

const SECRET = 'Cli5ecretValue';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'siptrunk-render-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run compiles the TypeScript sources on the fly (a few seconds on a busy machine).
describe('siptrunk render', { timeout: 120_000 }, () => {
  it('renders the example to every target, summarises the files, exits 0', async () => {
    const out = join(dir, 'all');
    const r = await runCli(['render', EXAMPLE_FILE, '--out', out]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote {5}asterisk\/pjsip\.conf \(asterisk-pjsip, \d+ bytes, mode 0644\)$/m);
    expect(r.stdout).toMatch(/^15 files for asterisk-chansip, asterisk-pjsip, freepbx, freeswitch, iptables, nftables, ufw, firewalld in .* \(15 written, 0 unchanged\), secrets: placeholder$/m);
    expect(readFileSync(join(out, 'asterisk/pjsip.conf'), 'utf8')).toContain('password = <secret>');
    expect(readFileSync(join(out, 'firewall/nftables.conf'), 'utf8')).toContain('table inet siptrunk_nexmo {');
    // The example renders without a finding (chan_sip and pjsip have distinct outbound contexts).
    expect(r.stderr).not.toMatch(/warning|error/);
  });

  it('renders only the named targets', async () => {
    const out = join(dir, 'some');
    const r = await runCli(['render', EXAMPLE_FILE, '--out', out, '--target', 'nftables', 'ufw', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(true);
    expect(j.files.map((f: { path: string }) => f.path)).toEqual(['firewall/nftables.conf', 'firewall/ufw.sh']);
    expect(j.files[1]).toMatchObject({ target: 'ufw', mode: '0755', changed: true });
  });

  it('--secrets inline writes the secret into the files (mode 600) and never prints it', async () => {
    const out = join(dir, 'inline');
    const r = await runCli(['render', EXAMPLE_FILE, '--out', out, '--secrets', 'inline'], { env: { NEXMO_API_SECRET: SECRET } });
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'asterisk/pjsip.conf'), 'utf8')).toContain(`password = ${SECRET}`);
    expect(statSync(join(out, 'asterisk/pjsip.conf')).mode & 0o777).toBe(0o600);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('--secrets inline with the variable unset exits 2 naming the variable, not a value', async () => {
    const r = await runCli(['render', EXAMPLE_FILE, '--out', join(dir, 'unset'), '--secrets', 'inline'], { env: { NEXMO_API_SECRET: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NEXMO_API_SECRET/);
  });

  it('--secrets inline with a secret the formats cannot hold exits 1 with findings that do not quote it', async () => {
    const r = await runCli(['render', EXAMPLE_FILE, '--out', join(dir, 'badsecret'), '--secrets', 'inline', '--target', 'asterisk-pjsip'], { env: { NEXMO_API_SECRET: 'Bad;Secret42' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error RENDER_UNSAFE_VALUE at \/account\/secretRef/);
    expect(r.stdout + r.stderr).not.toContain('Bad;Secret42');
    expect(r.stdout + r.stderr).not.toContain('Secret42');
  });

  it('--check exits 0 when the deployed files match, 1 with a diff when one drifted', async () => {
    const out = join(dir, 'check');
    expect((await runCli(['render', EXAMPLE_FILE, '--out', out])).code).toBe(0);
    const same = await runCli(['render', EXAMPLE_FILE, '--out', out, '--check']);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^15 files in .* match the model$/m);
    const p = join(out, 'firewall/iptables.rules');
    writeFileSync(p, readFileSync(p, 'utf8').replace('--dport 10000:20000', '--dport 10000:30000'));
    const drift = await runCli(['render', EXAMPLE_FILE, '--out', out, '--check']);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('--- a/firewall/iptables.rules\n+++ b/firewall/iptables.rules\n');
    expect(drift.stdout).toMatch(/^-.*--dport 10000:30000 .*$/m);
    expect(drift.stdout).toMatch(/^\+.*--dport 10000:20000 .*$/m);
    expect(drift.stdout).toMatch(/^1 of 15 files in .* drifted from the model$/m);
  });

  it('--check with --secrets inline withholds the diff of a file holding the secret', async () => {
    const out = join(dir, 'check-inline');
    const env = { NEXMO_API_SECRET: SECRET };
    expect((await runCli(['render', EXAMPLE_FILE, '--out', out, '--secrets', 'inline'], { env })).code).toBe(0);
    writeFileSync(join(out, 'asterisk/pjsip.conf'), 'tampered\n');
    const r = await runCli(['render', EXAMPLE_FILE, '--out', out, '--secrets', 'inline', '--check'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('asterisk/pjsip.conf: changed (diff withheld: the file holds the secret)');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('exits 1 with the findings when the model is invalid', async () => {
    const bad = join(dir, 'bad.yaml');
    copyFileSync(EXAMPLE_FILE, bad);
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('codecs: [PCMU, PCMA, G729]', 'codecs: [NOPE]'));
    const r = await runCli(['render', bad, '--out', join(dir, 'bad')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: error /);
  });

  it('exits 2 for an unreadable model file or an unknown target', async () => {
    const missing = await runCli(['render', join(dir, 'nope.yaml'), '--out', join(dir, 'x')]);
    expect(missing.code).toBe(2);
    const target = await runCli(['render', EXAMPLE_FILE, '--out', join(dir, 'x'), '--target', 'asterisk-iax']);
    expect(target.code).toBe(2);
    expect(target.stderr).toMatch(/RENDER_UNKNOWN_TARGET.*asterisk-iax/);
    expect(target.stderr).toMatch(/expected: one of asterisk-chansip, asterisk-pjsip/);
  });
});
