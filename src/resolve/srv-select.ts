import type { SrvRecord } from './dns-records.js';
import type { RandomSource } from './seeded-random.js';

/**
 * Orders SRV records for contacting, as RFC 2782 ("Usage rules") says:
 * - lowest priority first: "A client MUST attempt to contact the target host with the
 *   lowest-numbered priority it can reach";
 * - within one priority, weighted random: "arrange all SRV RRs (that have not been ordered yet)
 *   in any order, except that all those with weight 0 are placed at the beginning of the list.
 *   Compute the sum of the weights of those RRs, and with each RR associate the running sum in
 *   the selected order. Then choose a uniform random number between 0 and the sum computed
 *   (inclusive), and select the RR whose running sum value is the first in the selected order
 *   which is greater than or equal to the random number selected." Repeat with the rest.
 *
 * So within a priority the first pick of a record of weight w is w/(S+1) likely (the first
 * record of the list also takes the random value 0). A target of "." means the service is
 * decidedly not available there (RFC 2782); callers drop such records before ordering.
 */
export function orderSrv(records: readonly SrvRecord[], random: RandomSource = Math.random): SrvRecord[] {
  const byPriority = new Map<number, SrvRecord[]>();
  for (const r of records) {
    const list = byPriority.get(r.priority) ?? [];
    list.push(r);
    byPriority.set(r.priority, list);
  }
  const out: SrvRecord[] = [];
  for (const priority of [...byPriority.keys()].sort((a, b) => a - b)) {
    const group = byPriority.get(priority) ?? [];
    // Weight 0 first, otherwise in the order the server gave them (stable).
    let pending = [...group.filter((r) => r.weight === 0), ...group.filter((r) => r.weight !== 0)];
    while (pending.length > 0) {
      const sum = pending.reduce((s, r) => s + r.weight, 0);
      const pick = Math.min(sum, Math.floor(random() * (sum + 1)));
      let running = 0;
      let chosen = pending.length - 1;
      for (let i = 0; i < pending.length; i++) {
        running += (pending[i] as SrvRecord).weight;
        if (running >= pick) {
          chosen = i;
          break;
        }
      }
      out.push(pending[chosen] as SrvRecord);
      pending = pending.filter((_, i) => i !== chosen);
    }
  }
  return out;
}

/**
 * The chance that each record of one priority group is picked first by orderSrv: the first
 * record of the arranged list takes the values 0..w, each other record w values, out of S+1.
 */
export function firstPickProbabilities(group: readonly SrvRecord[]): number[] {
  const ordered = [...group.filter((r) => r.weight === 0), ...group.filter((r) => r.weight !== 0)];
  const sum = ordered.reduce((s, r) => s + r.weight, 0);
  return group.map((r) => (r.weight + (r === ordered[0] ? 1 : 0)) / (sum + 1));
}
