/**
 * Where a rendered file may go: inside the output directory, never outside it. A relative path
 * with `..`, an absolute path, a NUL, or an existing folder on the way that is a symbolic link
 * leading outside the output directory is refused.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { SiptrunkError } from '../util/siptrunk-error.js';

function escape(rel: string, why: string): SiptrunkError {
  return new SiptrunkError('RENDER_PATH_ESCAPE', `refusing to write ${JSON.stringify(rel)}: ${why}`, {
    location: { file: rel },
    expected: 'a relative path inside the output directory, without .. and without symbolic links leading out of it',
  });
}

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** The absolute path of `rel` inside `outDir`, after checking it cannot escape. */
export function safeOutputPath(outDir: string, rel: string): string {
  if (rel.length === 0 || rel.includes('\0')) throw escape(rel, 'empty path or NUL character');
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) throw escape(rel, 'absolute path');
  const parts = rel.split(/[\\/]/);
  if (parts.some((p) => p === '..')) throw escape(rel, 'it has a .. component');
  if (parts.some((p) => p === '' || p === '.')) throw escape(rel, 'it has an empty or . component');
  const root = resolve(outDir);
  const full = resolve(root, rel);
  if (!inside(root, full) || full === root) throw escape(rel, 'it resolves outside the output directory');
  // Existing folders on the way must not lead elsewhere through a symbolic link.
  const realRoot = existsSync(root) ? realpathSync(root) : root;
  let p = root;
  for (const part of parts.slice(0, -1)) {
    p = join(p, part);
    if (!existsSync(p)) break;
    const st = lstatSync(p);
    if (st.isSymbolicLink() || st.isDirectory()) {
      const real = realpathSync(p);
      if (!inside(realRoot, real)) throw escape(rel, `${p} is a symbolic link to ${real}, outside the output directory`);
    }
  }
  return full;
}
