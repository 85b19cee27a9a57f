/**
 * OutgoingRequest: a request written to wire text once. Its bytes with a Via; sent through the
 * transaction layer, the peer gets those bytes and the transaction's `request` is the message
 * parsed from them; too large for UDP, it goes over TCP with a TCP Via (RFC 3261 18.1.1).
 * Loopback 127.0.10.13.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { OutgoingRequest } from '../../src/sip/outgoing-request.js';
import { parseMessage } from '../../src/sip/parser.js';
import { TransactionLayer } from '../../src/sip/transaction/transaction-layer.js';
import { Timers } from '../../src/sip/transaction/timers.js';
import { SipClient } from '../../src/sip/user-agent/sip-client.js';
import { optionsRequestWriter } from '../../src/sip/user-agent/requests.js';
import { startUdpPeer, startTcpPeer } from '../helpers/scripted-peer.js';

const HOST = '127.0.10.13';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('OutgoingRequest', () => {
  it('writes its start line, the Via, its rows and Content-Length from the body in bytes', () => {
    const body = Buffer.from('v=0\r\nš\r\n', 'utf8');
    const r = new OutgoingRequest('MESSAGE', 'sip:a@h', 'Max-Forwards: 70\r\nContent-Type: text/plain\r\n', body);
    const wire = r.wire('SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKx;rport');
    expect(wire.toString('utf8')).toBe(
      'MESSAGE sip:a@h SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKx;rport\r\nMax-Forwards: 70\r\nContent-Type: text/plain\r\n' +
        `Content-Length: ${body.length}\r\n\r\nv=0\r\nš\r\n`,
    );
    const m = parseMessage(wire, { datagram: false });
    expect(m.body.equals(body)).toBe(true);
    expect(m.topVia().branch).toBe('z9hG4bKx');
  });

  it('goes through the transaction layer: the peer gets its bytes, and tx.request is the message parsed from them', async () => {
    const peer = await startUdpPeer(HOST);
    cleanups.push(() => peer.close());
    peer.onMessage = (r) => r.reply(200, 'OK');
    const layer = new TransactionLayer({ localAddress: HOST, timers: new Timers({ T1: 10, T2: 40, T4: 20 }) });
    cleanups.push(() => layer.close());
    const uri = `sip:${HOST}:${peer.port}`;
    const write = optionsRequestWriter(uri, { callId: 'or-1', fromHeader: `<sip:t@${HOST}>;tag=a`, toHeader: `<${uri}>` }, 'siptrunk-test');
    const tx = await layer.send(write(7, []), { transport: 'udp', address: HOST, port: peer.port });
    const out = await tx.outcome;
    expect(out.kind === 'response' && out.response.status).toBe(200);
    const got = peer.received[0]!.message;
    expect(got.rawHeaders()).toEqual(tx.request.rawHeaders());
    expect(tx.request).toBe(tx.request); // parsed once
    expect(tx.request.method).toBe('OPTIONS');
    expect(tx.request.uri).toBe(uri);
    expect(tx.request.getAll('Via')).toEqual([tx.via]);
    expect(tx.request.cseq()).toEqual({ seq: 7, method: 'OPTIONS' });
    expect(tx.request.get('User-Agent')).toBe('siptrunk-test');
  });

  it('goes over TCP to the same address and port when larger than 1300 bytes (RFC 3261 18.1.1), with a TCP Via', async () => {
    const tcp = await startTcpPeer(HOST);
    cleanups.push(() => tcp.close());
    tcp.onMessage = (r) => r.reply(200, 'OK');
    const client = new SipClient({ localAddress: HOST, userAgent: 'siptrunk/' + 'x'.repeat(1400), timers: { T1: 10, T2: 40, T4: 20 } });
    cleanups.push(() => client.close());
    const r = await client.options({ host: HOST, port: tcp.port, transport: 'udp' });
    expect(r).toMatchObject({ ok: true, status: 200, switchedToTcp: true, transport: 'tcp' });
    expect(tcp.received[0]!.message.topVia().transport).toBe('TCP');
    expect(tcp.received[0]!.message.getAll('Via')).toHaveLength(1);
    expect(client.stats.sizeSwitchedToTcp).toBe(1);
  });
});
