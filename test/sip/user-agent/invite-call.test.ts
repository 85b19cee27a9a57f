/**
 * The INVITE test call's dialog handling, against a scripted UDP peer on loopback so that exact
 * cases can be produced: the ACK for a 2xx is a new request (new branch) to the Contact with the
 * Record-Route reversed into Route and re-sent for each retransmitted 2xx (RFC 3261 13.2.2.4,
 * 12.1.2); BYE follows with CSeq + 1; a BYE from the peer ends the hold early.
 * Loopback 127.0.10.15.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { SipClient } from '../../../src/sip/user-agent/sip-client.js';
import { startUdpPeer, type ScriptedPeer, responseTo } from '../../helpers/scripted-peer.js';
import { serialize } from '../../../src/sip/serializer.js';
import { SipMessage } from '../../../src/sip/message.js';

const HOST = '127.0.10.15';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function setup(): Promise<{ peer: ScriptedPeer; client: SipClient }> {
  const peer = await startUdpPeer(HOST);
  const client = new SipClient({ localAddress: HOST, timers: { T1: 20, T2: 160, T4: 200 } });
  cleanups.push(() => peer.close(), () => client.close());
  return { peer, client };
}
const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.10.15\r\ns=-\r\nc=IN IP4 127.0.10.15\r\nt=0 0\r\nm=audio 40000 RTP/AVP 18 101\r\na=rtpmap:18 G729/8000\r\na=fmtp:18 annexb=no\r\na=rtpmap:101 telephone-event/8000\r\n';

describe('INVITE test call dialog', () => {
  it('ACKs a 2xx as a new request to the Contact with the reversed Record-Route, re-ACKs its retransmission, then BYEs', async () => {
    const { peer, client } = await setup();
    peer.onMessage = (r) => {
      if (r.message.method !== 'INVITE') {
        if (r.message.method === 'BYE') r.reply(200, 'OK');
        return;
      }
      const ok = () =>
        r.raw(serialize(responseTo(r.message, 200, 'OK', [
          ['Record-Route', '<sip:p2.example.com;lr>'],
          ['Record-Route', '<sip:p1.example.com;lr>'],
          ['Contact', `<sip:uas@${HOST}:${peer.port}>`],
          ['Content-Type', 'application/sdp'],
        ], SDP)));
      r.reply(180, 'Ringing');
      ok();
      setTimeout(ok, 30); // a retransmitted 2xx
    };
    const res = await client.invite({ host: HOST, port: peer.port, transport: 'udp' }, { to: '14155550100', from: '442071838750', holdMs: 120, codecs: ['G729', 'PCMA'] });
    expect(res).toMatchObject({ ok: true, status: 200, byeStatus: 200, codec: { name: 'G729', payloadType: 18, fmtp: 'annexb=no' } });
    const msgs = peer.received.map((r) => r.message);
    const invite = msgs.find((m) => m.method === 'INVITE')!;
    const acks = msgs.filter((m) => m.method === 'ACK');
    const bye = msgs.find((m) => m.method === 'BYE')!;
    expect(acks).toHaveLength(2);
    expect(serialize(acks[0]!).equals(serialize(acks[1]!))).toBe(true);
    const ack = acks[0]!;
    expect(ack.uri).toBe(`sip:uas@${HOST}:${peer.port}`);
    expect(ack.topVia().branch).not.toBe(invite.topVia().branch);
    expect(ack.cseq()).toEqual({ seq: invite.cseq().seq, method: 'ACK' });
    expect(ack.to().tag).toBe('peer-tag');
    expect(ack.getAll('Route')).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    expect(bye.uri).toBe(`sip:uas@${HOST}:${peer.port}`);
    expect(bye.cseq()).toEqual({ seq: invite.cseq().seq + 1, method: 'BYE' });
    expect(bye.to().tag).toBe('peer-tag');
    expect(bye.from().tag).toBe(invite.from().tag);
    expect(bye.getAll('Route')).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    // The offer: From with the caller ID, telephone-event 0-16 offered, RTP port 10000-20000.
    expect(invite.from().uri).toBe(`sip:442071838750@${HOST}`);
    const offer = invite.body.toString();
    expect(offer).toMatch(/^m=audio (\d+) RTP\/AVP 18 8 101\r$/m);
    const port = Number(/^m=audio (\d+)/m.exec(offer)![1]);
    expect(port).toBeGreaterThanOrEqual(10000);
    expect(port).toBeLessThan(20000);
    expect(offer).toContain('a=fmtp:101 0-16');
  });

  it('answers a BYE from the peer with 200 and ends the hold early', async () => {
    const { peer, client } = await setup();
    peer.onMessage = (r) => {
      if (r.message.method !== 'INVITE') return;
      r.reply(200, 'OK', [['Contact', `<sip:uas@${HOST}:${peer.port}>`]]);
      setTimeout(() => {
        const inv = r.message;
        const bye = SipMessage.request('BYE', `sip:442071838750@${HOST}`, [
          ['Via', `SIP/2.0/UDP ${HOST}:${peer.port};branch=z9hG4bKpeerbye1`],
          ['From', `${inv.get('To')};tag=peer-tag`],
          ['To', inv.get('From')!],
          ['Call-ID', inv.callId()],
          ['CSeq', '1 BYE'],
          ['Max-Forwards', '70'],
        ]);
        r.raw(serialize(bye));
      }, 50);
    };
    const t0 = Date.now();
    const res = await client.invite({ host: HOST, port: peer.port, transport: 'udp' }, { to: '14155550100', from: '442071838750', holdMs: 5000 });
    expect(res).toMatchObject({ ok: true, remoteHangup: true, byeStatus: null });
    expect(Date.now() - t0).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 50));
    expect(client.stats.requestsReceived).toBe(1);
    const answer = peer.received.map((r) => r.message).find((m) => !m.isRequest && m.cseq().method === 'BYE');
    expect(answer?.status).toBe(200);
    expect(answer?.topVia().branch).toBe('z9hG4bKpeerbye1');
  });
});
