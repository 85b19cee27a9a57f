/**
 * Drift check: renders are compared with what is deployed in the output directory, file by
 * file, byte for byte. A missing or different file is drift, with a unified diff (deployed
 * lines as -, rendered lines as +). A file holding the secret inline is compared but its diff
 * is not shown, so the secret never reaches the terminal.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { RenderedFile } from './types.js';
import { safeOutputPath } from './safe-path.js';
import { unifiedDiff } from './unified-diff.js';
import { DEFAULT_MODE } from './write-rendered.js';

export interface Drift {
  path: string;
  status: 'missing' | 'changed' | 'mode';
  /** Unified diff from the deployed file to the rendered one; empty when hidden or for a mode change. */
  diff: string;
}

export interface CheckResult {
  identical: boolean;
  checked: number;
  drift: Drift[];
}

export function checkRendered(files: readonly RenderedFile[], outDir: string, opts: { hideDiffOf?: (f: RenderedFile) => boolean } = {}): CheckResult {
  const drift: Drift[] = [];
  for (const f of files) {
    const full = safeOutputPath(outDir, f.path);
    const hide = opts.hideDiffOf?.(f) ?? false;
    if (!existsSync(full)) {
      drift.push({ path: f.path, status: 'missing', diff: hide ? '' : unifiedDiff('', f.content, '/dev/null', `b/${f.path}`) });
      continue;
    }
    const deployed = readFileSync(full, 'utf8');
    if (deployed !== f.content) {
      drift.push({ path: f.path, status: 'changed', diff: hide ? '' : unifiedDiff(deployed, f.content, `a/${f.path}`, `b/${f.path}`) });
      continue;
    }
    const mode = statSync(full).mode & 0o777;
    if (mode !== (f.mode ?? DEFAULT_MODE)) {
      drift.push({ path: f.path, status: 'mode', diff: '' });
    }
  }
  return { identical: drift.length === 0, checked: files.length, drift };
}
