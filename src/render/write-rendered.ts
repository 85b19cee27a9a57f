/**
 * Writes rendered files under an output directory, atomically: each file goes to a temporary
 * file in its own folder, gets its mode, and is renamed over the old one (rename(2) within one
 * file system is atomic, so a reader sees the old file or the new one, never half of one).
 * A file whose content and mode are already right is left alone.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SiptrunkError } from '../util/siptrunk-error.js';
import type { RenderedFile } from './types.js';
import { safeOutputPath } from './safe-path.js';

export interface WrittenFile {
  path: string;
  bytes: number;
  mode: number;
  /** False when the file already had this content and mode. */
  changed: boolean;
}

export const DEFAULT_MODE = 0o644;

export function writeRendered(files: readonly RenderedFile[], outDir: string): WrittenFile[] {
  // Check every path before writing any file.
  const targets = files.map((f) => ({ f, full: safeOutputPath(outDir, f.path) }));
  const out: WrittenFile[] = [];
  for (const { f, full } of targets) {
    const mode = f.mode ?? DEFAULT_MODE;
    const bytes = Buffer.byteLength(f.content, 'utf8');
    try {
      if (existsSync(full) && readFileSync(full, 'utf8') === f.content && (statSync(full).mode & 0o777) === mode) {
        out.push({ path: f.path, bytes, mode, changed: false });
        continue;
      }
      const dir = dirname(full);
      mkdirSync(dir, { recursive: true });
      // Check again now that the folders exist (a link could have been made meanwhile).
      const realDir = realpathSync(dir);
      const realRoot = realpathSync(resolve(outDir));
      if (realDir !== realRoot && !realDir.startsWith(realRoot + '/')) {
        throw new SiptrunkError('RENDER_PATH_ESCAPE', `refusing to write ${f.path}: its folder resolves to ${realDir}, outside the output directory`, { location: { file: f.path } });
      }
      const tmp = join(dir, `.${basename(full)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        writeFileSync(tmp, f.content, { mode, flag: 'wx' });
        chmodSync(tmp, mode);
        renameSync(tmp, full);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
      out.push({ path: f.path, bytes, mode, changed: true });
    } catch (err) {
      if (err instanceof SiptrunkError) throw err;
      throw new SiptrunkError('RENDER_WRITE_FAILED', `cannot write ${f.path} in ${outDir}: ${(err as Error).message}`, { location: { file: full }, cause: err });
    }
  }
  return out;
}
