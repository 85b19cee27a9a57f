/**
 * Handlebars templates under templates/<target>/<file>.hbs, compiled once per process on first
 * use. HTML escaping is off (`noEscape`): it is wrong for every format here. Values go through
 * per-format helpers instead: {{xml v}} (XML attribute), {{sh v}} (shell word), {{json v}}.
 * Asterisk and firewall values are checked before rendering and written as they are.
 * `strict` makes a template that names a missing field fail instead of writing nothing.
 */
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { packagePath } from '../util/paths.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { xmlAttr } from './escape/xml.js';
import { shellQuote } from './escape/shell.js';

type Compiled = (data: unknown) => string;

const hb = Handlebars.create();
hb.registerHelper('xml', (v: unknown) => xmlAttr(String(v)));
hb.registerHelper('sh', (v: unknown) => shellQuote(String(v)));
hb.registerHelper('json', (v: unknown) => JSON.stringify(v));

const cache = new Map<string, Compiled>();

export function template(dir: string, file: string): Compiled {
  const key = `${dir}/${file}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const path = packagePath('templates', dir, `${file}.hbs`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SiptrunkError('RENDER_TEMPLATE_MISSING', `cannot read template ${path}: ${(err as Error).message}`, {
      location: { file: path },
      cause: err,
    });
  }
  const compiled = hb.compile(text, { noEscape: true, strict: true });
  cache.set(key, compiled);
  return compiled;
}

/** Renders a template and checks the result ends with exactly one newline. */
export function renderTemplate(dir: string, file: string, data: unknown): string {
  const out = template(dir, file)(data);
  return out.replace(/\n*$/, '\n');
}
