import { describe, it, expect } from 'vitest';
import { RetiredTransactions } from '../../../src/sip/transaction/retired-transactions.js';
import { SipMessage } from '../../../src/sip/message.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const box = () => ({ state: 'completed', expire() { this.state = 'terminated'; } });

describe('retired transactions (Completed/Accepted keys)', () => {
  it('absorbs responses for a key until its time passes, then forgets it and expires its status', async () => {
    const r = new RetiredTransactions();
    const seen: number[] = [];
    const a = box();
    r.add('a', 30, a, (res) => seen.push(res.status));
    expect(r.absorb('a', SipMessage.response(486, 'Busy Here', []))).toBe(true);
    expect(r.absorb('b', SipMessage.response(200, 'OK', []))).toBe(false);
    expect(seen).toEqual([486]);
    await sleep(60);
    expect(r.has('a')).toBe(false);
    expect(a.state).toBe('terminated');
  });

  it('keeps queues of different durations apart, each in expiry order', async () => {
    const r = new RetiredTransactions();
    const long = box();
    const short = box();
    r.add('long', 200, long);
    r.add('short', 20, short);
    await sleep(60);
    expect(short.state).toBe('terminated');
    expect(long.state).toBe('completed');
    expect(r.size).toBe(1);
    r.clear();
    expect(long.state).toBe('terminated');
    expect(r.size).toBe(0);
  });

  it('skips a deleted entry without expiring it', async () => {
    const r = new RetiredTransactions();
    const a = box();
    r.add('a', 20, a);
    r.delete('a');
    await sleep(40);
    expect(a.state).toBe('completed');
    expect(r.size).toBe(0);
  });
});
