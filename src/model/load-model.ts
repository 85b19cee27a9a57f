/**
 * The model's public entry points: loadModel(file) reads and validates a YAML file;
 * validateModel(text) and validateModelObject(obj) validate text or parsed data.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ValidationResult } from './types.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { MAX_MODEL_BYTES, validateModel } from './validate-model.js';

export { validateModel, validateModelObject, type ValidateOptions } from './validate-model.js';

/**
 * Reads and validates a model file. Problems in the model are findings in the result; a file
 * that cannot be read at all throws SiptrunkError MODEL_FILE_UNREADABLE.
 * `model.source` is the absolute path; findings name the file as given.
 */
export async function loadModel(file: string): Promise<ValidationResult> {
  let text: string;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st.size > MAX_MODEL_BYTES) throw Object.assign(new Error(`is ${st.size} bytes, more than ${MAX_MODEL_BYTES}`), { code: 'EFBIG' });
    text = await readFile(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'it is a directory' : e.message;
    throw new SiptrunkError('MODEL_FILE_UNREADABLE', `cannot read the model file ${file}: ${why}`, {
      location: { file },
      expected: 'a readable YAML trunk model file, e.g. fixtures/models/nexmo-example.yaml',
      cause: err,
    });
  }
  const abs = resolve(file);
  const result = validateModel(text, { file, baseDir: resolve(abs, '..') });
  if (result.model) result.model.source = abs;
  return result;
}
