/**
 * The Kamailio harness and auth-trunk.cfg, checked with a real client on each side: a sipp UAC
 * with the right password gets 200 to OPTIONS, a wrong one 403; the TLS listener completes a
 * TLS 1.2+ handshake with the node-forge certificate. Loopback 127.0.10.2.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import tls from 'node:tls';
import { startAuthTrunk, type KamailioProcess } from '../../helpers/kamailio.js';
import { runSippUac } from '../../helpers/sipp.js';
import { freePort } from '../../helpers/ports.js';
import { createSelfSignedCert } from '../../../src/sip/cert.js';

const HOST = '127.0.10.2';
let kam: KamailioProcess;
let udpPort: number;
let tlsPort: number;

beforeAll(async () => {
  udpPort = await freePort(HOST);
  const tcpPort = await freePort(HOST);
  tlsPort = await freePort(HOST);
  const cert = createSelfSignedCert({ commonName: HOST, days: 2 });
  kam = await startAuthTrunk({ host: HOST, udpPort, tcpPort, password: 'kam-secret', tls: { port: tlsPort, ...cert } });
});

afterAll(async () => {
  await kam?.stop();
});

describe('kamailio harness (auth-trunk.cfg)', () => {
  it('answers a digest OPTIONS with the right password with 200', async () => {
    const r = await runSippUac({
      scenario: 'bench-options-uac.xml', remote: `${HOST}:${udpPort}`, host: HOST, calls: 1,
      username: 'someone', password: 'kam-secret', timeoutMs: 10_000,
    });
    expect(r.code, r.log + kam.log()).toBe(0);
  });

  it('answers a wrong password with 403', async () => {
    const r = await runSippUac({
      scenario: 'bench-options-uac.xml', remote: `${HOST}:${udpPort}`, host: HOST, calls: 1,
      username: 'someone', password: 'nope', timeoutMs: 10_000,
    });
    expect(r.code).not.toBe(0);
    expect(r.log).toContain('403');
  });

  it('serves TLS 1.2 or later on the TLS listener', async () => {
    const version = await new Promise<string | null>((resolve, reject) => {
      const s = tls.connect({ host: HOST, port: tlsPort, rejectUnauthorized: false }, () => {
        resolve(s.getProtocol());
        s.destroy();
      });
      s.once('error', reject);
    });
    expect(version).toMatch(/^TLSv1\.[23]$/);
  });
});
