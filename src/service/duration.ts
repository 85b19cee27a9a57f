import { SiptrunkError } from '../util/siptrunk-error.js';

const UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Parses a lifetime such as `30s`, `15m`, `24h`, `1h30m` or a bare number of seconds into
 * seconds. Used by the token lifetime (`--ttl`, `POST /v1/tokens`) and the service config.
 */
export function parseDurationSeconds(text: string | number, where = 'duration'): number {
  if (typeof text === 'number') {
    if (Number.isFinite(text) && text >= 0) return text;
  } else {
    const t = text.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
    let total = 0;
    let matched = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      total += Number(m[1]) * (UNITS[m[2] as string] as number);
      matched = re.lastIndex;
    }
    if (t.length > 0 && matched === t.length) return total;
  }
  throw new SiptrunkError('SERVICE_DURATION_SYNTAX', `${where}: "${String(text)}" is not a duration`, {
    expected: 'a number of seconds or a duration like 30s, 15m, 24h, 1h30m',
  });
}
