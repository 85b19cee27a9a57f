/**
 * XML 1.0 attribute values and comments, for the FreeSWITCH files. Attribute values are
 * escaped (`& < > " '` as entities), so any printable text is representable; what XML 1.0
 * cannot hold at all (control characters, which parsers would also normalise to spaces in an
 * attribute) is refused. FreeSWITCH's own expansion is refused too: `$${name}` is replaced by
 * its XML preprocessor when the file loads, and `${name}` by the dialplan at call time.
 */
import { describeChar, firstControl, oneLine } from './characters.js';

export function xmlAttributeProblem(value: string): string | undefined {
  const ctl = firstControl(value);
  if (ctl) return `contains ${describeChar(ctl.ch)} at offset ${ctl.index}, which an XML attribute cannot hold`;
  return undefined;
}

/** Why `value` cannot be a FreeSWITCH XML value (escaping aside), or undefined. */
export function freeswitchValueProblem(value: string): string | undefined {
  if (value.length === 0) return 'is empty';
  const x = xmlAttributeProblem(value);
  if (x) return x;
  if (value.includes('$${') || value.includes('${')) return 'contains ${ or $${, which FreeSWITCH expands as a variable';
  return undefined;
}

export function xmlAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text for inside `<!-- -->`: no `--`, no line breaks from the input, not ending in `-`. */
export function xmlCommentText(text: string): string {
  let t = oneLine(text).replace(/--/g, '- -');
  while (t.includes('--')) t = t.replace(/--/g, '- -');
  if (t.endsWith('-')) t += ' ';
  return t;
}
