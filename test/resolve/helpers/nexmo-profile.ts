import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CarrierProfile } from '../../../src/model/types.js';

/** The built-in Vonage (Nexmo) carrier profile, read straight from src/carriers/nexmo.yaml. */
export function nexmoProfile(): CarrierProfile {
  return parse(readFileSync(new URL('../../../src/carriers/nexmo.yaml', import.meta.url), 'utf8')) as CarrierProfile;
}
