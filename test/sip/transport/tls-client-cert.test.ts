/**
 * The TLS transport presents the user's client certificate (made with createSelfSignedCert, as
 * `siptrunk cert` does) and reports the server's. The server is a node:tls server that asks for
 * a client certificate and answers OPTIONS with 200, so the test can read what the client sent.
 * Loopback 127.0.10.14.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCert } from '../../../src/sip/cert.js';
import { SipClient } from '../../../src/sip/user-agent/sip-client.js';
import { StreamFramer } from '../../../src/sip/stream-framer.js';
import { serialize } from '../../../src/sip/serializer.js';
import { responseTo } from '../../helpers/scripted-peer.js';
import { Secret } from '../../../src/util/secret.js';

const HOST = '127.0.10.14';
const serverCert = createSelfSignedCert({ commonName: HOST, days: 3 });
const clientCert = createSelfSignedCert({ commonName: 'pbx.example.com', days: 30 });
let server: tls.Server;
let port = 0;
const seenClientCn: (string | undefined)[] = [];

beforeAll(async () => {
  server = tls.createServer({ cert: serverCert.certPem, key: serverCert.keyPem, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' }, (s) => {
    const peer = s.getPeerCertificate();
    seenClientCn.push(peer && Object.keys(peer).length ? (peer.subject?.CN as string | undefined) : undefined);
    const framer = new StreamFramer();
    s.on('data', (d) => {
      for (const m of framer.push(d)) s.write(serialize(responseTo(m, 200, 'OK', [['Server', 'node-tls']])));
    });
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, HOST, () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

describe('TLS client certificate', () => {
  it('presents the client certificate and reports the server certificate (3 days left)', async () => {
    const client = new SipClient({ localAddress: HOST, tls: { ca: serverCert.certPem, cert: clientCert.certPem, key: new Secret(clientCert.keyPem, 'test') } });
    try {
      const r = await client.options({ host: HOST, port, transport: 'tls' }, { timeoutMs: 5000 });
      expect(r).toMatchObject({ ok: true, status: 200, server: 'node-tls', transport: 'tls', tls: { authorized: true, certDaysLeft: 2, certSubject: HOST } });
      expect(seenClientCn.at(-1)).toBe('pbx.example.com');
    } finally {
      await client.close();
    }
  });

  it('sends no certificate when none is configured', async () => {
    const client = new SipClient({ localAddress: HOST, tls: { ca: serverCert.certPem } });
    try {
      const r = await client.options({ host: HOST, port, transport: 'tls' }, { timeoutMs: 5000 });
      expect(r.ok).toBe(true);
      expect(seenClientCn.at(-1)).toBeUndefined();
    } finally {
      await client.close();
    }
  });
});
