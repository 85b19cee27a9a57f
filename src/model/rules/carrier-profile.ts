/**
 * The carrier: a built-in profile by name, a built-in profile with overrides
 * (`{ base: nexmo, domain: ... }`: mappings merge key by key, lists and values replace), or a
 * full description of another carrier. The result is checked against $defs/carrierProfile and
 * for consistency (port ranges, timeout range, addresses).
 */
import { ipFamily } from './ip-address.js';
import type { CarrierProfile, Finding } from '../types.js';
import type { RawCarrier } from '../raw-model.js';
import { loadCarrierProfile } from '../../carriers/load-carrier.js';
import { validateCarrierSchema } from '../schema-validator.js';
import { isSiptrunkError } from '../../util/siptrunk-error.js';
import { classifyHost } from './host.js';
import type { SourceMap } from '../source-map.js';

export interface CarrierResolution {
  profile: CarrierProfile | undefined;
  findings: Finding[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Mappings merge key by key; anything else (lists included) replaces. */
export function mergeProfile(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return structuredClone(override);
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeProfile(base[k], v) : structuredClone(v);
  return out;
}

export function resolveCarrier(raw: string | RawCarrier, map: SourceMap): CarrierResolution {
  const findings: Finding[] = [];
  const at = (path: string, code: string, message: string, expected?: string): void => {
    findings.push({ severity: 'error', code, message, path, ...(expected ? { expected } : {}), ...map.locate(path) });
  };
  let candidate: unknown;
  try {
    if (typeof raw === 'string') {
      candidate = loadCarrierProfile(raw);
    } else if (raw.base !== undefined) {
      const { base, ...overrides } = raw;
      candidate = mergeProfile(loadCarrierProfile(base), overrides);
    } else {
      candidate = structuredClone(raw);
    }
  } catch (err) {
    if (!isSiptrunkError(err)) throw err;
    at(typeof raw === 'string' ? '/carrier' : '/carrier/base', err.code, err.message, err.expected);
    return { profile: undefined, findings };
  }
  for (const e of validateCarrierSchema(candidate)) {
    at(`/carrier${e.instancePath}`, 'MODEL_CARRIER_PROFILE_INVALID', `the carrier profile is not valid at ${e.instancePath || '/'}: ${e.message ?? e.keyword}`, 'see $defs/carrierProfile in schemas/trunk.schema.json');
  }
  if (findings.length) return { profile: undefined, findings };
  const profile = candidate as CarrierProfile;

  if (profile.media.portMin > profile.media.portMax) {
    at('/carrier/media', 'MODEL_CARRIER_PROFILE_INVALID', `media.portMin ${profile.media.portMin} is above media.portMax ${profile.media.portMax}`, 'portMin <= portMax');
  }
  const f = profile.forward;
  if (!(f.timeoutMinMs <= f.timeoutDefaultMs && f.timeoutDefaultMs <= f.timeoutMaxMs)) {
    at('/carrier/forward', 'MODEL_CARRIER_PROFILE_INVALID', `forward timeouts must satisfy min <= default <= max (they are ${f.timeoutMinMs}, ${f.timeoutDefaultMs}, ${f.timeoutMaxMs})`, 'timeoutMinMs <= timeoutDefaultMs <= timeoutMaxMs');
  }
  profile.signallingAddresses.forEach((a, i) => {
    const [addr, prefix, extra] = a.split('/');
    const family = ipFamily(addr ?? '');
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= max))) {
      at(`/carrier/signallingAddresses/${i}`, 'MODEL_CARRIER_PROFILE_INVALID', `"${a}" is not an IPv4 or IPv6 address or CIDR block`, 'an address (173.193.199.24) or a CIDR block (5.10.112.120/29)');
    }
  });
  const domain = classifyHost(profile.domain);
  if ('error' in domain) at('/carrier/domain', 'MODEL_CARRIER_PROFILE_INVALID', `the carrier domain is not valid: ${domain.error}`, 'a domain name such as sip.nexmo.com');
  profile.endpoints.forEach((e, i) => {
    const h = classifyHost(e.host);
    if ('error' in h) at(`/carrier/endpoints/${i}/host`, 'MODEL_CARRIER_PROFILE_INVALID', `endpoint host is not valid: ${h.error}`, 'a domain name or address');
  });
  const ids = new Set<string>();
  profile.regions.forEach((r, i) => {
    if (ids.has(r.id)) at(`/carrier/regions/${i}/id`, 'MODEL_CARRIER_PROFILE_INVALID', `region id "${r.id}" appears twice`, 'unique region ids');
    ids.add(r.id);
  });
  return { profile: findings.length ? undefined : profile, findings };
}
