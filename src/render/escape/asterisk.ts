/**
 * Asterisk configuration format (main/config.c): `key = value` lines in `[section]`s. A value
 * runs to the end of the line; `;` starts a comment anywhere (only `\;` is a literal
 * semicolon); leading and trailing blanks are stripped. Values are therefore never escaped:
 * a value that needs escaping is refused, so what Asterisk reads is exactly what the model says.
 */
import { describeChar, firstControl, firstOf, oneLine } from './characters.js';
import { SiptrunkError } from '../../util/siptrunk-error.js';

/** Why `value` cannot be an Asterisk config value, or undefined when it can. */
export function asteriskValueProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  const ctl = firstControl(value);
  if (ctl) return `contains ${describeChar(ctl.ch)} at offset ${ctl.index}, which would end the line`;
  // ';' starts a comment; '[' can open a section in readers that scan for it; '\' escapes.
  const bad = firstOf(value, ';[\\');
  if (bad) {
    const why = bad.ch === ';' ? 'which starts a comment' : bad.ch === '[' ? 'which can open a section' : 'which is an escape character';
    return `contains ${describeChar(bad.ch)} at offset ${bad.index}, ${why}`;
  }
  if (/^\s|\s$/.test(value)) return 'has leading or trailing blanks, which Asterisk strips';
  // `key=>value` is Asterisk's object syntax: a value starting with '>' after `key=` loses it.
  if (value.startsWith('>')) return "starts with '>', which Asterisk reads as part of =>";
  return undefined;
}

/** Characters that have a meaning inside a dialplan application's arguments. */
const DIALPLAN_SPECIAL = ',()${}"\'|^&';

/** Why `value` cannot be an argument of a dialplan application, or undefined. */
export function dialplanArgProblem(value: string): string | undefined {
  const base = asteriskValueProblem(value);
  if (base) return base;
  const bad = firstOf(value, DIALPLAN_SPECIAL);
  if (bad) return `contains ${describeChar(bad.ch)} at offset ${bad.index}, which the dialplan parses (argument separator, expression or variable)`;
  if (/\s/.test(value)) return 'contains a blank';
  return undefined;
}

/** Section names: letters, digits and `_.+-` only (no `]`, `(`, `)`, `!` or blanks). */
export function sectionNameProblem(value: string): string | undefined {
  if (!/^[A-Za-z0-9_.+-]{1,79}$/.test(value)) {
    return 'is not a valid section name (1 to 79 of A-Z a-z 0-9 _ . + -)';
  }
  return undefined;
}

/**
 * An extension or an extension pattern for `exten =>`: a literal extension (digits, letters,
 * `*#+-`) or `_` followed by pattern characters (X Z N . ! [ranges]), with balanced brackets.
 */
export function extensionPatternProblem(value: string): string | undefined {
  if (/^[0-9A-Za-z*#+-]{1,80}$/.test(value)) return undefined;
  if (!/^_[0-9A-Za-z*#+.![\]-]{1,80}$/.test(value)) {
    return 'is neither an extension (0-9 A-Z a-z * # + -) nor a pattern (_ then X Z N . ! [ranges])';
  }
  let open = false;
  for (const ch of value) {
    if (ch === '[') {
      if (open) return 'has a nested [';
      open = true;
    } else if (ch === ']') {
      if (!open) return 'has ] without [';
      open = false;
    }
  }
  if (open) return 'has [ without ]';
  return undefined;
}

/** Throws when `value` is not a safe Asterisk value (the renderer checks first; this is the last guard). */
export function asteriskValue(value: string, what: string): string {
  const p = asteriskValueProblem(value);
  if (p) throw new SiptrunkError('RENDER_UNSAFE_VALUE', `${what} ${p}`, { expected: 'a one-line value without ; [ or \\' });
  return value;
}

/** One `;` comment line per line of text. */
const asteriskCommentCache = new Map<string, string>();

export function asteriskComment(text: string): string {
  // Headers repeat from one render to the next: a small cache spares rebuilding them.
  const hit = asteriskCommentCache.get(text);
  if (hit !== undefined) return hit;
  const out = text
    .split('\n')
    .map((l) => (l.length ? `; ${oneLine(l)}` : ';'))
    .join('\n');
  if (asteriskCommentCache.size >= 512) asteriskCommentCache.clear();
  asteriskCommentCache.set(text, out);
  return out;
}
