/**
 * The example model for golden and parity tests: fixtures/models/nexmo-example.yaml loaded with
 * loadModel when that file exists, else the hand-built equivalent (helpers/example-model.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TrunkModel } from '../../../src/model/types.js';
import { exampleModel } from './example-model.js';

export const EXAMPLE_FILE = fileURLToPath(new URL('../../../fixtures/models/nexmo-example.yaml', import.meta.url));

export async function loadExample(): Promise<{ model: TrunkModel; fromFile: boolean }> {
  if (!existsSync(EXAMPLE_FILE)) return { model: exampleModel(), fromFile: false };
  const { loadModel } = await import('../../../src/model/load-model.js');
  const r = await loadModel(EXAMPLE_FILE);
  if (!r.ok || !r.model) throw new Error(`the example model is invalid: ${JSON.stringify(r.findings)}`);
  return { model: r.model, fromFile: true };
}
