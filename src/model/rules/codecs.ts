/**
 * Codec names. The model takes the names users know from Asterisk, FreeSWITCH and the carrier
 * document (alaw, G711a, ulaw, g729, Speex16, ...), case-insensitively and ignoring dots, dashes,
 * underscores and spaces, and maps them onto one canonical name each (types.ts CodecName).
 *
 * G.729: the carrier supports "g729 (without annexb)". Annex B (VAD and comfort noise) is
 * asked for with G729b / G729ab / "G729 annexb=yes" (RFC 3551 section 4.5.6 signals it with the
 * fmtp parameter annexb): an error. G729a (Annex A, reduced complexity) is bitstream-compatible
 * with G.729 and negotiates as the same payload, so it is read as G729.
 */
import type { CodecName } from '../types.js';
import type { ModelCode } from '../codes.js';

export const CANONICAL_CODECS: readonly CodecName[] = ['PCMA', 'PCMU', 'G729', 'G722', 'iLBC', 'speex16'];

/** Alias (normalised: lower case, no punctuation) -> canonical name. */
const ALIASES: Record<string, CodecName> = {
  pcma: 'PCMA', alaw: 'PCMA', g711a: 'PCMA', g711alaw: 'PCMA',
  pcmu: 'PCMU', ulaw: 'PCMU', mulaw: 'PCMU', g711u: 'PCMU', g711ulaw: 'PCMU', g711mulaw: 'PCMU',
  g729: 'G729', g729a: 'G729', g729annexbno: 'G729', g729annexbfalse: 'G729', g729annexboff: 'G729',
  g722: 'G722',
  ilbc: 'iLBC',
  speex16: 'speex16', speex16000: 'speex16', speexwb: 'speex16',
};

/** Codecs siptrunk knows that no carrier profile here supports: named, so the error can say so. */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  opus: 'Opus', gsm: 'GSM', g726: 'G.726', g72632: 'G.726-32', g7221: 'G.722.1', g723: 'G.723.1', g7231: 'G.723.1',
  speex: 'Speex narrowband (8 kHz)', speex8: 'Speex narrowband (8 kHz)', speex32: 'Speex ultra-wideband (32 kHz)',
  silk: 'SILK', amr: 'AMR', amrwb: 'AMR-WB', evs: 'EVS', lpc10: 'LPC-10', adpcm: 'ADPCM', slin: 'signed linear',
  l16: 'L16 (linear PCM)', siren7: 'Siren7', siren14: 'Siren14', h264: 'H.264 (video)', vp8: 'VP8 (video)',
};

const ANNEX_B = /^g729(?:a?b|annexb(?:yes|true|on)?)$/;

export function normaliseCodecName(name: string): string {
  return name.toLowerCase().replace(/[\s._\-=;]/g, '');
}

export type CodecLookup =
  | { kind: 'codec'; codec: CodecName }
  | { kind: 'annexb' }
  | { kind: 'unsupported'; label: string }
  | { kind: 'unknown' };

/** What a codec name means. */
export function lookupCodec(name: string): CodecLookup {
  const key = normaliseCodecName(name);
  const codec = ALIASES[key];
  if (codec) return { kind: 'codec', codec };
  if (ANNEX_B.test(key)) return { kind: 'annexb' };
  const label = KNOWN_UNSUPPORTED[key];
  if (label) return { kind: 'unsupported', label };
  return { kind: 'unknown' };
}

export interface CodecProblem {
  severity: 'error' | 'warning';
  code: ModelCode;
  message: string;
  expected: string;
  /** Index in the input list, or undefined for the list as a whole. */
  index: number | undefined;
}

export interface CodecCheckOptions {
  /** Canonical codecs the carrier supports (carrier.codecs). */
  supported: readonly CodecName[];
  /** Carrier name, for messages. */
  carrierName: string;
  /** The region the trunk is in, and whether ulaw is right there (carrier region `ulaw`). */
  region: { id: string; ulaw: boolean } | undefined;
}

export interface CodecCheck {
  codecs: CodecName[];
  problems: CodecProblem[];
}

export function checkCodecs(input: readonly string[], opts: CodecCheckOptions): CodecCheck {
  const problems: CodecProblem[] = [];
  const codecs: CodecName[] = [];
  const firstAt = new Map<CodecName, number>();
  const supportedList = opts.supported.join(', ');
  if (input.length === 0) {
    problems.push({
      severity: 'error',
      code: 'MODEL_CODEC_EMPTY',
      message: 'the codec list is empty: no call could be set up',
      expected: `one or more of ${supportedList}, in preference order`,
      index: undefined,
    });
  }
  input.forEach((name, index) => {
    const found = lookupCodec(name);
    if (found.kind === 'annexb') {
      problems.push({
        severity: 'error',
        code: 'MODEL_CODEC_G729_ANNEXB',
        message: `"${name}" asks for G.729 Annex B (VAD/comfort noise), which ${opts.carrierName} does not support ("g729 (without annexb)")`,
        expected: 'G729 (annex B off)',
        index,
      });
      return;
    }
    if (found.kind === 'unsupported') {
      problems.push({
        severity: 'error',
        code: 'MODEL_CODEC_UNSUPPORTED',
        message: `"${name}" (${found.label}) is not supported by ${opts.carrierName}`,
        expected: `one of ${supportedList}`,
        index,
      });
      return;
    }
    if (found.kind === 'unknown') {
      problems.push({
        severity: 'error',
        code: 'MODEL_CODEC_UNKNOWN',
        message: `"${name}" is not a codec name siptrunk knows`,
        expected: `one of ${CANONICAL_CODECS.join(', ')} (aliases: alaw, G711a, ulaw, G711u, Speex16)`,
        index,
      });
      return;
    }
    const codec = found.codec;
    const first = firstAt.get(codec);
    if (first !== undefined) {
      problems.push({
        severity: 'error',
        code: 'MODEL_CODEC_DUPLICATE',
        message: `"${name}" is ${codec}, already listed at position ${first + 1} ("${input[first]}")`,
        expected: 'each codec once, in preference order',
        index,
      });
      return;
    }
    firstAt.set(codec, index);
    if (!opts.supported.includes(codec)) {
      problems.push({
        severity: 'error',
        code: 'MODEL_CODEC_UNSUPPORTED',
        message: `${codec} is not supported by ${opts.carrierName}`,
        expected: `one of ${supportedList}`,
        index,
      });
      return;
    }
    if (codec === 'PCMU' && opts.region && !opts.region.ulaw) {
      problems.push({
        severity: 'warning',
        code: 'MODEL_CODEC_ULAW_OUTSIDE_US',
        message: `"${name}" (PCMU, ulaw) in region ${opts.region.id}: ${opts.carrierName} uses ulaw for the US only and alaw elsewhere`,
        expected: 'PCMA (alaw) outside the US',
        index,
      });
    }
    codecs.push(codec);
  });
  return { codecs, problems };
}

/** The codec list used when the model gives none: ulaw first in the US, alaw elsewhere. */
export function defaultCodecs(ulawRegion: boolean, supported: readonly CodecName[]): CodecName[] {
  const wanted: CodecName[] = ulawRegion ? ['PCMU', 'PCMA', 'G729'] : ['PCMA', 'G729'];
  const list = wanted.filter((c) => supported.includes(c));
  return list.length ? list : [...supported];
}
