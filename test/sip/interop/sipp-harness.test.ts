/**
 * The sipp harness and the UAS scenarios, checked with sipp on both ends: a sipp UAC with the
 * right password gets through options-401.xml's verifyauth, one with a wrong password gets 403.
 * Loopback 127.0.10.1.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { startSippUas, runSippUac, type SippProcess } from '../../helpers/sipp.js';

const HOST = '127.0.10.1';
let uas: SippProcess | undefined;

afterEach(async () => {
  await uas?.stop();
  uas = undefined;
});

describe('sipp harness', () => {
  for (const transport of ['udp', 'tcp'] as const) {
    it(`starts a UAS over ${transport} whose verifyauth accepts the right password`, async () => {
      uas = await startSippUas({ scenario: 'options-401.xml', host: HOST, transport, keys: { user: 'u1', pass: 'right' } });
      const uac = await runSippUac({
        scenario: 'bench-options-uac.xml', remote: `${HOST}:${uas.port}`, host: HOST, transport,
        calls: 2, username: 'u1', password: 'right', timeoutMs: 10_000,
      });
      expect(uac.code, uac.log).toBe(0);
    });
  }

  it('rejects a wrong password with 403 (the sipp UAC expecting 200 fails)', async () => {
    uas = await startSippUas({ scenario: 'options-401.xml', host: HOST, keys: { user: 'u1', pass: 'right' } });
    const uac = await runSippUac({
      scenario: 'bench-options-uac.xml', remote: `${HOST}:${uas.port}`, host: HOST,
      calls: 1, username: 'u1', password: 'wrong', timeoutMs: 10_000,
    });
    expect(uac.code).not.toBe(0);
    expect(uac.log).toContain('403');
  });

  it('stop() kills a running UAS and reports its exit', async () => {
    uas = await startSippUas({ scenario: 'silent.xml', host: HOST });
    const pid = uas.pid;
    await uas.stop();
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});
