/**
 * `siptrunk serve` as a process: --check, start-up on a free port, JSON logs without secrets,
 * and a graceful SIGTERM shutdown within the configured bound while a probe of a silent peer
 * is still in flight.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliCommand, REPO_ROOT, runCli } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/ports.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';
import { basic, KEYS, sha256hex } from './helpers/service.js';

// Each test runs the CLI as a process (a second or more of start-up on a loaded machine).
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const HOST = '127.0.30.40';
const PEER = '127.0.30.41';
const SILENT = new URL('../peers/sipp/silent.xml', import.meta.url).pathname;
let dir: string;
let silent: SippProcess;

function config(extra: string[] = []): string {
  return [
    `listen: { host: ${HOST}, port: 0 }`,
    'shutdownTimeout: 2s',
    'auth:',
    '  keys:',
    `    - { key: ${KEYS.ok.key}, secretSha256: ${sha256hex(KEYS.ok.secret)} }`,
    '  jwt: { privateKeyFile: ./jwt.pem }',
    'modules:',
    '  slow: { timeout: 30s, interval: 200ms, jitter: 0s }',
    'targets:',
    `  - { name: silent, target: "sip:${PEER}:${silent.port}", module: slow }`,
    ...extra,
    '',
  ].join('\n');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'siptrunk-serve-'));
  silent = await startSippUas({ scenario: SILENT, host: PEER });
});
afterAll(async () => {
  await silent?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('siptrunk serve', () => {
  it('--check accepts a good configuration and exits 0', async () => {
    writeFileSync(join(dir, 'good.yaml'), config());
    const r = await runCli(['serve', '--config', join(dir, 'good.yaml'), '--check']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^configuration OK: 1 targets, 1 modules, 1 API keys/);
  });

  it('--check refuses a bad configuration with file:line:column and exits 3', async () => {
    writeFileSync(join(dir, 'bad.yaml'), config(['bogus: 1']));
    const r = await runCli(['serve', '--config', join(dir, 'bad.yaml'), '--check']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad\.yaml:11:1: error SERVICE_CONFIG_INVALID at \/bogus: unknown key "bogus"/);
  });

  it('shuts down on SIGTERM within its bound while a probe is in flight, and logs no secret', async () => {
    writeFileSync(join(dir, 'run.yaml'), config());
    const child = spawn(process.execPath, [...cliCommand(), 'serve', '--config', join(dir, 'run.yaml')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      let url = '';
      await waitFor(() => {
        const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (m) url = m[1]!;
        return url !== '' || child.exitCode !== null;
      }, 30_000, 'the service to listen');
      expect(url, err).toMatch(/^http:\/\/127\.0\.30\.40:\d+$/);
      const targets = await fetch(`${url}/v1/targets`, { headers: { authorization: basic(KEYS.ok.key, KEYS.ok.secret) } });
      expect(targets.status).toBe(200);
      await new Promise((r) => setTimeout(r, 500)); // the silent probe is now waiting for an answer
      const t0 = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      const took = Date.now() - t0;
      expect(code, err).toBe(0);
      expect(took).toBeLessThan(2000 + 1500);
      const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; abortedProbes?: number });
      expect(lines.some((l) => l.msg === 'shutting down')).toBe(true);
      expect(lines.find((l) => l.msg === 'service stopped')?.abortedProbes).toBe(1);
      expect(out).not.toContain(KEYS.ok.secret);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
