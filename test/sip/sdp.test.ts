import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildOffer, negotiatedCodec, parseSdp } from '../../src/sip/sdp.js';
import { parseMessage } from '../../src/sip/parser.js';
import { SipParseError } from '../../src/sip/parse-error.js';

describe('buildOffer', () => {
  it('writes rtpmap and fmtp for every codec, DTMF, ptime and sendrecv', () => {
    const sdp = buildOffer({
      address: '127.0.0.1',
      port: 10000,
      codecs: ['G729', 'PCMA', 'PCMU', 'G722', 'iLBC', 'speex16'],
      dtmf: true,
      sessionId: '42',
    });
    expect(sdp).toBe(
      [
        'v=0',
        'o=- 42 1 IN IP4 127.0.0.1',
        's=siptrunk',
        'c=IN IP4 127.0.0.1',
        't=0 0',
        'm=audio 10000 RTP/AVP 18 8 0 9 97 98 101',
        'a=rtpmap:18 G729/8000',
        'a=fmtp:18 annexb=no',
        'a=rtpmap:8 PCMA/8000',
        'a=rtpmap:0 PCMU/8000',
        'a=rtpmap:9 G722/8000',
        'a=rtpmap:97 iLBC/8000',
        'a=fmtp:97 mode=30',
        'a=rtpmap:98 speex/16000',
        'a=rtpmap:101 telephone-event/8000',
        'a=fmtp:101 0-16',
        'a=ptime:20',
        'a=sendrecv',
        '',
      ].join('\r\n'),
    );
  });

  it('uses IP6 for an IPv6 address and honours a chosen dynamic payload type', () => {
    const sdp = buildOffer({ address: '::1', port: 12000, codecs: [{ name: 'iLBC', payloadType: 110 }], dtmf: false });
    expect(sdp).toContain('c=IN IP6 ::1\r\n');
    expect(sdp).toContain('m=audio 12000 RTP/AVP 110\r\n');
    expect(sdp).toContain('a=fmtp:110 mode=30\r\n');
    expect(sdp).not.toContain('telephone-event');
  });

  it('rejects unknown codecs, empty lists, bad ports and clashing payload types with SIP_SDP_CODEC', () => {
    const bad = [
      { address: '127.0.0.1', port: 10000, codecs: ['OPUS' as never], dtmf: false },
      { address: '127.0.0.1', port: 10000, codecs: [], dtmf: false },
      { address: '127.0.0.1', port: 70000, codecs: ['PCMA' as const], dtmf: false },
      { address: '127.0.0.1', port: 10000, codecs: [{ name: 'iLBC' as const, payloadType: 101 }], dtmf: true },
      { address: '127.0.0.1', port: 10000, codecs: [{ name: 'PCMA' as const, payloadType: 100 }], dtmf: false },
    ];
    for (const o of bad) expect(() => buildOffer(o)).toThrowError(expect.objectContaining({ code: 'SIP_SDP_CODEC' }));
  });

  it('produces an offer that parseSdp reads back', () => {
    const s = parseSdp(buildOffer({ address: '192.0.2.1', port: 10002, codecs: ['PCMA', 'speex16'], dtmf: true }));
    const m = s.media[0]!;
    expect(m.connection?.address).toBe('192.0.2.1');
    expect(m.payloads.map((p) => [p.payloadType, p.encoding, p.clockRate, p.fmtp])).toEqual([
      [8, 'PCMA', 8000, undefined],
      [98, 'speex', 16000, undefined],
      [101, 'telephone-event', 8000, '0-16'],
    ]);
    expect(m.ptime).toBe(20);
    expect(m.direction).toBe('sendrecv');
  });
});

describe('parseSdp and negotiatedCodec', () => {
  const answer = [
    'v=0',
    'o=root 1 2 IN IP4 203.0.113.5',
    's=Asterisk',
    'c=IN IP4 203.0.113.5',
    't=0 0',
    'm=audio 18000 RTP/AVP 18 101',
    'a=rtpmap:18 G729/8000',
    'a=fmtp:18 annexb=no',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-16',
    'a=sendrecv',
    '',
  ].join('\r\n');

  it('reports the first codec of the answer audio line', () => {
    expect(negotiatedCodec(parseSdp(answer))).toEqual({ payloadType: 18, encoding: 'G729', clockRate: 8000, fmtp: 'annexb=no', codec: 'G729' });
  });

  it('names static payload types without rtpmap and skips telephone-event', () => {
    const s = parseSdp('v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1/127\nt=0 0\nm=audio 4000 RTP/AVP 101 0\na=rtpmap:101 telephone-event/8000\n');
    expect(s.media[0]!.connection!.address).toBe('10.0.0.1');
    expect(negotiatedCodec(s)).toMatchObject({ payloadType: 0, encoding: 'PCMU', codec: 'PCMU' });
  });

  it('returns undefined when the audio stream is rejected with port 0', () => {
    expect(negotiatedCodec(parseSdp('v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n'))).toBeUndefined();
  });

  it('parses the RFC 4475 bodies (two media lines, media-level attributes)', () => {
    const msg = parseMessage(readFileSync('fixtures/torture/rfc4475/sdp01.dat'));
    const s = parseSdp(msg.body);
    expect(s.media.map((m) => [m.type, m.port])).toEqual([['audio', 49217], ['video', 3227]]);
    expect(s.media[1]!.payloads[0]).toMatchObject({ payloadType: 31, encoding: 'LPC' });
  });

  it('rejects malformed descriptions with SIP_SDP_INVALID and the line number', () => {
    const cases: [string, number][] = [
      ['o=- 1 1 IN IP4 a\r\n', 1],
      ['v=0\r\no=- 1 IN IP4 a\r\n', 2],
      ['v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nm=audio x RTP/AVP 0\r\n', 4],
      ['v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nm=audio 4000 RTP/AVP 0\r\n', 1],
      ['v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nc=IN IP4\r\n', 4],
      ['v=0\r\nbogus\r\n', 2],
    ];
    for (const [text, line] of cases) {
      let caught: unknown;
      try {
        parseSdp(text);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(SipParseError);
      expect((caught as SipParseError).code).toBe('SIP_SDP_INVALID');
      expect((caught as SipParseError).location?.line).toBe(line);
    }
  });
});
