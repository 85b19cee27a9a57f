import { describe, expect, it } from 'vitest';
import { checkCodecs, defaultCodecs, lookupCodec } from '../../src/model/rules/codecs.js';
import type { CodecName } from '../../src/model/types.js';

const NEXMO: CodecName[] = ['PCMA', 'PCMU', 'iLBC', 'G729', 'G722', 'speex16'];
const us = { supported: NEXMO, carrierName: 'Nexmo', region: { id: 'us-east', ulaw: true } };
const eu = { supported: NEXMO, carrierName: 'Nexmo', region: { id: 'eu-west', ulaw: false } };

describe('codec aliases', () => {
  it.each([
    ['PCMA', 'PCMA'], ['alaw', 'PCMA'], ['G711a', 'PCMA'], ['g.711a', 'PCMA'], ['ALAW', 'PCMA'],
    ['PCMU', 'PCMU'], ['ulaw', 'PCMU'], ['G711u', 'PCMU'], ['g711U', 'PCMU'],
    ['G729', 'G729'], ['g729', 'G729'], ['G.729', 'G729'], ['G729 annexb=no', 'G729'],
    ['G722', 'G722'], ['g722', 'G722'],
    ['iLBC', 'iLBC'], ['ilbc', 'iLBC'],
    ['speex16', 'speex16'], ['Speex16', 'speex16'],
  ])('%s is %s', (name, codec) => {
    expect(lookupCodec(name)).toEqual({ kind: 'codec', codec });
  });

  it.each(['G729ab', 'G729b', 'g729 annexb=yes', 'G729;annexb=yes', 'G729annexb'])('%s asks for annex B', (name) => {
    expect(lookupCodec(name)).toEqual({ kind: 'annexb' });
  });
});

describe('checkCodecs', () => {
  it('keeps the preference order and canonical names', () => {
    expect(checkCodecs(['ulaw', 'alaw', 'g729'], us)).toEqual({ codecs: ['PCMU', 'PCMA', 'G729'], problems: [] });
  });

  it('an empty list is an error', () => {
    const r = checkCodecs([], us);
    expect(r.problems.map((p) => [p.code, p.index])).toEqual([['MODEL_CODEC_EMPTY', undefined]]);
  });

  it('an unknown codec is an error naming the known ones', () => {
    const r = checkCodecs(['PCMA', 'foo'], us);
    expect(r.problems).toMatchObject([{ severity: 'error', code: 'MODEL_CODEC_UNKNOWN', index: 1 }]);
    expect(r.problems[0]!.expected).toContain('PCMA');
  });

  it('a duplicate after aliasing is an error naming the first', () => {
    const r = checkCodecs(['PCMA', 'G729', 'alaw'], us);
    expect(r.problems).toMatchObject([{ code: 'MODEL_CODEC_DUPLICATE', index: 2 }]);
    expect(r.problems[0]!.message).toContain('position 1');
    expect(r.codecs).toEqual(['PCMA', 'G729']);
  });

  it('G.729 annex B is an error saying the carrier does not support it', () => {
    const r = checkCodecs(['G729ab'], us);
    expect(r.problems).toMatchObject([{ code: 'MODEL_CODEC_G729_ANNEXB', index: 0 }]);
    expect(r.problems[0]!.message).toMatch(/Annex B/);
  });

  it('a codec the carrier does not support is an error', () => {
    expect(checkCodecs(['opus'], us).problems).toMatchObject([{ code: 'MODEL_CODEC_UNSUPPORTED' }]);
    const narrow = { ...us, supported: ['PCMA', 'PCMU'] as CodecName[] };
    expect(checkCodecs(['G722'], narrow).problems).toMatchObject([{ code: 'MODEL_CODEC_UNSUPPORTED', index: 0 }]);
  });

  it('ulaw outside a US region is a warning, not an error', () => {
    const r = checkCodecs(['PCMA', 'ulaw'], eu);
    expect(r.problems).toMatchObject([{ severity: 'warning', code: 'MODEL_CODEC_ULAW_OUTSIDE_US', index: 1 }]);
    expect(r.codecs).toEqual(['PCMA', 'PCMU']);
    expect(checkCodecs(['PCMU'], us).problems).toEqual([]);
  });

  it('reports several problems at once', () => {
    const r = checkCodecs(['foo', 'G729b', 'PCMA', 'PCMA'], us);
    expect(r.problems.map((p) => p.code)).toEqual(['MODEL_CODEC_UNKNOWN', 'MODEL_CODEC_G729_ANNEXB', 'MODEL_CODEC_DUPLICATE']);
  });
});

describe('defaultCodecs', () => {
  it('ulaw first in the US, alaw only elsewhere', () => {
    expect(defaultCodecs(true, NEXMO)).toEqual(['PCMU', 'PCMA', 'G729']);
    expect(defaultCodecs(false, NEXMO)).toEqual(['PCMA', 'G729']);
  });
});
