/**
 * Turns the account's secret reference into a Secret. Errors name the variable or the file,
 * never the value.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { SecretRef } from './types.js';
import { Secret } from '../util/secret.js';
import { SiptrunkError } from '../util/siptrunk-error.js';

/** A safe description of where the secret comes from: `env:NEXMO_API_SECRET`, `file:./secret.txt`, `inline`. */
export function describeSecretRef(ref: SecretRef): string {
  return ref.kind === 'env' ? `env:${ref.name}` : ref.kind === 'file' ? `file:${ref.path}` : 'inline';
}

/**
 * Resolves a secret reference. `${NAME}` reads the environment; a file is read whole, minus one
 * trailing newline, relative to `baseDir` (the model file's folder) when not absolute.
 */
export async function resolveSecret(ref: SecretRef, baseDir?: string): Promise<Secret> {
  if (ref.kind === 'inline') {
    if (ref.value.length === 0) throw new SiptrunkError('MODEL_SECRET_EMPTY', 'the inline secret is empty', { location: { path: '/account/secret' }, expected: 'a non-empty secret' });
    return ref.value;
  }
  if (ref.kind === 'env') {
    const value = process.env[ref.name];
    if (value === undefined) {
      throw new SiptrunkError('MODEL_SECRET_ENV_UNSET', `the environment variable ${ref.name} (the account secret) is not set`, {
        location: { path: '/account/secret' },
        expected: `export ${ref.name}=... before running siptrunk`,
      });
    }
    if (value === '') {
      throw new SiptrunkError('MODEL_SECRET_EMPTY', `the environment variable ${ref.name} (the account secret) is empty`, {
        location: { path: '/account/secret' },
        expected: `a non-empty value in ${ref.name}`,
      });
    }
    return new Secret(value, `env:${ref.name}`);
  }
  const path = isAbsolute(ref.path) || !baseDir ? ref.path : resolve(baseDir, ref.path);
  let text: string;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    text = await readFile(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.code === 'ENOTFILE' ? 'not a regular file' : (e.code ?? 'unreadable');
    throw new SiptrunkError('MODEL_SECRET_FILE_UNREADABLE', `cannot read the secret file ${path}: ${why}`, {
      location: { file: path, path: '/account/secret' },
      expected: 'a readable file holding the secret (mode 600)',
    });
  }
  const value = text.replace(/\r?\n$/, '');
  if (value === '') {
    throw new SiptrunkError('MODEL_SECRET_EMPTY', `the secret file ${path} is empty`, { location: { file: path, path: '/account/secret' }, expected: 'a file holding the secret' });
  }
  return new Secret(value, `file:${ref.path}`);
}
