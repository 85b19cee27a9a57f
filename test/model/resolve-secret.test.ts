import { mkdtempSync, rmSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSecretRef, resolveSecret } from '../../src/model/resolve-secret.js';
import { Secret } from '../../src/util/secret.js';
import type { SiptrunkError } from '../../src/util/siptrunk-error.js';

const dir = mkdtempSync(join(tmpdir(), 'siptrunk-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(p: Promise<unknown>): Promise<SiptrunkError> {
  try {
    await p;
  } catch (e) {
    return e as SiptrunkError;
  }
  throw new Error('expected a rejection');
}

describe('resolveSecret', () => {
  it('reads ${ENV} from the environment into a Secret', async () => {
    process.env['SIPTRUNK_TEST_SECRET'] = 's3cret-from-env';
    const s = await resolveSecret({ kind: 'env', name: 'SIPTRUNK_TEST_SECRET' });
    expect(s).toBeInstanceOf(Secret);
    expect(s.reveal()).toBe('s3cret-from-env');
    expect(s.origin).toBe('env:SIPTRUNK_TEST_SECRET');
    expect(String(s)).not.toContain('s3cret');
    expect(JSON.stringify({ s })).not.toContain('s3cret');
    expect(inspect(s)).not.toContain('s3cret');
    delete process.env['SIPTRUNK_TEST_SECRET'];
  });

  it('an unset variable is MODEL_SECRET_ENV_UNSET naming the variable', async () => {
    const e = await failure(resolveSecret({ kind: 'env', name: 'SIPTRUNK_TEST_UNSET_VAR' }));
    expect(e.code).toBe('MODEL_SECRET_ENV_UNSET');
    expect(e.message).toContain('SIPTRUNK_TEST_UNSET_VAR');
  });

  it('an empty variable is MODEL_SECRET_EMPTY', async () => {
    process.env['SIPTRUNK_TEST_EMPTY'] = '';
    expect((await failure(resolveSecret({ kind: 'env', name: 'SIPTRUNK_TEST_EMPTY' }))).code).toBe('MODEL_SECRET_EMPTY');
    delete process.env['SIPTRUNK_TEST_EMPTY'];
  });

  it('reads a file relative to the base folder, minus the trailing newline', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'file-secret-value\n');
    const s = await resolveSecret({ kind: 'file', path: './secret.txt' }, dir);
    expect(s.reveal()).toBe('file-secret-value');
    expect(s.origin).toBe('file:./secret.txt');
  });

  it('a missing, empty or unreadable file is an error naming the file, never the value', async () => {
    const missing = await failure(resolveSecret({ kind: 'file', path: 'nope.txt' }, dir));
    expect(missing.code).toBe('MODEL_SECRET_FILE_UNREADABLE');
    expect(missing.message).toContain(join(dir, 'nope.txt'));
    writeFileSync(join(dir, 'empty.txt'), '\n');
    expect((await failure(resolveSecret({ kind: 'file', path: join(dir, 'empty.txt') }))).code).toBe('MODEL_SECRET_EMPTY');
    mkdirSync(join(dir, 'adir'));
    expect((await failure(resolveSecret({ kind: 'file', path: 'adir' }, dir))).message).toContain('not a regular file');
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, 'locked.txt'), 'locked-value');
      chmodSync(join(dir, 'locked.txt'), 0);
      const e = await failure(resolveSecret({ kind: 'file', path: 'locked.txt' }, dir));
      expect(e.message).toContain('permission denied');
      expect(e.message).not.toContain('locked-value');
    }
  });

  it('an inline secret is returned as it is', async () => {
    const s = await resolveSecret({ kind: 'inline', value: new Secret('inline-value') });
    expect(s.reveal()).toBe('inline-value');
  });

  it('describes a reference without its value', () => {
    expect(describeSecretRef({ kind: 'env', name: 'X' })).toBe('env:X');
    expect(describeSecretRef({ kind: 'file', path: './s' })).toBe('file:./s');
    expect(describeSecretRef({ kind: 'inline', value: new Secret('v') })).toBe('inline');
  });
});
