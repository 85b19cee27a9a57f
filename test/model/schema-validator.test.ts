/**
 * The JSON Schema, its compiled validator and the carrier data stay in step: the committed
 * standalone validator is what the generator makes from the schema today, the schema is valid
 * draft 2020-12, and the built-in profile matches it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
// @ts-expect-error plain JavaScript module without types
import { generateSchemaValidator, AJV_OPTIONS } from '../../scripts/schema-validator-source.mjs';
import { validateCarrierSchema, validateTrunkSchema } from '../../src/model/schema-validator.js';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'trunk.schema.json'), 'utf8'));

describe('schemas/trunk.schema.json', () => {
  it('is draft 2020-12 and compiles in strict mode', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020({ ...(AJV_OPTIONS as object) });
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('matches the committed standalone validator (regenerate: node scripts/gen-schema-validator.mjs)', () => {
    const committed = readFileSync(join(root, 'src', 'model', 'generated', 'trunk-schema-validator.ts'), 'utf8');
    expect((generateSchemaValidator as (s: unknown) => string)(schema)).toBe(committed);
  });

  it('the built-in nexmo profile matches $defs/carrierProfile', () => {
    const data = parse(readFileSync(join(root, 'src', 'carriers', 'nexmo.yaml'), 'utf8'));
    expect(validateCarrierSchema(data)).toEqual([]);
  });

  it('the example model matches the schema', () => {
    const data = parse(readFileSync(join(root, 'fixtures', 'models', 'nexmo-example.yaml'), 'utf8'));
    expect(validateTrunkSchema(data)).toEqual([]);
  });

  it('rejects unknown keys everywhere (additionalProperties false)', () => {
    const errors = validateTrunkSchema({ account: { apiKey: 'k', secret: '${S}' }, numbers: { callerId: '1' }, region: 'us', extra: 1, pbx: [{ target: 'freeswitch', typo: 1 }] });
    expect(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => [e.instancePath, e.params['additionalProperty']])).toEqual([
      ['', 'extra'],
      ['/pbx/0', 'typo'],
    ]);
  });
});
