/**
 * The carrier dashboard's "Forward to SIP" list: one comma-separated string
 * (`1234567890@mydomain.com, 1234567890@my2domain.com`) or a list. Order is failover order: the
 * carrier tries the first entry, and on a 5xx answer (or no answer within the entry's timeout)
 * the next. Each entry:
 * - a SIP URI, `sip:` when no scheme is written (the dashboard's own example has none);
 * - `sips:` means TLS, port 5061 unless another is written (the carrier document: "By default,
 *   traffic is sent to port 5061");
 * - `;transport=udp|tcp|tls` picks the transport of a sip: URI; without it sip: is UDP. Default
 *   ports follow RFC 3263 section 4.2 / RFC 3261 section 19.1.2: 5060, and 5061 for TLS;
 * - `;timeout=` in milliseconds within the carrier's range (2000-20000, default 5000).
 * The list is split on commas, as the dashboard does, so a comma inside a user part (allowed
 * by RFC 3261) cannot be expressed in the string form; use the YAML list form for that.
 */
import type { CarrierProfile, Finding, ForwardEntry, Transport } from '../types.js';
import { checkSipUri, uriHost } from './sip-uri.js';
import { unreachableReason } from './host.js';

export type ForwardRules = CarrierProfile['forward'];

export interface ForwardListOptions {
  /** The carrier's timeout rules (carrier.forward). */
  rules: ForwardRules;
  /** Carrier name, for messages. */
  carrierName?: string;
}

export interface ForwardListResult {
  /** Valid entries, in failover order. `index` is the entry's position in the input. */
  entries: ForwardEntry[];
  /**
   * Problems; `path` is `/<entry index>` (or '' for the list), and for the string form `column`
   * is the 1-based position of the entry in the string.
   */
  findings: Finding[];
}

/** The raw entries: text, position in the input string (string form), index. */
export function splitForwardList(input: string | readonly string[]): { text: string; offset: number | undefined }[] {
  if (typeof input !== 'string') return input.map((text) => ({ text: text.trim(), offset: undefined }));
  if (input.trim() === '') return [];
  const out: { text: string; offset: number | undefined }[] = [];
  let start = 0;
  for (const piece of input.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    out.push({ text: piece.trim(), offset: start + lead });
    start += piece.length + 1;
  }
  return out;
}

const KNOWN_SCHEMES = new Set(['sip', 'sips', 'tel', 'http', 'https', 'mailto', 'urn', 'ws', 'wss', 'im', 'pres', 'h323', 'xmpp']);

/** The text with `sip:` in front when it has no scheme. `mydomain.com:5062` has none. */
function withScheme(text: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  if (!m) return 'sip:' + text;
  const scheme = m[1]!.toLowerCase();
  if (KNOWN_SCHEMES.has(scheme)) return text;
  // "host:port..." or "[v6]..." has no scheme; a word followed by something not a port is an unknown scheme.
  if (scheme.includes('.') || /^\d+(?:[;?]|$)/.test(text.slice(m[0].length))) return 'sip:' + text;
  return text;
}

export function parseForwardList(input: string | readonly string[], opts: ForwardListOptions): ForwardListResult {
  const { rules } = opts;
  const carrier = opts.carrierName ?? 'the carrier';
  const entries: ForwardEntry[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  const raw = splitForwardList(input);
  raw.forEach(({ text, offset }, index) => {
    const at = offset === undefined ? {} : { column: offset + 1 };
    const report = (severity: Finding['severity'], code: string, message: string, expected?: string) =>
      findings.push({ severity, code, message, path: `/${index}`, ...at, ...(expected ? { expected } : {}) });
    if (text === '') {
      report('error', 'MODEL_FORWARD_EMPTY_ENTRY', `entry ${index + 1} of the forward-to-SIP list is empty (a stray comma?)`, 'a SIP URI between each pair of commas');
      return;
    }
    const full = withScheme(text);
    const check = checkSipUri(full);
    if (!check.valid || !check.uri) {
      for (const e of check.errors) report('error', e.code, `entry ${index + 1}: ${e.message}`, e.expected);
      return;
    }
    const uri = check.uri;
    let ok = true;

    const transportParam = uri.params['transport'];
    let transport: Transport;
    if (transportParam === undefined) {
      transport = uri.scheme === 'sips' ? 'tls' : 'udp';
    } else if (transportParam === null || !['udp', 'tcp', 'tls'].includes(transportParam.toLowerCase())) {
      report('error', 'MODEL_URI_PARAM', `entry ${index + 1} ("${text}"): ${carrier} forwards over UDP, TCP or TLS only, not transport=${transportParam ?? ''}`, 'transport=udp, transport=tcp or transport=tls');
      ok = false;
      transport = 'udp';
    } else {
      const t = transportParam.toLowerCase() as Transport;
      if (uri.scheme === 'sips' && t === 'udp') {
        // RFC 3261 section 26.2.2 / RFC 5630 section 3.1: a SIPS URI needs TLS over a reliable transport.
        report('error', 'MODEL_FORWARD_TRANSPORT_MISMATCH', `entry ${index + 1} ("${text}"): a sips: URI is TLS over TCP; transport=udp contradicts it`, 'sips: without transport=, or sip:...;transport=udp');
        ok = false;
      }
      // sips:...;transport=tcp is TLS over TCP (RFC 5630 section 3.1.3).
      transport = uri.scheme === 'sips' ? 'tls' : t;
    }

    const explicitPort = uri.port !== undefined;
    const port = uri.port ?? (transport === 'tls' ? 5061 : 5060);

    let timeoutMs = rules.timeoutDefaultMs;
    const timeoutParam = uri.params['timeout'];
    if (timeoutParam !== undefined) {
      const n = timeoutParam === null ? NaN : /^\d{1,6}$/.test(timeoutParam) ? Number(timeoutParam) : NaN;
      if (!Number.isInteger(n) || n < rules.timeoutMinMs || n > rules.timeoutMaxMs) {
        report('error', 'MODEL_FORWARD_TIMEOUT_RANGE', `entry ${index + 1} ("${text}"): timeout=${timeoutParam ?? ''} is not a whole number of milliseconds from ${rules.timeoutMinMs} to ${rules.timeoutMaxMs}`, `;timeout=${rules.timeoutMinMs}..${rules.timeoutMaxMs} (milliseconds), or none for ${rules.timeoutDefaultMs}`);
        ok = false;
      } else {
        timeoutMs = n;
      }
    }

    if (Object.keys(uri.headers).length > 0) {
      report('warning', 'MODEL_URI_HEADERS', `entry ${index + 1} ("${text}") carries ?headers, which ${carrier} does not copy into the forwarded INVITE; they are dropped`, 'a URI without ?name=value headers');
    }
    const why = unreachableReason(uri.host, uri.hostKind);
    if (why) {
      report('warning', 'MODEL_FORWARD_PRIVATE_HOST', `entry ${index + 1} ("${text}"): ${why}; ${carrier} sends calls from the internet and cannot reach it`, 'a public domain name or address of your PBX');
    }

    const key = `${uri.scheme}:${uri.user ?? ''}@${uri.host}:${port};${transport}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report('error', 'MODEL_FORWARD_DUPLICATE', `entry ${index + 1} ("${text}") is the same destination as entry ${first + 1}`, 'each destination once; the list is a failover order');
      ok = false;
    } else {
      seen.set(key, index);
    }
    if (!ok) return;

    const params: Record<string, string | null> = { ...uri.params };
    delete params['timeout'];
    const paramText = Object.entries(params)
      .map(([k, v]) => (v === null ? `;${k}` : `;${k}=${v}`))
      .join('');
    const canonical =
      `${uri.scheme}:${uri.user !== undefined ? uri.user + '@' : ''}${uriHost(uri.host, uri.hostKind)}` +
      `${explicitPort ? ':' + port : ''}${paramText};timeout=${timeoutMs}`;
    entries.push({
      index,
      input: text,
      uri: canonical,
      scheme: uri.scheme,
      user: uri.user,
      host: uri.host,
      hostKind: uri.hostKind,
      port,
      explicitPort,
      transport,
      timeoutMs,
      params,
    });
  });
  return { entries, findings };
}

