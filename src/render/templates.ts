/**
 * The Handlebars templates of templates/<target>/<file>.hbs, precompiled at build time into
 * src/render/generated/templates.ts (see precompile-templates.ts) and turned into functions
 * once per process on first use, with Handlebars' runtime only: a render loads no template
 * compiler and reads no file. HTML escaping is off (compiled with `noEscape`): it is wrong for
 * every format here. Values go through per-format helpers instead: {{xml v}} (XML attribute),
 * {{sh v}} (shell word), {{json v}}. Asterisk and firewall values are checked before rendering
 * and written as they are. Templates are compiled `strict`: a missing field throws.
 */
import HandlebarsRuntime from 'handlebars/runtime.js';
import { SiptrunkError } from '../util/siptrunk-error.js';
import { xmlAttr } from './escape/xml.js';
import { shellQuote } from './escape/shell.js';
import { TEMPLATE_SPECS } from './generated/templates.js';

type Compiled = (data: unknown) => string;

interface Runtime {
  create(): Runtime;
  registerHelper(name: string, fn: (...args: unknown[]) => unknown): void;
  template(spec: unknown): Compiled;
}

const hb = (HandlebarsRuntime as unknown as Runtime).create();
hb.registerHelper('xml', (v: unknown) => xmlAttr(String(v)));
hb.registerHelper('sh', (v: unknown) => shellQuote(String(v)));
hb.registerHelper('json', (v: unknown) => JSON.stringify(v));

const cache = new Map<string, Compiled>();

export function template(dir: string, file: string): Compiled {
  const key = `${dir}/${file}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const spec = TEMPLATE_SPECS[key];
  if (spec === undefined) {
    throw new SiptrunkError('RENDER_TEMPLATE_MISSING', `no template templates/${key}.hbs in the precompiled set`, {
      expected: 'the template file, and src/render/generated/templates.ts regenerated (UPDATE_TEMPLATES=1 npx vitest run test/render/generated-templates.test.ts)',
    });
  }
  const compiled = hb.template(spec);
  cache.set(key, compiled);
  return compiled;
}

/** Renders a template; the result ends with exactly one newline. */
export function renderTemplate(dir: string, file: string, data: unknown): string {
  const out = template(dir, file)(data);
  let end = out.length;
  while (end > 0 && out.charCodeAt(end - 1) === 10) end--;
  return end === out.length - 1 ? out : `${out.slice(0, end)}\n`;
}
