#!/usr/bin/env node
// Compiles schemas/trunk.schema.json with ajv ONCE, at development time, into standalone
// validation code (src/model/generated/trunk-schema-validator.ts). Compiling the schema at run
// time took about 90 ms on the project machines, most of a cold `siptrunk validate`; the
// generated code loads in a few. test/model/schema-validator.test.ts regenerates the code in
// memory and fails when the committed file is out of date, so the two cannot drift.
//
// Usage: node scripts/gen-schema-validator.mjs          (writes the file)
//        node scripts/gen-schema-validator.mjs --stdout (prints it)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSchemaValidator } from './schema-validator-source.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'trunk.schema.json'), 'utf8'));
const source = generateSchemaValidator(schema);
if (process.argv.includes('--stdout')) process.stdout.write(source);
else writeFileSync(join(root, 'src', 'model', 'generated', 'trunk-schema-validator.ts'), source);
