/**
 * A strict parser of Asterisk's configuration format, for tests: it reads a rendered file the
 * way main/config.c does and fails on anything our renderers should never write.
 *
 * - `;` starts a comment to the end of the line, unless escaped as `\;` (a literal ';').
 *   `;--` opens a block comment in Asterisk: refused here.
 * - `[name]` opens a section; `[name](!)` makes it a template; `[name](a,b)` inherits from a and
 *   b; `[name](!,a)` both. Text after the closing `)` or `]` is refused.
 * - `key = value` and `key => value` (objects in extensions.conf, register in sip.conf): split
 *   at the first `=`; key and value are trimmed as Asterisk trims them.
 * - `#include` / `#exec` are refused, as is an option before any section.
 */
export interface AsteriskOption {
  key: string;
  value: string;
  arrow: boolean;
  line: number;
}

export interface AsteriskSection {
  name: string;
  template: boolean;
  inherits: string[];
  options: AsteriskOption[];
  line: number;
}

export class AsteriskParseError extends Error {}

function stripComment(raw: string, lineNo: number): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && raw[i + 1] === ';') {
      out += ';';
      i++;
      continue;
    }
    if (ch === ';') {
      if (raw.startsWith(';--', i)) throw new AsteriskParseError(`line ${lineNo}: block comment ;-- is not expected`);
      break;
    }
    out += ch;
  }
  return out;
}

export function parseAsteriskConfig(text: string): AsteriskSection[] {
  const sections: AsteriskSection[] = [];
  let current: AsteriskSection | undefined;
  const lines = text.split('\n');
  if (text.includes('\r')) throw new AsteriskParseError('carriage return in file');
  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const line = stripComment(raw, lineNo).trim();
    if (line === '') return;
    if (line.startsWith('#')) throw new AsteriskParseError(`line ${lineNo}: directive ${line} is not expected`);
    if (line.startsWith('[')) {
      const m = /^\[([^\]]*)\](?:\(([^)]*)\))?$/.exec(line);
      if (!m) throw new AsteriskParseError(`line ${lineNo}: bad section header ${JSON.stringify(line)}`);
      const name = m[1]!;
      if (name.length === 0) throw new AsteriskParseError(`line ${lineNo}: empty section name`);
      const opts = m[2] === undefined ? [] : m[2].split(',').map((s) => s.trim());
      if (m[2] !== undefined && opts.some((o) => o === '')) throw new AsteriskParseError(`line ${lineNo}: empty template option`);
      current = { name, template: opts.includes('!'), inherits: opts.filter((o) => o !== '!'), options: [], line: lineNo };
      sections.push(current);
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new AsteriskParseError(`line ${lineNo}: not an option: ${JSON.stringify(line)}`);
    if (!current) throw new AsteriskParseError(`line ${lineNo}: option before any section`);
    const arrow = line[eq + 1] === '>';
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + (arrow ? 2 : 1)).trim();
    current.options.push({ key, value, arrow, line: lineNo });
  });
  return sections;
}

/** The values of `key` in a section, in order. */
export function values(section: AsteriskSection | undefined, key: string): string[] {
  return (section?.options ?? []).filter((o) => o.key === key).map((o) => o.value);
}

/** The sections named `name` whose `type` option is `type` (pjsip sections share names across types). */
export function sectionOfType(sections: AsteriskSection[], name: string, type?: string): AsteriskSection | undefined {
  return sections.find((s) => s.name === name && (type === undefined || values(s, 'type')[0] === type));
}

/** The shape of a file: each section's header and its option keys in order, values left out. */
export function asteriskShape(sections: AsteriskSection[]): string[] {
  return sections.map((s) => `${s.template ? 'T' : 'S'}(${s.inherits.length}):${s.options.map((o) => `${o.key}${o.arrow ? '=>' : '='}`).join(',')}`);
}
