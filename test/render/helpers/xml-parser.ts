/**
 * A strict, small XML 1.0 parser for tests: elements, attributes in single or double quotes,
 * self-closing tags, comments, whitespace text and the five predefined entities plus character
 * references. DOCTYPE, CDATA, processing instructions and non-whitespace text are refused, since
 * our FreeSWITCH files never hold them. (xmllint checks the same files for real in
 * validators.test.ts.)
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

export class XmlParseError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;

function decode(text: string, at: number): string {
  if (/[<]/.test(text)) throw new XmlParseError(`'<' in attribute value at ${at}`);
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|&/g, (m, ent: string | undefined) => {
    if (ent === undefined) throw new XmlParseError(`bare & at ${at}`);
    if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10));
    const map: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const v = map[ent];
    if (v === undefined) throw new XmlParseError(`unknown entity &${ent}; at ${at}`);
    return v;
  });
}

export function parseXml(text: string): XmlElement {
  let i = 0;
  const skipMisc = (allowText: boolean) => {
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))![0];
      i += ws.length;
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) throw new XmlParseError(`unterminated comment at ${i}`);
        const body = text.slice(i + 4, end);
        if (body.includes('--') || body.endsWith('-')) throw new XmlParseError(`'--' inside a comment at ${i}`);
        i = end + 3;
        continue;
      }
      if (!allowText && i < text.length && text[i] !== '<') throw new XmlParseError(`text outside the root at ${i}`);
      return;
    }
  };
  const parseElement = (): XmlElement => {
    if (text[i] !== '<') throw new XmlParseError(`expected < at ${i}`);
    if (text.startsWith('<!', i) || text.startsWith('<?', i)) throw new XmlParseError(`declaration or instruction at ${i}`);
    i++;
    const nm = NAME.exec(text.slice(i));
    if (!nm) throw new XmlParseError(`bad element name at ${i}`);
    const name = nm[0];
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))![0];
      i += ws.length;
      if (text.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [] };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      if (ws.length === 0) throw new XmlParseError(`expected blank before attribute at ${i}`);
      const an = NAME.exec(text.slice(i));
      if (!an) throw new XmlParseError(`bad attribute name at ${i}`);
      i += an[0].length;
      if (text[i] !== '=') throw new XmlParseError(`expected = at ${i}`);
      i++;
      const q = text[i];
      if (q !== '"' && q !== "'") throw new XmlParseError(`expected quote at ${i}`);
      const end = text.indexOf(q, i + 1);
      if (end < 0) throw new XmlParseError(`unterminated attribute at ${i}`);
      if (Object.hasOwn(attrs, an[0])) throw new XmlParseError(`duplicate attribute ${an[0]} at ${i}`);
      attrs[an[0]] = decode(text.slice(i + 1, end), i);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    for (;;) {
      skipMisc(false);
      if (text.startsWith('</', i)) {
        const close = `</${name}>`;
        if (!text.startsWith(close, i)) throw new XmlParseError(`expected ${close} at ${i}`);
        i += close.length;
        return { name, attrs, children };
      }
      if (i >= text.length) throw new XmlParseError(`unclosed <${name}>`);
      children.push(parseElement());
    }
  };
  skipMisc(false);
  const root = parseElement();
  skipMisc(false);
  if (i !== text.length) throw new XmlParseError(`content after the root element at ${i}`);
  return root;
}

/** The shape of a tree: element names and attribute names, values left out. */
export function xmlShape(e: XmlElement): string {
  return `${e.name}[${Object.keys(e.attrs).join(',')}](${e.children.map(xmlShape).join(',')})`;
}

export function findAll(e: XmlElement, name: string): XmlElement[] {
  return [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => findAll(c, name))];
}
