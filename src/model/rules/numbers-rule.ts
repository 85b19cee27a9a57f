/** The caller ID and the DIDs: each a valid E.164 number (rules/e164.ts), no DID twice. */
import type { Finding, PhoneNumber } from '../types.js';
import { checkNumber } from './e164.js';
import { finding, type RuleContext } from '../rule-context.js';

function toPhoneNumber(ctx: RuleContext, value: string | number, path: string, out: Finding[]): PhoneNumber | undefined {
  const input = String(value);
  const check = checkNumber(input);
  for (const e of check.errors) out.push(finding(ctx, 'error', e.code, path, e.message, e.expected));
  if (!check.valid || !check.e164 || !check.callingCode || !check.nationalNumber) return undefined;
  return { input, e164: check.e164, country: check.country, callingCode: check.callingCode, nationalNumber: check.nationalNumber };
}

export function numbersRule(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const callerId = toPhoneNumber(ctx, ctx.raw.numbers.callerId, '/numbers/callerId', out);
  if (callerId) ctx.model.callerId = callerId;
  const dids: PhoneNumber[] = [];
  const firstAt = new Map<string, number>();
  ctx.raw.numbers.dids.forEach((d, i) => {
    const path = `/numbers/dids/${i}`;
    const n = toPhoneNumber(ctx, d, path, out);
    if (!n) return;
    const first = firstAt.get(n.e164);
    if (first !== undefined) {
      out.push(finding(ctx, 'error', 'MODEL_DID_DUPLICATE', path, `DID ${n.e164} ("${n.input}") is listed twice (first at /numbers/dids/${first})`, 'each DID once'));
      return;
    }
    firstAt.set(n.e164, i);
    dids.push(n);
  });
  ctx.model.dids = dids;
  return out;
}
