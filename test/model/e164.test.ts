import { describe, expect, it } from 'vitest';
import { checkNumber, describeLengths } from '../../src/model/rules/e164.js';

describe('checkNumber accepts and normalises', () => {
  it.each([
    ['+14155550100', '+14155550100', 'US', '1', '4155550100'],
    ['14155550100', '+14155550100', 'US', '1', '4155550100'],
    ['+44 20 7946 0018', '+442079460018', 'GB', '44', '2079460018'],
    ['0044 20 7946 0018', '+442079460018', 'GB', '44', '2079460018'],
    ['00442079460018', '+442079460018', 'GB', '44', '2079460018'],
    ['+1 (415) 555-0100', '+14155550100', 'US', '1', '4155550100'],
    ['447937947990', '+447937947990', 'JE', '44', '7937947990'],
    ['+33 1 23 45 67 89', '+33123456789', 'FR', '33', '123456789'],
  ])('%s -> %s', (input, e164, country, cc, national) => {
    const r = checkNumber(input);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ input, valid: true, e164, country, callingCode: cc, nationalNumber: national });
  });

  it('reads a national number in the default country when one is given', () => {
    expect(checkNumber('020 7946 0018', { defaultCountry: 'GB' })).toMatchObject({ valid: true, e164: '+442079460018' });
  });
});

describe('checkNumber rejects, saying why', () => {
  it('more than 15 digits', () => {
    const r = checkNumber('+1234567890123456');
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: 'MODEL_E164_TOO_LONG' });
    expect(r.errors[0]!.message).toContain('16 digits');
  });

  it('a country calling code that does not exist', () => {
    const r = checkNumber('+999123456789');
    expect(r.errors.map((e) => e.code)).toEqual(['MODEL_E164_UNKNOWN_COUNTRY_CODE']);
  });

  it('a French number with the wrong length, naming the 9 digits after +33', () => {
    const r = checkNumber('+33 1 23 45');
    expect(r.errors.map((e) => e.code)).toEqual(['MODEL_E164_INVALID_LENGTH']);
    expect(r.errors[0]!.message).toMatch(/France \(\+33\) has 9 digits/);
    expect(r.errors[0]!.expected).toContain('+33 followed by 9 digits');
  });

  it('the carrier document example 331908817135: only fits as number plus extension', () => {
    const r = checkNumber('331908817135');
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual(['MODEL_E164_EXTENSION']);
    expect(r.errors[0]!.message).toMatch(/E\.164 has no extensions/);
    expect(r.errors[0]!.message).toContain('10 digits after +33');
  });

  it.each(['+1 415 555 0100 ext. 12', '+14155550100;ext=12', '+14155550100 x12'])('an explicit extension: %s', (input) => {
    const r = checkNumber(input);
    expect(r.errors.map((e) => e.code)).toEqual(['MODEL_E164_EXTENSION']);
    expect(r.errors[0]!.expected).toContain('+14155550100');
  });

  it('a possible length that is in no number range', () => {
    // NANP area codes cannot start with 0 or 1.
    const r = checkNumber('+1 055 555 0100');
    expect(r.errors.map((e) => e.code)).toEqual(['MODEL_E164_INVALID_FOR_COUNTRY']);
  });

  it('national format without a country', () => {
    expect(checkNumber('020 7946 0018').errors.map((e) => e.code)).toEqual(['MODEL_E164_NATIONAL_FORMAT']);
  });

  it.each([
    ['', 'MODEL_E164_EMPTY'],
    ['   ', 'MODEL_E164_EMPTY'],
    ['abc', 'MODEL_E164_NOT_A_NUMBER'],
    ['+44 20 7946 001a', 'MODEL_E164_NOT_A_NUMBER'],
    ['++4420', 'MODEL_E164_NOT_A_NUMBER'],
    ['+', 'MODEL_E164_NOT_A_NUMBER'],
    ['+1', 'MODEL_E164_TOO_SHORT'],
  ])('%j -> %s', (input, code) => {
    const r = checkNumber(input);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.code)).toEqual([code]);
  });
});

describe('describeLengths', () => {
  it('words the possible lengths', () => {
    expect(describeLengths([9])).toBe('9 digits');
    expect(describeLengths([9, 10])).toBe('9 or 10 digits');
    expect(describeLengths([5, 6, 7, 8])).toBe('5 to 8 digits');
    expect(describeLengths([5, 7, 9])).toBe('5, 7 or 9 digits');
  });
});
