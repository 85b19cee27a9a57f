/**
 * `siptrunk call` end to end against a real sipp UAS: an answered call with its timings and
 * codec (exit 0), a call cancelled after the ring timeout (exit 1). Loopback 127.0.10.51.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { startSippUas, type SippProcess } from '../helpers/sipp.js';
import { run as runCall } from '../../src/cli/commands/call.js';

const PEER = '127.0.10.51';
const env = { CALL_SECRET: 'call-Secret-17' };
let uas: SippProcess | undefined;
afterEach(async () => {
  await uas?.stop();
  uas = undefined;
});

describe('siptrunk call', () => {
  it('places an authenticated call and reports pddMs, answerMs, codec and auth as JSON (exit 0)', async () => {
    uas = await startSippUas({ scenario: 'invite-401.xml', host: PEER, keys: { user: 'key9', pass: env.CALL_SECRET }, maxCalls: 1 });
    const r = await runCli(
      ['call', `${PEER}:${uas.port}`, '--to', '+14155550100', '--from', '+442071838750', '--key', 'key9', '--secret-env', 'CALL_SECRET', '--hold', '50', '--codecs', 'PCMA,PCMU', '--json'],
      { env, timeoutMs: 60_000 },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, status: 200, auth: 'ok', codec: { name: 'PCMA' }, byeStatus: 200 });
    expect(j.pddMs).toBeGreaterThan(0);
    expect(j.answerMs).toBeGreaterThanOrEqual(j.pddMs);
    expect((await uas.waitExit(5000)).code).toBe(0);
  }, 90_000);

  it('cancels after --ring-timeout and exits 1 with the 487', async () => {
    uas = await startSippUas({ scenario: 'invite-no-answer.xml', host: PEER, maxCalls: 1 });
    const r = await runCli(['call', `${PEER}:${uas.port}`, '--to', '+14155550100', '--from', '+442071838750', '--ring-timeout', '200'], { timeoutMs: 60_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('487 Request Terminated');
    expect(r.stdout).toContain('no answer: cancelled after the ring timeout');
    expect(r.stdout).toMatch(/→ CANCEL/);
  }, 90_000);

  it('refuses numbers that are not E.164 and unknown codecs with typed errors', async () => {
    await expect(runCall([`${PEER}:5060`], { to: '0155550100', from: '+442071838750' })).rejects.toMatchObject({ code: 'SIPUA_BAD_E164' });
    await expect(runCall([`${PEER}:5060`], { to: '+1415', from: '+442071838750' })).rejects.toMatchObject({ code: 'SIPUA_BAD_E164' });
    await expect(runCall([`${PEER}:5060`], { to: '+14155550100', from: '+44 20' })).rejects.toMatchObject({ code: 'SIPUA_BAD_E164' });
    await expect(runCall([`${PEER}:5060`], { to: '+14155550100', from: '+442071838750', codecs: 'PCMA,opus' })).rejects.toMatchObject({ code: 'SIPUA_BAD_CODEC' });
    await expect(runCall([`${PEER}:5060`], { to: '+14155550100', from: '+442071838750', hold: '-1' })).rejects.toMatchObject({ code: 'SIPUA_BAD_NUMBER' });
  });
});
