import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/resolve/sip-attempt.js';
import { watchUdpUnreachable } from '../../src/resolve/udp-unreachable.js';
import { freePort } from '../helpers/ports.js';

describe('parseRetryAfter (RFC 3261 20.33)', () => {
  it.each([
    ['30', 30],
    ['120 (I am in a meeting)', 120],
    ['18000;duration=3600', 18000],
    [' 5', 5],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %s as %s', (value, expected) => {
    expect(parseRetryAfter(value)).toBe(expected);
  });
});

describe('watchUdpUnreachable', () => {
  it('reports ICMP port unreachable when nothing listens on the UDP port', async () => {
    const port = await freePort('127.0.20.60');
    const w = watchUdpUnreachable('127.0.20.60', port);
    try {
      await expect(w.unreachable).resolves.toMatch(/ICMP port unreachable from 127\.0\.20\.60:\d+/);
    } finally {
      w.stop();
    }
  });

  it('stays quiet when something listens, and the listener gets only a CRLF CRLF keep-alive', async () => {
    const sock = dgram.createSocket('udp4');
    await new Promise<void>((r) => sock.bind(0, '127.0.20.61', () => r()));
    const got: string[] = [];
    sock.on('message', (m) => got.push(m.toString('latin1')));
    const w = watchUdpUnreachable('127.0.20.61', sock.address().port, { resendMs: 20 });
    try {
      const quiet = await Promise.race([w.unreachable.then(() => 'unreachable'), new Promise((r) => setTimeout(() => r('quiet'), 200))]);
      expect(quiet).toBe('quiet');
      expect(got.length).toBeGreaterThanOrEqual(1);
      expect(new Set(got)).toEqual(new Set(['\r\n\r\n']));
    } finally {
      w.stop();
      sock.close();
    }
  });
});
