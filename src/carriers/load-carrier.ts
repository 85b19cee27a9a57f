/**
 * Built-in carrier profiles: data files src/carriers/<id>.yaml, read on first use, checked
 * against $defs/carrierProfile of schemas/trunk.schema.json and kept. Each YAML file has a JSON
 * twin (src/carriers/<id>.json, written by scripts/gen-carrier-json.mjs and kept in step by a
 * test) which is what is read: JSON.parse takes well under a millisecond where the yaml library
 * takes about 15 ms, a tenth of a cold `siptrunk validate`. Without the twin the YAML is read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type * as Yaml from 'yaml';
import type { CarrierProfile } from '../model/types.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { packagePath } from '../util/paths.js';
import { validateCarrierSchema } from '../model/schema-validator.js';
import { lazyRequire } from '../model/lazy-require.js';

const cache = new Map<string, CarrierProfile>();

/** Ids of the built-in profiles (file names without .yaml). */
export function builtInCarrierIds(): string[] {
  return readdirSync(packagePath('src', 'carriers'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** The path of a built-in profile's data file. */
export function carrierProfileFile(id: string): string {
  return packagePath('src', 'carriers', `${id}.yaml`);
}

/**
 * A built-in carrier profile by id. Returns a deep copy: callers may change it (overrides).
 * Throws MODEL_CARRIER_UNKNOWN for an id with no data file.
 */
export function loadCarrierProfile(id: string): CarrierProfile {
  let profile = cache.get(id);
  if (!profile) {
    const ids = builtInCarrierIds();
    if (!/^[a-z][a-z0-9_-]{0,31}$/.test(id) || !ids.includes(id)) {
      throw new SiptrunkError('MODEL_CARRIER_UNKNOWN', `no built-in carrier profile is named "${id}"`, {
        expected: `one of ${ids.join(', ')}, or a full carrier description (a mapping without base:)`,
      });
    }
    const file = carrierProfileFile(id);
    const twin = file.replace(/\.yaml$/, '.json');
    const data: unknown = existsSync(twin) ? JSON.parse(readFileSync(twin, 'utf8')) : (lazyRequire('yaml') as typeof Yaml).parse(readFileSync(file, 'utf8'));
    const errors = validateCarrierSchema(data);
    if (errors.length) {
      const e = errors[0]!;
      throw new SiptrunkError('MODEL_CARRIER_PROFILE_INVALID', `the built-in carrier profile ${id} is broken: ${e.instancePath || '/'} ${e.message ?? e.keyword}`, {
        location: { file, path: e.instancePath },
        expected: 'a profile matching $defs/carrierProfile of schemas/trunk.schema.json',
      });
    }
    profile = data as CarrierProfile;
    cache.set(id, profile);
  }
  return structuredClone(profile);
}
