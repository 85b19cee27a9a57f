import { describe, expect, it } from 'vitest';
import { freeswitchValueProblem, xmlAttr, xmlAttributeProblem, xmlCommentText } from '../../../src/render/escape/xml.js';
import { parseXml } from '../helpers/xml-parser.js';

describe('XML attribute values', () => {
  it('escapes & < > " \' so that any printable text reads back unchanged', () => {
    const v = `a"b'c<d>e&f&amp;`;
    expect(xmlAttr(v)).toBe('a&quot;b&apos;c&lt;d&gt;e&amp;f&amp;amp;');
    expect(parseXml(`<p v="${xmlAttr(v)}"/>`).attrs['v']).toBe(v);
    expect(parseXml(`<p v='${xmlAttr(v)}'/>`).attrs['v']).toBe(v);
  });
  it('refuses what an XML attribute cannot hold', () => {
    for (const v of ['a\nb', 'a\tb', '\u0000', '\ud800', '\ufffe']) expect(xmlAttributeProblem(v), JSON.stringify(v)).toBeDefined();
    expect(xmlAttributeProblem('😀 é')).toBeUndefined();
  });
  it('refuses FreeSWITCH variables, expanded at load ($${}) or call time (${})', () => {
    expect(freeswitchValueProblem('a$${domain}')).toMatch(/expands/);
    expect(freeswitchValueProblem('${x}')).toMatch(/expands/);
    expect(freeswitchValueProblem('$5')).toBeUndefined();
    expect(freeswitchValueProblem('')).toMatch(/empty/);
  });
  it('comment text has no -- and does not end in -', () => {
    for (const t of ['a--b', '---', 'x-', 'a\n--\nb']) {
      const c = xmlCommentText(t);
      expect(c.includes('--'), c).toBe(false);
      expect(c.endsWith('-')).toBe(false);
      expect(() => parseXml(`<!-- ${c} --><a/>`)).not.toThrow();
    }
  });
});
