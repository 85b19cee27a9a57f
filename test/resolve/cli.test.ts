import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer, type Zone } from '../helpers/dns-server.js';
import { freePort } from '../helpers/ports.js';
import { runCli } from '../helpers/run-cli.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';

const scenario = (n: string) => fileURLToPath(new URL(`./peers/${n}.xml`, import.meta.url));

/**
 * `siptrunk resolve` and `siptrunk forward` as users run them, against a model that points DNS
 * at our test server and moves the carrier's port to that of six sipp peers standing in for the
 * carrier endpoints (sip-XX1 silent, sip-XX2 answering), plus forward-to-SIP peers.
 */
describe('siptrunk resolve and forward', () => {
  const endpoints: Record<string, string> = {
    'sip-us1.nexmo.com': '127.0.20.31', 'sip-us2.nexmo.com': '127.0.20.32',
    'sip-eu1.nexmo.com': '127.0.20.33', 'sip-eu2.nexmo.com': '127.0.20.34',
    'sip-ap1.nexmo.com': '127.0.20.35', 'sip-ap2.nexmo.com': '127.0.20.36',
  };
  const peers: SippProcess[] = [];
  const fwd: Record<string, string> = {};
  let dns: TestDnsServer;
  let dir: string;
  let model: string;
  let port = 0;

  beforeAll(async () => {
    for (let tries = 0; tries < 5 && peers.length < 6; tries++) {
      await Promise.all(peers.splice(0).map((p) => p.stop()));
      port = await freePort('127.0.20.31');
      try {
        for (const [name, host] of Object.entries(endpoints)) {
          peers.push(await startSippUas({ scenario: scenario(name.includes('1.') ? 'options-silent' : 'options-200'), host, port }));
        }
      } catch {
        // port taken on one address: another try
      }
    }
    for (const [kind, host] of [['options-500', '127.0.20.41'], ['options-200', '127.0.20.42'], ['invite-500', '127.0.20.43'], ['invite-ring', '127.0.20.44'], ['invite-200', '127.0.20.45']] as const) {
      const p = await startSippUas({ scenario: scenario(kind), host });
      peers.push(p);
      fwd[kind] = `sip:1234@${host}:${p.port};timeout=2000`;
    }
    const zone: Zone = {};
    for (const [name, host] of Object.entries(endpoints)) zone[name] = { A: [host], ttl: 90 };
    dns = await startDnsServer({ host: '127.0.20.1', zone });
    dir = mkdtempSync(join(tmpdir(), 'siptrunk-resolve-cli-'));
    model = join(dir, 'trunk.yaml');
    writeFileSync(model, [
      'name: nexmo',
      'carrier:',
      '  base: nexmo',
      `  ports: { udp: ${port}, tcp: ${port}, tls: ${port + 1} }`,
      'account: { apiKey: abcd1234, secret: "${NEXMO_API_SECRET}" }',
      'numbers: { callerId: "+447937947990", dids: ["+14155550100"] }',
      'codecs: [PCMA, PCMU]',
      'transports: [udp]',
      'region: eu-west',
      'pbx: [{ target: asterisk-pjsip }]',
      `forwardToSip: ["${fwd['options-500']}", "${fwd['options-200']}"]`,
      'firewall: [nftables]',
      `dns: { server: "${dns.address}" }`,
      '',
    ].join('\n'));
  });

  afterAll(async () => {
    await dns?.close();
    await Promise.all(peers.map((p) => p.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const env = { NEXMO_API_SECRET: 'not-a-real-secret' };

  it('resolve --model: the regional plan from the model\'s region, DNS server and port, exit 0', async () => {
    const r = await runCli(['resolve', 'sip.nexmo.com', '--model', model, '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, source: 'regional', srvFound: false, dnsServer: dns.address });
    expect(out.regional.region).toBe('eu-west');
    expect(out.regional.tiers[0].endpoints.map((e: { region: string }) => e.region)).toEqual(['eu', 'eu']);
    expect(out.plan[0]).toMatchObject({ order: 1, transport: 'udp', port, source: 'regional', tier: 1, ttl: 90 });
    expect(out.plan.map((e: { host: string }) => e.host).slice(2, 4)).toEqual(['sip-us1.nexmo.com', 'sip-us2.nexmo.com']);
    expect(out.tree.srv.map((s: { name: string }) => s.name)).toEqual(['_sip._udp.sip.nexmo.com']);
  });

  it('resolve --measure: endpoints ordered by OPTIONS round-trip time, silent ones last', async () => {
    const r = await runCli(['resolve', 'sip.nexmo.com', '--model', model, '--measure', '--json'], { env, timeoutMs: 15_000 });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.regional.orderedBy).toBe('rtt');
    const order: Array<{ host: string; rttMs?: number }> = out.regional.order;
    expect(order.slice(0, 3).every((e) => typeof e.rttMs === 'number')).toBe(true);
    expect(order.slice(3).map((e) => e.host)).toEqual(['sip-eu1.nexmo.com', 'sip-us1.nexmo.com', 'sip-ap1.nexmo.com']);
    expect(order.slice(3).every((e) => e.rttMs === undefined)).toBe(true);
  });

  it('resolve prints the tree and the plan as text', async () => {
    const r = await runCli(['resolve', 'sip.nexmo.com', '--dns-server', dns.address, '--region', 'ap-southeast'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A     sip-ap1.nexmo.com: 127.0.20.35 (ttl 90)');
    expect(r.stdout).toMatch(/tier 1 \(load-balanced, alternated per request\): sip-ap[12]\.nexmo\.com \(Singapore, 0 km\), sip-ap[12]\.nexmo\.com/);
    expect(r.stdout).toMatch(/ 1\. UDP 127\.0\.20\.3[56]:5060 /);
  });

  it('resolve exits 2 when nothing resolves', async () => {
    const none = await runCli(['resolve', 'nothing.test', '--dns-server', dns.address, '--json']);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: false, plan: [] });
  });

  it('resolve exits 3 on a --dns-server that is not an address, or an unknown region', async () => {
    const bad = await runCli(['resolve', 'sip.nexmo.com', '--dns-server', 'dns.example.com']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('RESOLVE_DNS_SERVER_INVALID');
    const region = await runCli(['resolve', 'sip.nexmo.com', '--region', 'mars', '--json']);
    expect(region.code).toBe(3);
    expect(JSON.parse(region.stdout).error.code).toBe('RESOLVE_REGION_UNKNOWN');
  });

  it('forward --model: the 500 entry moves on, the second takes the call, exit 0', async () => {
    const r = await runCli(['forward', '--model', model, '--json'], { env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.selected).toEqual({ index: 1, uri: fwd['options-200'] });
    expect(out.attempts.map((a: { uri: string; outcome: string; status: number | null }) => [a.uri, a.outcome, a.status])).toEqual([
      [fwd['options-500'], 'server-error', 500],
      [fwd['options-200'], 'answered', 200],
    ]);
    expect(typeof out.attempts[0].elapsedMs).toBe('number');
  });

  it('forward --method invite: 500, then ringing past the timeout (CANCEL), then an answered call', async () => {
    const r = await runCli(['forward', `${fwd['invite-500']}, ${fwd['invite-ring']}, ${fwd['invite-200']}`, '--method', 'invite'], { timeoutMs: 15_000 });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Forward-to-SIP walk with INVITE, 3 entries (next entry on 5xx, transport error or timeout):');
    expect(lines[1]).toMatch(/^ {2}1\. .*answered 500 Server Internal Error after \d+ ms: a 5xx moves the call to the next entry$/);
    expect(lines[2]).toMatch(/^ {2}2\. .*no final answer within the entry's timeout of 2000 ms$/);
    expect(lines[3]).toMatch(/^ {2}3\. .*answered 200 OK after \d+ ms: this entry takes the call$/);
    expect(lines[4]).toBe(`Entry 3 (${fwd['invite-200']}) takes the call.`);
  });

  it('forward exits 1 when no entry takes the call', async () => {
    const none = await runCli(['forward', fwd['options-500']!]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('No entry takes the call');
  });

  it('forward exits 2 when every entry failed on transport', async () => {
    const dead = await freePort('127.0.20.46');
    const transport = await runCli(['forward', `sip:1234@127.0.20.46:${dead};timeout=2000`, '--json']);
    expect(transport.code).toBe(2);
    expect(JSON.parse(transport.stdout).attempts[0].outcome).toBe('transport-error');
  });

  it('forward exits 3 on a bad method, no list, or a list the carrier would refuse', async () => {
    const method = await runCli(['forward', fwd['options-200']!, '--method', 'register']);
    expect(method.code).toBe(3);
    expect(method.stderr).toContain('RESOLVE_METHOD_INVALID');
    const missing = await runCli(['forward']);
    expect(missing.code).toBe(3);
    const badList = await runCli(['forward', 'sip:1234@pbx.example.com;timeout=100', '--json']);
    expect(badList.code).toBe(3);
    expect(JSON.parse(badList.stdout).error.code).toBe('MODEL_FORWARD_TIMEOUT_RANGE');
  });
});
