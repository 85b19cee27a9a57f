/** Drift check: identical files pass; a changed, missing or re-moded file is drift with a readable diff. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRendered, renderModel, unifiedDiff, writeRendered } from '../../src/render/index.js';
import { exampleModel } from './helpers/example-model.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'siptrunk-render-check-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('checkRendered', () => {
  it('reports identical when the deployed files are what the model renders', () => {
    const files = renderModel(exampleModel(), { secrets: 'placeholder' });
    writeRendered(files, out);
    expect(checkRendered(files, out)).toEqual({ identical: true, checked: files.length, drift: [] });
  });

  it('reports a drifted file with a unified diff of the deployed lines against the rendered ones', () => {
    const files = renderModel(exampleModel(), { secrets: 'placeholder' });
    writeRendered(files, out);
    const p = join(out, 'asterisk/pjsip.conf');
    writeFileSync(p, readFileSync(p, 'utf8').replace('qualify_frequency = 120', 'qualify_frequency = 30'));
    const r = checkRendered(files, out);
    expect(r.identical).toBe(false);
    expect(r.drift).toHaveLength(1);
    expect(r.drift[0]!.path).toBe('asterisk/pjsip.conf');
    expect(r.drift[0]!.status).toBe('changed');
    const diff = r.drift[0]!.diff;
    expect(diff).toMatch(/^--- a\/asterisk\/pjsip\.conf\n\+\+\+ b\/asterisk\/pjsip\.conf\n@@ -\d+,7 \+\d+,7 @@\n/);
    expect(diff).toContain('\n-qualify_frequency = 30\n+qualify_frequency = 120\n');
  });

  it('reports missing files and mode changes', () => {
    const files = renderModel(exampleModel(), { secrets: 'placeholder', targets: ['ufw', 'nftables'] });
    writeRendered(files, out);
    unlinkSync(join(out, 'firewall/nftables.conf'));
    chmodSync(join(out, 'firewall/ufw.sh'), 0o644);
    const r = checkRendered(files, out);
    expect(r.drift.map((d) => [d.path, d.status])).toEqual([['firewall/nftables.conf', 'missing'], ['firewall/ufw.sh', 'mode']]);
    expect(r.drift[0]!.diff).toContain('+++ b/firewall/nftables.conf');
  });

  it('withholds the diff of a file when asked (a file holding the secret inline)', () => {
    const files = renderModel(exampleModel(), { secrets: 'placeholder', targets: ['asterisk-pjsip'] });
    writeRendered(files, out);
    writeFileSync(join(out, 'asterisk/pjsip.conf'), 'old\n');
    const r = checkRendered(files, out, { hideDiffOf: (f) => f.path === 'asterisk/pjsip.conf' });
    expect(r.drift[0]).toEqual({ path: 'asterisk/pjsip.conf', status: 'changed', diff: '' });
  });

  it('refuses to read outside the directory', () => {
    expect(() => checkRendered([{ target: 'ufw', path: '../x', content: '' }], out)).toThrow(expect.objectContaining({ code: 'RENDER_PATH_ESCAPE' }));
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with 3 lines of context, as diff -u', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n') + '\n';
    const b = a.replace('5\n', 'five\n');
    expect(unifiedDiff(a, b, 'a/f', 'b/f')).toBe('--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
  });
  it('marks a missing final newline', () => {
    expect(unifiedDiff('x\n', 'x', 'a', 'b')).toBe('--- a\n+++ b\n@@ -1,1 +1,1 @@\n-x\n+x\n\\ No newline at end of file\n');
  });
  it('shows a new file as all additions', () => {
    expect(unifiedDiff('', 'a\nb\n', '/dev/null', 'b/f')).toBe('--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n');
  });
});
