import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors.js';

// Every code in src/*/codes.ts is documented in docs/errors.md and every documented code exists
// (the undici/fastify convention). Regenerate the page with `npm run docs:errors`.
const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
const documented = new Set([...doc.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
const all = Object.values(ERROR_CODES).flatMap((t) => Object.keys(t));

describe('error code registry', () => {
  it('has no code defined twice across areas', () => {
    expect(new Set(all).size).toBe(all.length);
  });
  it.each(all)('documents %s in docs/errors.md', (code) => {
    expect(documented.has(code)).toBe(true);
  });
  it('documents no code that does not exist', () => {
    expect([...documented].filter((c) => !all.includes(c!))).toEqual([]);
  });
  it('uses upper-case codes with an area prefix', () => {
    for (const code of all) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
  });
});
