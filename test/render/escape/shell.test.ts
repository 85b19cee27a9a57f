import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { hashComment, quotedComment, shellQuote } from '../../../src/render/escape/shell.js';
import { quotedTokens } from '../helpers/shapes.js';

describe('shell words', () => {
  it('single-quotes any string so that sh reads it back as one word, unchanged', () => {
    const samples = fc.sample(fc.string({ unit: fc.constantFrom("'", '"', '$', '`', '\\', ';', ' ', '\n', '*', 'a', '(', '|', '&', '#', '!') }), { numRuns: 30, seed: 3 });
    const script = samples.map((s) => `printf '%s\\0' ${shellQuote(s)}`).join('\n');
    const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(samples);
  });
  it('comments put each line behind #', () => {
    expect(hashComment('a\nb')).toBe('# a\n# b');
  });
  it('quoted comments for iptables and nft hold one double-quoted word of printable ASCII', () => {
    const q = quotedComment('a "b" \\c\nd é');
    expect(q).toBe('"a _b_ _c_d _"');
    expect(quotedTokens(`x ${q} y`)).toEqual(['x', q, 'y']);
  });
});
