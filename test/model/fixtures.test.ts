/**
 * Runs every model fixture: fixtures/models/invalid/<rule>.yaml must be invalid with its
 * `# expect: CODE`, fixtures/models/warnings/<rule>.yaml valid with that warning; an optional
 * `# at: /json/path line:column` pins the finding's path and source position.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load-model.js';
import { MODEL_CODES } from '../../src/model/codes.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'models');

function header(file: string): { code: string; path?: string; line?: number; column?: number } {
  const text = readFileSync(file, 'utf8');
  const code = /^# expect: (\S+)$/m.exec(text)?.[1];
  if (!code) throw new Error(`${file} has no "# expect: CODE" line`);
  const at = /^# at: (\S*)(?: (\d+):(\d+))?$/m.exec(text);
  return {
    code,
    ...(at ? { path: at[1] } : {}),
    ...(at?.[2] ? { line: Number(at[2]), column: Number(at[3]) } : {}),
  };
}

for (const kind of ['invalid', 'warnings'] as const) {
  const files = readdirSync(join(dir, kind)).filter((f) => f.endsWith('.yaml')).sort();
  describe(`fixtures/models/${kind}`, () => {
    it('has fixtures', () => expect(files.length).toBeGreaterThan(kind === 'invalid' ? 30 : 3));
    it.each(files)('%s', async (name) => {
      const file = join(dir, kind, name);
      const want = header(file);
      expect(Object.keys(MODEL_CODES)).toContain(want.code);
      const result = await loadModel(file);
      const hit = result.findings.find((f) => f.code === want.code);
      expect(hit, `findings were ${JSON.stringify(result.findings.map((f) => f.code))}`).toBeDefined();
      expect(hit!.severity).toBe(kind === 'invalid' ? 'error' : 'warning');
      expect(result.ok).toBe(kind === 'warnings');
      expect(result.model === undefined).toBe(kind === 'invalid');
      expect(hit!.file).toBe(file);
      expect(hit!.message.length).toBeGreaterThan(10);
      if (kind === 'invalid') expect(hit!.expected, 'an error says what would be valid').toBeTruthy();
      if (want.path !== undefined) expect(hit!.path).toBe(want.path);
      if (want.line !== undefined) expect([hit!.line, hit!.column]).toEqual([want.line, want.column]);
    });
  });
}
