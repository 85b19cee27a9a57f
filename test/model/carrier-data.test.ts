/** The JSON twins of the carrier profiles (what siptrunk loads) match their YAML sources. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = join(import.meta.dirname, '..', '..', 'src', 'carriers');
const sources = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('src/carriers', () => {
  it('has the nexmo profile', () => expect(sources).toContain('nexmo.yaml'));
  it.each(sources)('%s matches its JSON twin (regenerate: node scripts/gen-carrier-json.mjs)', (f) => {
    const yaml = parse(readFileSync(join(dir, f), 'utf8'));
    const json = JSON.parse(readFileSync(join(dir, f.replace(/\.yaml$/, '.json')), 'utf8'));
    expect(json).toEqual(yaml);
  });
});
