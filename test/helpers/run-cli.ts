/**
 * Runs the siptrunk CLI in a child process and captures its output and exit code.
 *
 * Two modes:
 * - `source` (the default): runs src/cli/main.ts through test/helpers/ts-loader.mjs, so tests
 *   need no build and always test the code as it is;
 * - `built`: runs dist/src/cli/main.js (after `npm run build`), as `npx siptrunk` does.
 *   Chosen with { mode: 'built' } or SIPTRUNK_TEST_CLI=built in the environment.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunCliOptions {
  /** Extra environment (merged over process.env; NO_COLOR is set unless given). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  /** Kill the child after this long (default 20 s); the result then has timedOut: true. */
  timeoutMs?: number;
  mode?: 'source' | 'built';
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export function cliCommand(mode: 'source' | 'built' = (process.env['SIPTRUNK_TEST_CLI'] as 'built' | undefined) ?? 'source'): string[] {
  return mode === 'built'
    ? [join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js')]
    : ['--import', join(REPO_ROOT, 'test', 'helpers', 'ts-register.mjs'), join(REPO_ROOT, 'src', 'cli', 'main.ts')];
}

export function runCli(args: readonly string[], opts: RunCliOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...cliCommand(opts.mode), ...args], {
      cwd: opts.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 20_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, timedOut });
    });
    child.stdin.end(opts.input ?? '');
  });
}
