import { isIPv6 } from 'node:net';
import { randomInt } from 'node:crypto';
import { SipParseError } from './parse-error.js';

/**
 * SDP for the INVITE test call (RFC 4566 syntax, RFC 3264 offer/answer, RFC 3551 payload
 * types): an audio offer built from a codec list, and a parser for the answer.
 *
 * Falls short: one audio stream only in offers; no ICE, SRTP (crypto/DTLS), bandwidth or
 * repeat-time handling; an answer's RFC 3264 rules (port 0 for a rejected stream, direction)
 * are reported, not enforced.
 */

/** Codec names siptrunk can offer. `speex16` is Speex wideband at 16 kHz. */
export type SdpCodec = 'PCMA' | 'PCMU' | 'G729' | 'G722' | 'iLBC' | 'speex16';

export const SDP_CODECS: readonly SdpCodec[] = ['PCMA', 'PCMU', 'G729', 'G722', 'iLBC', 'speex16'];

/** A codec to offer; a dynamic payload type may be chosen for iLBC and speex16. */
export type CodecSpec = SdpCodec | { name: SdpCodec; payloadType?: number };

interface CodecDef {
  payloadType: number;
  dynamic: boolean;
  rtpmap: string;
  fmtp?: string;
}

/**
 * Static payload types from RFC 3551 table 4; G722 is registered at 8000 Hz although it samples
 * at 16 kHz (RFC 3551 4.5.2, "for historical reasons"). G.729 without Annex B (RFC 3555 4.1.9
 * `annexb=no`), iLBC in 30 ms mode (RFC 3952), Speex at 16 kHz (RFC 5574).
 */
const CODECS: Record<SdpCodec, CodecDef> = {
  PCMU: { payloadType: 0, dynamic: false, rtpmap: 'PCMU/8000' },
  PCMA: { payloadType: 8, dynamic: false, rtpmap: 'PCMA/8000' },
  G722: { payloadType: 9, dynamic: false, rtpmap: 'G722/8000' },
  G729: { payloadType: 18, dynamic: false, rtpmap: 'G729/8000', fmtp: 'annexb=no' },
  iLBC: { payloadType: 97, dynamic: true, rtpmap: 'iLBC/8000', fmtp: 'mode=30' },
  speex16: { payloadType: 98, dynamic: true, rtpmap: 'speex/16000' },
};

const STATIC_NAMES: Record<number, [string, number, number?]> = {
  0: ['PCMU', 8000], 3: ['GSM', 8000], 4: ['G723', 8000], 5: ['DVI4', 8000], 6: ['DVI4', 16000], 7: ['LPC', 8000],
  8: ['PCMA', 8000], 9: ['G722', 8000], 10: ['L16', 44100, 2], 11: ['L16', 44100], 12: ['QCELP', 8000], 13: ['CN', 8000],
  14: ['MPA', 90000], 15: ['G728', 8000], 16: ['DVI4', 11025], 17: ['DVI4', 22050], 18: ['G729', 8000],
};

export interface OfferOptions {
  /** The address RTP is received on (IPv4 or IPv6). */
  address: string;
  /** RTP port (even, 1-65535; the probe uses 10000-20000). */
  port: number;
  /** Codecs in order of preference. */
  codecs: CodecSpec[];
  /** RFC 2833/4733 DTMF: telephone-event/8000 with events 0-16. */
  dtmf: boolean;
  /** Dynamic payload type of telephone-event. Default 101. */
  dtmfPayloadType?: number;
  /** o= session id; default a random number (RFC 4566 5.2 suggests an NTP timestamp). */
  sessionId?: string;
  /** o= session version. Default '1'. */
  sessionVersion?: string;
  /** Packetisation time in ms. Default 20. */
  ptime?: number;
  /** s= line. Default 'siptrunk'. */
  sessionName?: string;
}

function codecError(message: string, expected: string): never {
  throw new SipParseError('SIP_SDP_CODEC', message, { location: { header: 'body' }, expected });
}

/** Builds an SDP offer with one audio stream (RFC 3264 5). Lines end with CRLF. */
export function buildOffer(o: OfferOptions): string {
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535) codecError(`RTP port ${o.port} is not a port number`, 'an integer from 1 to 65535');
  if (o.codecs.length === 0) codecError('no codec to offer', `one or more of ${SDP_CODECS.join(', ')}`);
  const addrType = isIPv6(o.address) ? 'IP6' : 'IP4';
  const used = new Set<number>();
  const lines: string[] = [];
  const pts: number[] = [];
  for (const spec of o.codecs) {
    const name = typeof spec === 'string' ? spec : spec.name;
    const def = CODECS[name as SdpCodec] as CodecDef | undefined;
    if (def === undefined) codecError(`unknown codec "${String(name)}"`, `one of ${SDP_CODECS.join(', ')}`);
    let pt = def.payloadType;
    if (typeof spec !== 'string' && spec.payloadType !== undefined) {
      if (!def.dynamic) codecError(`${name} has the static payload type ${def.payloadType}; it cannot be changed`, 'no payloadType for static codecs');
      pt = spec.payloadType;
    }
    if (def.dynamic && (!Number.isInteger(pt) || pt < 96 || pt > 127)) codecError(`dynamic payload type ${pt} for ${name} is outside 96-127`, 'a payload type from 96 to 127 (RFC 3551 3)');
    if (used.has(pt)) codecError(`payload type ${pt} is used twice (${name})`, 'each codec once, with distinct payload types');
    used.add(pt);
    pts.push(pt);
    lines.push(`a=rtpmap:${pt} ${def.rtpmap}`);
    if (def.fmtp) lines.push(`a=fmtp:${pt} ${def.fmtp}`);
  }
  if (o.dtmf) {
    const pt = o.dtmfPayloadType ?? 101;
    if (!Number.isInteger(pt) || pt < 96 || pt > 127 || used.has(pt)) codecError(`telephone-event payload type ${pt} is not a free dynamic type`, 'a free payload type from 96 to 127');
    pts.push(pt);
    lines.push(`a=rtpmap:${pt} telephone-event/8000`, `a=fmtp:${pt} 0-16`);
  }
  const sessionId = o.sessionId ?? String(randomInt(1, 2 ** 47));
  const out = [
    'v=0',
    `o=- ${sessionId} ${o.sessionVersion ?? '1'} IN ${addrType} ${o.address}`,
    `s=${o.sessionName ?? 'siptrunk'}`,
    `c=IN ${addrType} ${o.address}`,
    't=0 0',
    `m=audio ${o.port} RTP/AVP ${pts.join(' ')}`,
    ...lines,
    `a=ptime:${o.ptime ?? 20}`,
    'a=sendrecv',
  ];
  return `${out.join('\r\n')}\r\n`;
}

// ---- parsing ---------------------------------------------------------------------------

export interface SdpConnection {
  netType: string;
  addrType: string;
  /** Address without the /ttl or /count suffix. */
  address: string;
}

export interface SdpPayload {
  payloadType: number;
  /** Encoding name from a=rtpmap, or the RFC 3551 name of a static type without rtpmap. */
  encoding: string | undefined;
  clockRate: number | undefined;
  channels: number | undefined;
  fmtp: string | undefined;
}

export interface SdpMedia {
  type: string;
  port: number;
  numPorts: number | undefined;
  proto: string;
  /** Formats as listed on the m= line (payload type numbers for RTP/AVP). */
  formats: string[];
  /** The media-level c=, or the session-level one. */
  connection: SdpConnection | undefined;
  payloads: SdpPayload[];
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  ptime: number | undefined;
  /** Every a= line of this media: name and value (undefined for flags). */
  attributes: { name: string; value: string | undefined }[];
}

export interface SdpSession {
  version: number;
  origin: { username: string; sessionId: string; sessionVersion: string; netType: string; addrType: string; address: string };
  sessionName: string;
  connection: SdpConnection | undefined;
  attributes: { name: string; value: string | undefined }[];
  media: SdpMedia[];
}

function sdpError(line: number, message: string, expected: string): never {
  throw new SipParseError('SIP_SDP_INVALID', `SDP line ${line}: ${message}`, { location: { header: 'body', line }, expected });
}

function parseConnection(v: string, line: number): SdpConnection {
  const p = v.split(' ');
  if (p.length !== 3 || p.some((x) => x.length === 0)) sdpError(line, `c=${v} is not "IN IP4|IP6 address"`, 'c=<nettype> <addrtype> <connection-address> (RFC 4566 5.7)');
  return { netType: p[0]!, addrType: p[1]!, address: p[2]!.split('/')[0]! };
}

/** Parses an SDP body (RFC 4566). Throws SipParseError SIP_SDP_INVALID with the line number. */
export function parseSdp(body: string | Buffer): SdpSession {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const rawLines = text.split('\n');
  let version: number | undefined;
  let origin: SdpSession['origin'] | undefined;
  let sessionName: string | undefined;
  let connection: SdpConnection | undefined;
  const attributes: SdpSession['attributes'] = [];
  const media: SdpMedia[] = [];
  let current: (SdpMedia & { rtpmap: Map<number, string>; fmtp: Map<number, string> }) | undefined;
  const all: (typeof current & object)[] = [];
  for (let k = 0; k < rawLines.length; k++) {
    const lineNo = k + 1;
    let l = rawLines[k]!;
    if (l.endsWith('\r')) l = l.slice(0, -1);
    if (l.length === 0) {
      if (k === rawLines.length - 1) break;
      continue; // tolerate blank lines (RFC 4566 does not allow them; many stacks send a trailing one)
    }
    if (l.length < 2 || l[1] !== '=' || !/[a-z]/.test(l[0]!)) sdpError(lineNo, `"${l.slice(0, 40)}" is not "<type>=<value>"`, 'lines of the form x=value with a lower-case letter type (RFC 4566 5)');
    const t = l[0]!;
    const v = l.slice(2);
    if (k === 0 && t !== 'v') sdpError(lineNo, 'the description does not start with v=', 'v=0 first (RFC 4566 5)');
    switch (t) {
      case 'v':
        if (v !== '0') sdpError(lineNo, `version "${v}" is not 0`, 'v=0');
        version = 0;
        break;
      case 'o': {
        const p = v.split(' ');
        if (p.length !== 6) sdpError(lineNo, `o=${v} does not have 6 fields`, 'o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (RFC 4566 5.2)');
        origin = { username: p[0]!, sessionId: p[1]!, sessionVersion: p[2]!, netType: p[3]!, addrType: p[4]!, address: p[5]! };
        break;
      }
      case 's':
        sessionName = v;
        break;
      case 'c':
        if (current) current.connection = parseConnection(v, lineNo);
        else connection = parseConnection(v, lineNo);
        break;
      case 'm': {
        const p = v.split(' ').filter((x) => x.length > 0);
        const portm = /^(\d{1,5})(?:\/(\d+))?$/.exec(p[1] ?? '');
        if (p.length < 4 || !portm || Number(portm[1]) > 65535) sdpError(lineNo, `m=${v} is not "<media> <port> <proto> <fmt> ..."`, 'm=audio 49170 RTP/AVP 0 (RFC 4566 5.14)');
        current = {
          type: p[0]!,
          port: Number(portm[1]),
          numPorts: portm[2] === undefined ? undefined : Number(portm[2]),
          proto: p[2]!,
          formats: p.slice(3),
          connection: undefined,
          payloads: [],
          direction: 'sendrecv',
          ptime: undefined,
          attributes: [],
          rtpmap: new Map(),
          fmtp: new Map(),
        };
        all.push(current);
        break;
      }
      case 'a': {
        const colon = v.indexOf(':');
        const name = colon < 0 ? v : v.slice(0, colon);
        const value = colon < 0 ? undefined : v.slice(colon + 1);
        if (!current) {
          attributes.push({ name, value });
          break;
        }
        current.attributes.push({ name, value });
        if ((name === 'rtpmap' || name === 'fmtp') && value !== undefined) {
          const m = /^(\d{1,3})\s+(.*)$/.exec(value);
          if (!m) sdpError(lineNo, `a=${v} lacks a payload type`, `a=${name}:<payload type> <value> (RFC 4566 6)`);
          (name === 'rtpmap' ? current.rtpmap : current.fmtp).set(Number(m[1]), m[2]!.trim());
        } else if (name === 'sendrecv' || name === 'sendonly' || name === 'recvonly' || name === 'inactive') {
          current.direction = name;
        } else if (name === 'ptime' && value !== undefined && /^\d+(\.\d+)?$/.test(value)) {
          current.ptime = Number(value);
        }
        break;
      }
      default:
        break; // i, u, e, p, b, t, r, z, k: not needed here
    }
  }
  if (version === undefined) sdpError(1, 'no v= line', 'v=0');
  if (origin === undefined) sdpError(1, 'no o= line', 'an o= line (RFC 4566 5.2)');
  if (sessionName === undefined) sdpError(1, 'no s= line', 'an s= line (RFC 4566 5.3)');
  // Session-level direction applies to media without their own.
  const sessionDir = attributes.find((a) => ['sendrecv', 'sendonly', 'recvonly', 'inactive'].includes(a.name))?.name as SdpMedia['direction'] | undefined;
  for (const m of all) {
    if (!m.connection) m.connection = connection;
    if (!m.connection && m.port !== 0) sdpError(1, `m=${m.type} has no c= line, neither its own nor a session-level one`, 'c= at session level or in every media (RFC 4566 5.7)');
    if (sessionDir && !m.attributes.some((a) => ['sendrecv', 'sendonly', 'recvonly', 'inactive'].includes(a.name))) m.direction = sessionDir;
    for (const f of m.formats) {
      if (!/^\d{1,3}$/.test(f)) continue;
      const pt = Number(f);
      const map = m.rtpmap.get(pt);
      let encoding: string | undefined;
      let clockRate: number | undefined;
      let channels: number | undefined;
      if (map !== undefined) {
        const [enc, rate, ch] = map.split('/');
        encoding = enc;
        clockRate = rate !== undefined && /^\d+$/.test(rate) ? Number(rate) : undefined;
        channels = ch !== undefined && /^\d+$/.test(ch) ? Number(ch) : undefined;
      } else if (STATIC_NAMES[pt]) {
        [encoding, clockRate, channels] = STATIC_NAMES[pt]!;
      }
      m.payloads.push({ payloadType: pt, encoding, clockRate, channels, fmtp: m.fmtp.get(pt) });
    }
    const { rtpmap: _r, fmtp: _f, ...plain } = m;
    media.push(plain);
  }
  return { version, origin, sessionName, connection, attributes, media };
}

export interface NegotiatedCodec {
  payloadType: number;
  /** Encoding name as the answer wrote it (`PCMA`, `G729`, `speex`). */
  encoding: string;
  clockRate: number | undefined;
  fmtp: string | undefined;
  /** The matching siptrunk codec name, when it is one of SdpCodec. */
  codec: SdpCodec | undefined;
}

/**
 * The codec the answerer chose: the first payload of the first active audio m-line (RFC 3264 6.1:
 * the answerer lists the formats it will use, most preferred first), skipping telephone-event
 * and comfort noise. Undefined when the audio stream was rejected (port 0) or is absent.
 */
export function negotiatedCodec(answer: SdpSession): NegotiatedCodec | undefined {
  const audio = answer.media.find((m) => m.type === 'audio' && m.port !== 0);
  if (!audio) return undefined;
  const p = audio.payloads.find((x) => x.encoding !== undefined && !/^(telephone-event|CN)$/i.test(x.encoding));
  if (!p || p.encoding === undefined) return undefined;
  return { payloadType: p.payloadType, encoding: p.encoding, clockRate: p.clockRate, fmtp: p.fmtp, codec: codecNameOf(p.encoding, p.clockRate) };
}

function codecNameOf(encoding: string, clockRate: number | undefined): SdpCodec | undefined {
  const e = encoding.toUpperCase();
  if (e === 'PCMA' || e === 'PCMU' || e === 'G729' || e === 'G722') return e;
  if (e === 'ILBC') return 'iLBC';
  if (e === 'SPEEX' && clockRate === 16000) return 'speex16';
  return undefined;
}
