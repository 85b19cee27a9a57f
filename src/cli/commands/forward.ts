/**
 * `siptrunk forward LIST|--model FILE [--method options|invite] [--dns-server ADDR] [--json]`:
 * walks the forward-to-SIP list as the carrier would (entry 1 first; a 5xx, a transport error or
 * no answer within the entry's ;timeout= moves to the next; the first other final answer takes
 * the call) and prints which entry takes the call and why each earlier one did not.
 * Exit 0 when an entry takes the call, 1 when none does, 2 when every entry failed on DNS or
 * transport, 3 bad usage.
 */
import { parseForwardList } from '../../model/rules/forward-list.js';
import type { ForwardEntry } from '../../model/types.js';
import { resolveCliContext } from '../../resolve/cli-context.js';
import { formatForward, forwardJson } from '../../resolve/format-forward.js';
import { walkForwardList } from '../../resolve/forward-walk.js';
import { dnsClientFor, resolveTarget } from '../../resolve/resolve-target.js';
import { sipInviteAttempt, sipOptionsAttempt } from '../../resolve/sip-attempt.js';
import { targetFromForwardEntry } from '../../resolve/sip-target.js';
import { SipClient } from '../../sip/user-agent/sip-client.js';
import { SiptrunkError } from '../../util/siptrunk-error.js';
import { printJson } from '../output.js';

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const method = String(opts['method'] ?? 'options').toLowerCase();
  if (method !== 'options' && method !== 'invite') {
    throw new SiptrunkError('RESOLVE_METHOD_INVALID', `--method ${String(opts['method'])} is not a method the walk can use`, {
      location: { path: '--method' },
      expected: 'options (a probe, the default) or invite (a real test call, CANCELled at the entry timeout)',
    });
  }
  const ctx = await resolveCliContext(opts);
  const list = args[0];
  let entries: ForwardEntry[];
  if (typeof list === 'string' && list.trim() !== '') {
    const parsed = parseForwardList(list, { rules: ctx.carrier.forward, carrierName: ctx.carrier.name });
    const err = parsed.findings.find((f) => f.severity === 'error');
    if (err) {
      throw new SiptrunkError(err.code, err.message, {
        location: { path: `list${err.path}`, ...(err.column ? { column: err.column } : {}) },
        ...(err.expected ? { expected: err.expected } : {}),
      });
    }
    entries = parsed.entries;
  } else if (ctx.model && ctx.model.forward.length > 0) {
    entries = ctx.model.forward;
  } else {
    throw new SiptrunkError('RESOLVE_FORWARD_LIST_MISSING', ctx.model ? `the model ${String(opts['model'])} has no forward-to-SIP list` : 'no forward-to-SIP list given', {
      expected: 'a list argument ("1234@pbx1.example.com, 1234@pbx2.example.com;timeout=8000") or --model FILE with forward: entries',
    });
  }
  const dns = dnsClientFor(ctx.dnsServer);
  const client = new SipClient();
  try {
    const byAddress = new Map<string, ForwardEntry>();
    const attempt =
      method === 'options'
        ? sipOptionsAttempt(client)
        : sipInviteAttempt(client, { from: ctx.model?.callerId.e164.replace(/^\+/, '') ?? 'siptrunk' }, (e) => byAddress.get(`${e.transport}:${e.address}:${e.port}`)?.user);
    const result = await walkForwardList(entries, {
      resolve: async (entry) => {
        const r = await resolveTarget(targetFromForwardEntry(entry), { dns });
        for (const e of r.plan) byAddress.set(`${e.transport}:${e.address}:${e.port}`, entry);
        return r;
      },
      attempt,
    });
    if (opts['json']) printJson(forwardJson(result, method));
    else process.stdout.write(formatForward(result, method, entries.length));
    if (result.selected) return 0;
    const total = result.attempts.length > 0 && result.attempts.every((a) => a.outcome === 'dns-error' || a.outcome === 'transport-error' || a.outcome === 'tls-error');
    return total ? 2 : 1;
  } finally {
    await client.close();
  }
}
