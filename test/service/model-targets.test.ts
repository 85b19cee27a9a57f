/**
 * `models:` in the service configuration: the endpoints of a trunk model (the two nearest of the
 * carrier's regional plan, both primaries, named by a real DNS server, and the forward-to-SIP entry)
 * become scheduled targets, probed with the model's own credentials against sipp peers that
 * check the Digest password.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server.js';
import { freePort, udpPortFree, waitFor } from '../helpers/ports.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';
import { basic, KEYS, startTestService, type TestService } from './helpers/service.js';

const SVC = '127.0.30.80';
const DNS = '127.0.30.81';
const US1 = '127.0.30.82';
const EU1 = '127.0.30.83';
const PBX = '127.0.30.84';
const SECRET = 'model-Secret-31';
const OK_SCENARIO = new URL('../probe/peers/options-200.xml', import.meta.url).pathname;

let dir: string;
let dns: TestDnsServer;
let svc: TestService | undefined;
const peers: SippProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'siptrunk-models-'));
  dns = await startDnsServer({ host: DNS, zone: { 'sip-us1.models.test': { A: [US1] }, 'sip-eu1.models.test': { A: [EU1] } } });
  let port: number;
  do port = await freePort(US1);
  while (!(await udpPortFree(EU1, port)));
  for (const h of [US1, EU1]) peers.push(await startSippUas({ scenario: 'options-401.xml', host: h, port, keys: { user: 'modelkey', pass: SECRET } }));
  const pbx = await startSippUas({ scenario: OK_SCENARIO, host: PBX });
  peers.push(pbx);
  writeFileSync(join(dir, 'trunk.yaml'), [
    'name: watched',
    'carrier:',
    '  base: nexmo',
    '  domain: sip.models.test',
    '  endpoints:',
    '    - { host: sip-us1.models.test, region: us, location: Washington, latitude: 38.9072, longitude: -77.0369 }',
    '    - { host: sip-eu1.models.test, region: eu, location: London, latitude: 51.5074, longitude: -0.1278 }',
    `  ports: { udp: ${port}, tcp: ${port}, tls: ${port + 1} }`,
    'account: { apiKey: modelkey, secret: { file: ./secret.txt } }',
    'numbers: { callerId: "+14155550100", dids: ["+14155550100"] }',
    'codecs: [PCMU]',
    'transports: [udp]',
    'region: us-east',
    `dns: { server: "${dns.address}" }`,
    `forwardToSip: ["sip:1000@${PBX}:${pbx.port}"]`,
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'secret.txt'), SECRET + '\n');
});

afterAll(async () => {
  await svc?.stop();
  await Promise.all(peers.map((p) => p.stop()));
  await dns?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('service models', () => {
  it('watches every endpoint of the model with its credentials', async () => {
    svc = await startTestService(SVC, {
      modules: { sip_options: { timeout: '1s', interval: '200ms', jitter: '0s' } },
      thresholds: { down: 2, up: 2 },
      models: [{ file: join(dir, 'trunk.yaml') }],
    });
    const get = async () =>
      ((await (await fetch(`${svc!.url}/v1/targets`, { headers: { authorization: basic(KEYS.ok.key, KEYS.ok.secret) } })).json()) as {
        targets: { name: string; state: string; last?: { status: number; auth: string; role: string } }[];
      }).targets;
    await waitFor(async () => (await get()).every((t) => t.state === 'up'), 15_000, 'every model endpoint up');
    const targets = await get();
    expect(targets.map((t) => t.name).sort()).toEqual([
      `watched/forward/${PBX}:${peers[2]!.port}/udp`,
      `watched/primary/sip-eu1.models.test:${peers[0]!.port}/udp`,
      `watched/primary/sip-us1.models.test:${peers[0]!.port}/udp`,
    ]);
    for (const t of targets) {
      expect(t.last?.status).toBe(200);
      expect(t.last?.auth).toBe(t.last?.role === 'forward' ? 'none' : 'ok');
    }
    const metrics = await (await fetch(`${svc.url}/metrics`, { headers: { authorization: basic(KEYS.ok.key, KEYS.ok.secret) } })).text();
    expect(metrics).toMatch(/sip_probe_up\{target="watched\/primary\/sip-us1\.models\.test:\d+\/udp",endpoint="sip-us1\.models\.test:\d+",transport="udp"\} 1/);
    expect(metrics).not.toContain(SECRET);
  }, 60_000);
});
