/**
 * E.164 phone numbers (ITU-T E.164): a country calling code and a national significant number,
 * at most 15 digits in all, written with a leading `+`. Country data (which calling codes exist,
 * the possible lengths and number ranges of each country) comes from libphonenumber-js with its
 * full ("max") metadata, loaded on first use.
 *
 * Accepted inputs: `+14155550100`, `14155550100` (the carrier's own form, digits without `+`),
 * `+44 20 7946 0018` (spaces, dots, dashes, brackets and slashes are formatting), `0044...`
 * (the international call prefix 00 instead of `+`). A leading single `0` is a national trunk
 * prefix: without a country it cannot be normalised, so it is an error. Other international call
 * prefixes (011 in North America) are not recognised: `011...` reads as calling code +01... and fails.
 */
import type * as Lib from 'libphonenumber-js/max';
import { lazy, lazyRequire } from '../lazy-require.js';
import type { ModelCode } from '../codes.js';

export interface NumberProblem {
  code: ModelCode;
  message: string;
  expected: string;
}

export interface NumberCheck {
  input: string;
  valid: boolean;
  /** `+` form when the number could be read (also for some invalid numbers, to show how it was read). */
  e164: string | undefined;
  /** ISO 3166-1 alpha-2 country, when known. */
  country: string | undefined;
  callingCode: string | undefined;
  nationalNumber: string | undefined;
  errors: NumberProblem[];
}

export interface CheckNumberOptions {
  /**
   * Country (ISO 3166-1 alpha-2) to read a national-format number (leading 0) in. Without it a
   * national-format number is an error, since the model must say which country it means.
   */
  defaultCountry?: string;
}

/** E.164 section 6.2.1: "the international number ... maximum number of digits ... is 15". */
export const E164_MAX_DIGITS = 15;

const lib = lazy(() => lazyRequire('libphonenumber-js/max') as typeof Lib);
const regionNames = lazy(() => new Intl.DisplayNames(['en'], { type: 'region' }));

const EXTENSION = /^(.*?)\s*(?:;\s*ext=|,|#|(?:ext|extn|extension|x)\.?\s*)\s*(\d{1,10})\s*$/i;
const FORMATTING = /[\s.\-()/\u00a0]/g;

export function checkNumber(input: string, opts: CheckNumberOptions = {}): NumberCheck {
  const result: NumberCheck = {
    input,
    valid: false,
    e164: undefined,
    country: undefined,
    callingCode: undefined,
    nationalNumber: undefined,
    errors: [],
  };
  const fail = (code: ModelCode, message: string, expected: string): NumberCheck => {
    result.errors.push({ code, message, expected });
    return result;
  };
  const text = input.trim();
  if (text === '') return fail('MODEL_E164_EMPTY', 'the phone number is empty', 'a number in E.164 form such as +14155550100');

  // An explicit extension: "+1 415 555 0100 ext. 12", ";ext=12", "x12", "#12".
  const ext = EXTENSION.exec(text);
  if (ext && /\d/.test(ext[1] ?? '')) {
    const main = ext[1]!;
    const mainCheck = checkNumber(main, opts);
    Object.assign(result, { ...mainCheck, input, valid: false, errors: [] });
    return fail(
      'MODEL_E164_EXTENSION',
      `"${text}" carries the extension ${ext[2]}; E.164 numbers have no extensions`,
      `the number alone (${mainCheck.e164 ?? main.trim()}); route the extension in the PBX dial plan or send it as DTMF`,
    );
  }

  const bad = /[^0-9+\s.\-()/\u00a0]/.exec(text) ?? /.\+/.exec(text);
  if (bad) {
    const ch = bad[0].length === 1 ? bad[0] : '+';
    const at = bad[0].length === 1 ? bad.index : bad.index + 1;
    return fail(
      'MODEL_E164_NOT_A_NUMBER',
      `"${text}" has ${JSON.stringify(ch)} at character ${at + 1}, which is not part of a phone number`,
      'digits with an optional leading + (spaces, dots, dashes and brackets are allowed as formatting)',
    );
  }
  let digits = text.replace(FORMATTING, '');
  let international = true;
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) international = false;
  if (!/^\d+$/.test(digits)) {
    return fail('MODEL_E164_NOT_A_NUMBER', `"${text}" has no digits after its prefix`, 'a number in E.164 form such as +14155550100');
  }

  const { parsePhoneNumberWithError, ParseError } = lib();
  if (!international) {
    if (!opts.defaultCountry) {
      return fail(
        'MODEL_E164_NATIONAL_FORMAT',
        `"${text}" starts with 0, a national trunk prefix: the country is not known`,
        'the number with its country code, e.g. +44 20 7946 0018 instead of 020 7946 0018',
      );
    }
  }
  if (international && digits.length > E164_MAX_DIGITS) {
    return fail(
      'MODEL_E164_TOO_LONG',
      `"${text}" has ${digits.length} digits; E.164 allows at most ${E164_MAX_DIGITS} including the country code`,
      `at most ${E164_MAX_DIGITS} digits after the +`,
    );
  }

  let parsed: Lib.PhoneNumber;
  try {
    parsed = international
      ? parsePhoneNumberWithError('+' + digits)
      : parsePhoneNumberWithError(digits, opts.defaultCountry as Lib.CountryCode);
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    if (err.message === 'INVALID_COUNTRY') {
      return fail(
        'MODEL_E164_UNKNOWN_COUNTRY_CODE',
        `"${text}" does not start with a country calling code that exists (+${digits.slice(0, 3)}... matches none)`,
        'a number starting with an assigned country calling code (1 to 3 digits, e.g. +1, +44, +353)',
      );
    }
    if (err.message === 'TOO_LONG') {
      return fail('MODEL_E164_TOO_LONG', `"${text}" is too long to be a phone number`, `at most ${E164_MAX_DIGITS} digits after the +`);
    }
    return fail(
      'MODEL_E164_TOO_SHORT',
      `"${text}" is too short to be a phone number (${digits.length} digits)`,
      'a country calling code followed by the subscriber number, e.g. +14155550100',
    );
  }

  result.callingCode = parsed.countryCallingCode;
  result.nationalNumber = parsed.nationalNumber;
  result.country = parsed.country;
  result.e164 = parsed.number;
  if (parsed.isValid()) {
    result.valid = true;
    return result;
  }

  const cc = parsed.countryCallingCode;
  const national = parsed.nationalNumber;
  const place = describePlace(parsed.country, cc);
  const lengths = possibleLengths(parsed.country, cc);
  const lengthWords = describeLengths(lengths);
  const lengthVerdict = lib().validatePhoneNumberLength(parsed.number);

  if (lengthVerdict === 'TOO_LONG') {
    // A number too long for its country that becomes valid when its tail is cut off is a
    // number plus extension, as in the carrier document's own example 331908817135 (CC 33,
    // AC 1908, LC 8, Ext 17135). E.164 has no extensions.
    for (let k = national.length - 1; k >= Math.min(...lengths); k--) {
      const head = national.slice(0, k);
      const candidate = lib().parsePhoneNumber('+' + cc + head);
      if (candidate.isValid()) {
        return fail(
          'MODEL_E164_EXTENSION',
          `"${text}" has ${national.length} digits after +${cc}, but a number in ${place} has ${lengthWords}; ` +
            `it only fits read as +${cc}${head} plus extension ${national.slice(k)}, and E.164 has no extensions`,
          `the number without the extension (+${cc}${head}); route the extension in the PBX dial plan or send it as DTMF`,
        );
      }
    }
  }
  if (lengthVerdict === 'TOO_LONG' || lengthVerdict === 'TOO_SHORT' || lengthVerdict === 'INVALID_LENGTH') {
    return fail(
      'MODEL_E164_INVALID_LENGTH',
      `"${text}" has ${national.length} digits after +${cc}, but a number in ${place} has ${lengthWords}`,
      `a number in ${place}: +${cc} followed by ${lengthWords}`,
    );
  }
  return fail(
    'MODEL_E164_INVALID_FOR_COUNTRY',
    `"${text}" has a possible length for ${place} but +${cc} ${national} is in no number range in use there ` +
      '(fixed line, mobile, toll free, shared cost, VoIP, ...)',
    `a number assigned in ${place}; check the digits after +${cc}`,
  );
}

/** "France (+33)", or "country code +1" when the calling code is shared and no country matched. */
function describePlace(country: string | undefined, cc: string): string {
  if (country) {
    let name: string | undefined;
    try {
      name = regionNames().of(country);
    } catch {
      name = undefined;
    }
    return `${name ?? country} (+${cc})`;
  }
  return `country code +${cc}`;
}

const lengthsCache = new Map<string, number[]>();

/** Possible lengths of the national significant number, from libphonenumber's metadata. */
function possibleLengths(country: string | undefined, cc: string): number[] {
  const key = country ?? cc;
  let cached = lengthsCache.get(key);
  if (!cached) {
    cached = readPossibleLengths(country, cc);
    lengthsCache.set(key, cached);
  }
  return cached;
}

function readPossibleLengths(country: string | undefined, cc: string): number[] {
  // The CommonJS build's Metadata takes the metadata as an argument (the same JSON the max
  // entry point loaded, so it is not read twice).
  const { Metadata } = lazyRequire('libphonenumber-js/core') as typeof Lib;
  const MetadataClass = Metadata as unknown as new (json: unknown) => Lib.Metadata;
  const m = new MetadataClass(lazyRequire('libphonenumber-js/metadata.max.json'));
  m.selectNumberingPlan((country ?? cc) as Lib.CountryCode);
  const plan = (m as unknown as { numberingPlan?: { possibleLengths(): number[] } }).numberingPlan;
  const lengths = plan?.possibleLengths() ?? [];
  return lengths.length ? [...lengths].sort((a, b) => a - b) : [1, E164_MAX_DIGITS - cc.length];
}

/** [9] -> "9 digits", [9, 10] -> "9 or 10 digits", [5, 6, 7, 8] -> "5 to 8 digits". */
export function describeLengths(lengths: number[]): string {
  if (lengths.length === 1) return `${lengths[0]} digits`;
  const contiguous = lengths.every((n, i) => i === 0 || n === lengths[i - 1]! + 1);
  if (contiguous && lengths.length > 2) return `${lengths[0]} to ${lengths[lengths.length - 1]} digits`;
  return `${lengths.slice(0, -1).join(', ')} or ${lengths[lengths.length - 1]} digits`;
}
