/**
 * The structure of each rendered file with values left out, by format: what an injected value
 * would change (an extra section, option, element, attribute, rule, command or line).
 */
import type { RenderedFile } from '../../../src/render/index.js';
import { asteriskShape, parseAsteriskConfig } from './asterisk-config-parser.js';
import { parseXml, xmlShape } from './xml-parser.js';
import { shellCommands } from './shell-words.js';

/** Splits a line into words, keeping "double-quoted strings" whole; an unbalanced quote throws. */
export function quotedTokens(line: string): string[] {
  const out: string[] = [];
  const re = /"[^"]*"|[^\s"]+|"/g;
  for (const m of line.matchAll(re)) {
    if (m[0] === '"') throw new Error(`unbalanced quote in ${JSON.stringify(line)}`);
    out.push(m[0]);
  }
  return out;
}

function jsonShape(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(jsonShape).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}:${jsonShape(x)}`).join(',')}}`;
  return typeof v;
}

export function fileShape(f: RenderedFile): string {
  const c = f.content;
  if (f.path.startsWith('asterisk/')) return JSON.stringify(asteriskShape(parseAsteriskConfig(c)));
  if (f.path.endsWith('.xml')) return xmlShape(parseXml(c));
  if (f.path.endsWith('.sh')) return JSON.stringify(shellCommands(c).map((w) => `${w.length}:${w[0]}`));
  if (f.path.endsWith('.json')) return jsonShape(JSON.parse(c));
  if (f.path.endsWith('.rules') || f.path.endsWith('nftables.conf')) {
    return JSON.stringify(c.split('\n').filter((l) => !l.startsWith('#')).map((l) => quotedTokens(l).length));
  }
  // The FreePBX sheet: its lines and each line's indentation (a value cannot add or move a line).
  return JSON.stringify(c.split('\n').filter((l) => !l.startsWith('#')).map((l) => /^\s*/.exec(l)![0].length));
}

export function shapes(files: RenderedFile[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f.path, fileShape(f)]));
}
