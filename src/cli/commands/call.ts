/**
 * `siptrunk call TARGET --to E164 --from E164 [--transport ...] [--key K --secret-env VAR]
 *  [--codecs PCMU,PCMA] [--hold MS] [--ring-timeout MS] [--timeout MS] [--json]`
 *
 * Places a Digest-authenticated INVITE test call: post-dial delay, answer time, chosen codec,
 * then ACK, hold and BYE (or CANCEL after the ring timeout). Exit 0 when answered, 1 when the
 * peer answered with a failure, did not answer in time (CANCEL) or authentication failed, 2 on
 * timeout or transport error, 3 on bad usage.
 */
import { SiptrunkError } from '../../util/siptrunk-error.js';
import { paint } from '../output.js';
import { SipClient } from '../../sip/user-agent/sip-client.js';
import { SDP_CODECS, type SdpCodec } from '../../sip/sdp.js';
import type { CallResult } from '../../sip/user-agent/results.js';
import type { AttemptRecord } from '../../resolve/failover.js';
import { clientOptions, formatTls, readCredentials, readMs, reportWalk, walkTarget } from './options.js';

const E164 = /^\+?[1-9]\d{7,14}$/;

function readE164(v: unknown, flag: string): string {
  const s = String(v ?? '').trim();
  if (!E164.test(s)) {
    throw new SiptrunkError('SIPUA_BAD_E164', `${flag} "${s}" is not an E.164 number`, { expected: `${flag} +14155550100 (8 to 15 digits, country code first, an optional +, no spaces)` });
  }
  // The carrier writes E.164 in SIP URIs as digits without "+" (From: <sip:447937947990@sip.nexmo.com>).
  return s.replace(/^\+/, '');
}

function readCodecs(v: unknown): SdpCodec[] | undefined {
  if (v === undefined) return undefined;
  const out: SdpCodec[] = [];
  for (const raw of String(v).split(',')) {
    const name = raw.trim();
    const found = SDP_CODECS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!found) throw new SiptrunkError('SIPUA_BAD_CODEC', `--codecs: unknown codec "${name}"`, { expected: `a comma-separated list of ${SDP_CODECS.join(', ')}` });
    if (!out.includes(found)) out.push(found);
  }
  if (out.length === 0) throw new SiptrunkError('SIPUA_BAD_CODEC', '--codecs is empty', { expected: `one or more of ${SDP_CODECS.join(', ')}` });
  return out;
}

function formatCall(target: string, r: CallResult, attempts: AttemptRecord[] | undefined): string {
  const lines: string[] = [];
  const head = `INVITE ${target} via ${r.transport.toUpperCase()} ${r.remote}`;
  if (r.status !== null) {
    const status = `${r.status} ${r.reason ?? ''}`.trim();
    lines.push(`${head}: ${r.ok ? paint(status, 'green') : paint(status, 'red')}${r.outcome === 'no-answer' ? ' (no answer: cancelled after the ring timeout)' : ''}`);
  } else {
    lines.push(`${head}: ${paint(r.outcome, 'red')}${r.error ? ` (${r.error.message})` : ''}`);
  }
  lines.push(`  auth: ${r.auth}${r.algorithm ? ` (${r.algorithm})` : ''}${r.outcome === 'auth-failed' && r.error ? `: ${r.error.message}` : ''}`);
  if (r.pddMs !== null) lines.push(`  post-dial delay: ${r.pddMs} ms`);
  if (r.answerMs !== null) lines.push(`  answered after: ${r.answerMs} ms`);
  if (r.codec) lines.push(`  codec: ${r.codec.name} (payload ${r.codec.payloadType}${r.codec.clockRate ? `, ${r.codec.clockRate} Hz` : ''})`);
  if (r.heldMs !== null) lines.push(`  held: ${r.heldMs} ms, ${r.remoteHangup ? 'the peer hung up' : `BYE answered ${r.byeStatus ?? 'with nothing'}`}`);
  if (r.tls) lines.push(`  tls: ${formatTls(r.tls)}`);
  if (r.server) lines.push(`  server: ${r.server}`);
  lines.push('  timeline:');
  for (const e of r.timeline) {
    lines.push(`    ${e.atMs.toFixed(1).padStart(8)} ms  ${e.direction === 'send' ? '→' : '←'} ${e.status ? `${e.status} ${e.reason ?? ''} (${e.method})` : e.method}`);
  }
  if (attempts && attempts.length > 1) {
    lines.push('  attempts:');
    for (const a of attempts) lines.push(`    ${a.transport} ${a.address}:${a.port} (${a.target}): ${a.outcome}${a.status ? ` ${a.status}` : ''}`);
  }
  return lines.join('\n');
}

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const text = String(args[0] ?? '');
  const to = readE164(opts['to'], '--to');
  const from = readE164(opts['from'], '--from');
  const credentials = readCredentials(opts);
  const codecs = readCodecs(opts['codecs']);
  const holdMs = readMs(opts, 'hold', '--hold', 0, 3_600_000) ?? 1000;
  const ringTimeoutMs = readMs(opts, 'ringTimeout', '--ring-timeout', 1, 600_000) ?? 30_000;
  const timeoutMs = readMs(opts, 'timeout', '--timeout', 1, 600_000);
  // A failover attempt may ring and hold: it is only cut after all of that.
  const attemptMs = (timeoutMs ?? 32_000) + ringTimeoutMs + holdMs + 5_000;
  const client = new SipClient(clientOptions(opts));
  try {
    const walked = await walkTarget(text, opts, attemptMs, (target, signal) =>
      client.invite(target, {
        to, from, holdMs, ringTimeoutMs,
        ...(codecs ? { codecs } : {}),
        ...(credentials ? { credentials } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        ...(signal ? { signal } : {}),
      }),
    );
    return reportWalk('INVITE', text, walked, opts, formatCall);
  } finally {
    await client.close();
  }
}
