import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('siptrunk number', () => {
  it('normalises valid numbers and exits 0', async () => {
    const r = await runCli(['number', '+14155550100', '14155550100', '+44 20 7946 0018', '0044 20 7946 0018']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      '+14155550100: valid +14155550100 country US (+1) national number 4155550100',
      '14155550100: valid +14155550100 country US (+1) national number 4155550100',
      '+44 20 7946 0018: valid +442079460018 country GB (+44) national number 2079460018',
      '0044 20 7946 0018: valid +442079460018 country GB (+44) national number 2079460018',
    ]);
  });

  it('exits 1 when any number is invalid and says why', async () => {
    const r = await runCli(['number', '+14155550100', '331908817135']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('331908817135: invalid MODEL_E164_EXTENSION');
    expect(r.stdout).toContain('E.164 has no extensions');
  });

  it('--json: input, e164, country, valid and errors per number', async () => {
    const r = await runCli(['number', '--json', '+33 1 23 45', '+14155550100']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.numbers).toHaveLength(2);
    expect(Object.keys(out.numbers[0])).toEqual(['input', 'valid', 'e164', 'country', 'callingCode', 'nationalNumber', 'errors']);
    expect(out.numbers[0]).toMatchObject({ input: '+33 1 23 45', valid: false, country: 'FR', errors: [{ code: 'MODEL_E164_INVALID_LENGTH' }] });
    expect(out.numbers[0].errors[0].message).toContain('9 digits');
    expect(out.numbers[1]).toEqual({ input: '+14155550100', valid: true, e164: '+14155550100', country: 'US', callingCode: '1', nationalNumber: '4155550100', errors: [] });
  });

  it('no number is a usage error, exit 2', async () => {
    expect((await runCli(['number'])).code).toBe(2);
  });
});

describe('siptrunk number --json keeps every field', () => {
  it('writes null for what an invalid number lacks', async () => {
    const out = JSON.parse((await runCli(['number', '--json', 'abc'])).stdout);
    expect(out.numbers[0]).toEqual({
      input: 'abc', valid: false, e164: null, country: null, callingCode: null, nationalNumber: null,
      errors: [expect.objectContaining({ code: 'MODEL_E164_NOT_A_NUMBER' })],
    });
  });
});
