import { describe, expect, it } from 'vitest';
import { deadline, withDeadline } from '../../src/probe/deadline.js';

describe('probe deadlines', () => {
  it('aborts after the time given', async () => {
    const d = deadline(undefined, 20);
    await new Promise((r) => setTimeout(r, 60));
    expect(d.signal.aborted).toBe(true);
  });
  it('aborts with the parent, and stops listening to it once disposed', async () => {
    const parent = new AbortController();
    const a = deadline(parent.signal, 10_000);
    const b = deadline(parent.signal, 10_000);
    b.dispose();
    parent.abort(new Error('stop'));
    expect(a.signal.aborted).toBe(true);
    expect(b.signal.aborted).toBe(false);
    a.dispose();
  });
  it('is already aborted when the parent is', () => {
    const parent = new AbortController();
    parent.abort();
    expect(deadline(parent.signal, 1000).signal.aborted).toBe(true);
  });
  it('leaves no timer behind after withDeadline', async () => {
    const before = (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().filter((x) => x === 'Timeout').length;
    await withDeadline(undefined, 60_000, async () => 1);
    const after = (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().filter((x) => x === 'Timeout').length;
    expect(after).toBe(before);
  });
});
