/**
 * Build-time step: templates/<dir>/<file>.hbs precompiled into src/render/generated/templates.ts,
 * so that a render loads only Handlebars' small runtime (not its compiler) and reads no
 * template file. test/render/generated-templates.test.ts fails when the generated module and
 * templates/ disagree, and rewrites it with UPDATE_TEMPLATES=1.
 * The compile options are the ones every template needs: HTML escaping off (`noEscape`), and
 * `strict`, so that a template naming a missing field throws instead of writing nothing.
 */
import Handlebars from 'handlebars';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** `data: false`: no @index/@first in templates; `knownHelpers`: our helpers are called directly. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true, data: false, knownHelpers: { xml: true, sh: true, json: true } } as const;

/** Every template file, as `dir/file` (without .hbs) -> its text, in sorted order. */
export function templateSources(templatesDir: string): [string, string][] {
  const files = readdirSync(templatesDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.hbs'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
  return files.map((f) => [relative(templatesDir, f).replace(/\\/g, '/').replace(/\.hbs$/, ''), readFileSync(f, 'utf8')]);
}

/** The source of src/render/generated/templates.ts. */
export function precompiledModule(templatesDir: string): string {
  const entries = templateSources(templatesDir).map(
    ([name, text]) => `  ${JSON.stringify(name)}: ${Handlebars.precompile(text, COMPILE_OPTIONS)},`,
  );
  return [
    '// @ts-nocheck',
    '/* eslint-disable */',
    '// Generated from templates/**/*.hbs by src/render/precompile-templates.ts: do not edit.',
    '// Rewrite with: UPDATE_TEMPLATES=1 npx vitest run test/render/generated-templates.test.ts',
    'export const TEMPLATE_SPECS: Record<string, unknown> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
