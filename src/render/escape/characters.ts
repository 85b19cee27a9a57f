/** Character checks shared by the per-format escaping rules. */

/** A readable name for one character: `a newline (U+000A)`, `';'`. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const names: Record<number, string> = {
    0: 'a NUL', 9: 'a tab', 10: 'a newline', 13: 'a carriage return', 0x2028: 'a line separator', 0x2029: 'a paragraph separator',
  };
  if (names[cp]) return `${names[cp]} (${hex})`;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return `a control character (${hex})`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `a lone surrogate (${hex})`;
  return `'${ch}'`;
}

/**
 * The first control or line-breaking character in `value` (C0, DEL, C1, U+2028/9, lone
 * surrogates, U+FFFE/U+FFFF), or undefined. No target format can hold these in a value.
 */
export function firstControl(value: string): { index: number; ch: string } | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, ch: value[i]! };
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      return { index: i, ch: value[i]! };
    }
  }
  return undefined;
}

/** The first character of `value` that is in `set`, or undefined. */
export function firstOf(value: string, set: string): { index: number; ch: string } | undefined {
  for (let i = 0; i < value.length; i++) {
    if (set.includes(value[i]!)) return { index: i, ch: value[i]! };
  }
  return undefined;
}

/** Replaces what a one-line comment cannot hold (controls, line breaks) with '?'. */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\ufffe\uffff]|\p{Cs}/gu;

const NOT_ONE_LINE_TEST = /[\p{Cc}\u2028\u2029\ufffe\uffff]|\p{Cs}/u;

export function oneLine(text: string): string {
  return NOT_ONE_LINE_TEST.test(text) ? text.replace(NOT_ONE_LINE, '?') : text;
}
