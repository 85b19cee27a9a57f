import { SipParseError } from '../parse-error.js';
import { isToken } from './header-names.js';

/** CSeq (RFC 3261 20.16): `1*DIGIT LWS Method`; the number "MUST be less than 2**31" (8.1.1.5). */
export interface CSeq {
  seq: number;
  method: string;
}

const CSEQ = /^[ \t\r\n]*(\d+)[ \t\r\n]+([^ \t\r\n]+)[ \t\r\n]*$/;

export function parseCSeq(value: string): CSeq {
  // Fast path: "digits SP method" with no other whitespace.
  const sp = value.indexOf(' ');
  if (sp > 0 && sp <= 10 && value.charCodeAt(0) !== 0x30) {
    let seq = 0;
    let ok = true;
    for (let k = 0; k < sp; k++) {
      const c = value.charCodeAt(k);
      if (c < 0x30 || c > 0x39) {
        ok = false;
        break;
      }
      seq = seq * 10 + (c - 0x30);
    }
    const method = value.slice(sp + 1);
    if (ok && seq < 2 ** 31 && isToken(method)) return { seq, method };
  }
  const m = CSEQ.exec(value);
  if (!m || !isToken(m[2]!)) {
    throw new SipParseError('SIP_PARSE_HEADER_VALUE', `CSeq "${value}" is not "number method"`, {
      location: { header: 'CSeq' },
      expected: 'CSeq: 1*DIGIT SP Method, e.g. "1 INVITE"',
    });
  }
  const digits = m[1]!.replace(/^0+(?=\d)/, '');
  if (digits.length > 10 || Number(digits) >= 2 ** 31) {
    throw new SipParseError('SIP_DEFECT_SCALAR_RANGE', `CSeq number ${m[1]} is not below 2**31 (RFC 3261 8.1.1.5)`, {
      location: { header: 'CSeq' },
      expected: 'a sequence number from 0 to 2147483647',
    });
  }
  return { seq: Number(digits), method: m[2]! };
}
