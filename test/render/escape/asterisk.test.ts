import { describe, expect, it } from 'vitest';
import { asteriskComment, asteriskValue, asteriskValueProblem, dialplanArgProblem, extensionPatternProblem, sectionNameProblem } from '../../../src/render/escape/asterisk.js';

describe('Asterisk values', () => {
  it.each(['abcd1234', 'sip:sip.nexmo.com', '/etc/asterisk/keys/a.crt', 'port,invite', 'a=b', 'é😀', '"quoted"'])('accepts %j', (v) => {
    expect(asteriskValueProblem(v)).toBeUndefined();
    expect(asteriskValue(v, 'x')).toBe(v);
  });
  it.each([
    ['', /empty/],
    ['a;b', /';' at offset 1, which starts a comment/],
    ['[general]', /'\[' at offset 0, which can open a section/],
    ['a\\b', /escape character/],
    ['a\nb', /a newline \(U\+000A\) at offset 1/],
    ['a\rb', /carriage return/],
    ['a\u2028b', /line separator/],
    ['a\u0085', /control character \(U\+0085\)/],
    [' a', /leading or trailing blanks/],
    ['a\t', /tab/],
    ['>a', /starts with '>'/],
  ])('refuses %j', (v, why) => {
    expect(asteriskValueProblem(v)).toMatch(why);
    expect(() => asteriskValue(v, 'field')).toThrow(expect.objectContaining({ code: 'RENDER_UNSAFE_VALUE' }));
  });
  it('dialplan arguments refuse what the dialplan parses', () => {
    for (const v of ['a,b', 'a(b', '${EXTEN}', 'a b', 'x|y', "it's"]) expect(dialplanArgProblem(v), v).toBeDefined();
    expect(dialplanArgProblem('1000')).toBeUndefined();
  });
  it('section names are letters, digits and _ . + -', () => {
    expect(sectionNameProblem('nexmo-sip-01')).toBeUndefined();
    for (const v of ['a]b', 'a(b)', 'a b', '', 'x!', 'a'.repeat(80)]) expect(sectionNameProblem(v), v).toBeDefined();
  });
  it('extension patterns', () => {
    for (const v of ['_00X.', '_[2-9]XX', '1000', '_+X.', '_9!', 's']) expect(extensionPatternProblem(v), v).toBeUndefined();
    for (const v of ['_00X.,1', '_[2-9', '_2-9]', '_[[1]]', '', '_', '00 X', '_X;']) expect(extensionPatternProblem(v), v).toBeDefined();
  });
  it('comments put each line behind ;, with line breaks from the text neutralised', () => {
    expect(asteriskComment('one\ntwo\n')).toBe('; one\n; two\n;');
    expect(asteriskComment('a\rb\u2028c')).toBe('; a?b?c');
  });
});
