/** Reads a Digest secret from an environment variable or a file, as a Secret (never a plain string in logs). */
import { readFileSync } from 'node:fs';
import { Secret } from '../util/secret.js';
import { SiptrunkError } from '../util/siptrunk-error.js';

export function readSecret(src: { env?: string | undefined; file?: string | undefined }): Secret | undefined {
  if (src.env) {
    const v = process.env[src.env];
    if (v === undefined || v === '') {
      throw new SiptrunkError('PROBE_SECRET_UNREADABLE', `the environment variable ${src.env} is not set or empty`, {
        expected: `export ${src.env}=<the API secret>`,
      });
    }
    return new Secret(v, `env:${src.env}`);
  }
  if (src.file) {
    let v: string;
    try {
      v = readFileSync(src.file, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      throw new SiptrunkError('PROBE_SECRET_UNREADABLE', `cannot read the secret file: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, {
        location: { file: src.file },
        expected: 'a readable file holding the API secret',
      });
    }
    if (v === '') throw new SiptrunkError('PROBE_SECRET_UNREADABLE', 'the secret file is empty', { location: { file: src.file }, expected: 'the API secret' });
    return new Secret(v, `file:${src.file}`);
  }
  return undefined;
}
