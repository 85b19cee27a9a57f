/**
 * The writer: files land under the output directory at their relative paths, atomically, with
 * their modes; nothing is ever written outside the directory (.., absolute paths, symbolic
 * links leading out); unchanged files are left alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderModel, safeOutputPath, writeRendered, type RenderedFile } from '../../src/render/index.js';
import { Secret } from '../../src/util/secret.js';
import { exampleModel } from './helpers/example-model.js';

let root: string;
let out: string;
let outside: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'siptrunk-render-write-'));
  out = join(root, 'out');
  outside = join(root, 'outside');
  mkdirSync(outside);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const one = (path: string): RenderedFile => ({ target: 'ufw', path, content: 'x\n' });

describe('writeRendered', () => {
  it('writes every rendered file at its path under the output directory, creating folders', () => {
    const files = renderModel(exampleModel(), { secrets: 'placeholder' });
    const written = writeRendered(files, out);
    expect(written.map((w) => w.path)).toEqual(files.map((f) => f.path));
    for (const f of files) expect(readFileSync(join(out, f.path), 'utf8')).toBe(f.content);
    expect(statSync(join(out, 'firewall/ufw.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(join(out, 'asterisk/pjsip.conf')).mode & 0o777).toBe(0o644);
    expect(written.every((w) => w.changed)).toBe(true);
  });

  it('writes files holding the secret inline with mode 600', () => {
    const m = exampleModel();
    m.account = { ...m.account, secretRef: { kind: 'inline', value: new Secret('Inl1neSecret', 'inline') } };
    writeRendered(renderModel(m, { secrets: 'inline' }), out);
    for (const p of ['asterisk/pjsip.conf', 'asterisk/sip.conf', 'freeswitch/sip_profiles/external/nexmo.xml', 'freepbx/nexmo-trunk.json']) {
      expect(statSync(join(out, p)).mode & 0o777, p).toBe(0o600);
      expect(readFileSync(join(out, p), 'utf8')).toContain('Inl1neSecret');
    }
    expect(readFileSync(join(out, 'firewall/nftables.conf'), 'utf8')).not.toContain('Inl1neSecret');
  });

  it('leaves unchanged files alone and leaves no temporary file behind', () => {
    const files = renderModel(exampleModel(), { secrets: 'placeholder' });
    writeRendered(files, out);
    const again = writeRendered(files, out);
    expect(again.every((w) => !w.changed)).toBe(true);
    const all = readdirSync(out, { recursive: true }).map(String);
    expect(all.filter((p) => p.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a changed file by rename (a reader holding the old file keeps its content)', () => {
    writeRendered([one('firewall/ufw.sh')], out);
    const before = statSync(join(out, 'firewall/ufw.sh')).ino;
    writeRendered([{ ...one('firewall/ufw.sh'), content: 'y\n' }], out);
    expect(readFileSync(join(out, 'firewall/ufw.sh'), 'utf8')).toBe('y\n');
    expect(statSync(join(out, 'firewall/ufw.sh')).ino).not.toBe(before);
  });

  it.each(['../escape.conf', 'asterisk/../../escape.conf', '/tmp/escape.conf', 'a/./b', '', 'a//b', 'x\0y', '..'])('refuses the path %j and writes nothing', (p) => {
    expect(() => writeRendered([one('firewall/ok.sh'), one(p)], out)).toThrow(expect.objectContaining({ code: 'RENDER_PATH_ESCAPE' }));
    expect(existsSync(join(out, 'firewall/ok.sh'))).toBe(false);
    expect(readdirSync(root).sort()).toEqual(['outside']);
  });

  it('refuses a folder on the way that is a symbolic link leading outside the output directory', () => {
    mkdirSync(out);
    symlinkSync(outside, join(out, 'firewall'));
    expect(() => writeRendered([one('firewall/ufw.sh')], out)).toThrow(expect.objectContaining({ code: 'RENDER_PATH_ESCAPE' }));
    expect(readdirSync(outside)).toEqual([]);
  });

  it('accepts a symbolic link that stays inside the output directory', () => {
    mkdirSync(join(out, 'real'), { recursive: true });
    symlinkSync(join(out, 'real'), join(out, 'firewall'));
    writeRendered([one('firewall/ufw.sh')], out);
    expect(readFileSync(join(out, 'real/ufw.sh'), 'utf8')).toBe('x\n');
  });

  it('replaces a symbolic link at the file itself rather than writing through it', () => {
    mkdirSync(join(out, 'firewall'), { recursive: true });
    writeFileSync(join(outside, 'victim'), 'keep\n');
    symlinkSync(join(outside, 'victim'), join(out, 'firewall/ufw.sh'));
    writeRendered([one('firewall/ufw.sh')], out);
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('keep\n');
    expect(readFileSync(join(out, 'firewall/ufw.sh'), 'utf8')).toBe('x\n');
  });

  it('safeOutputPath resolves inside the directory', () => {
    expect(safeOutputPath(out, 'asterisk/pjsip.conf')).toBe(join(out, 'asterisk/pjsip.conf'));
  });
});
