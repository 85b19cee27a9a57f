/**
 * src/render/generated/templates.ts (the precompiled templates the renderers use) must match
 * templates/**\/*.hbs. UPDATE_TEMPLATES=1 rewrites it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { precompiledModule } from '../../src/render/precompile-templates.js';

const TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
const GENERATED = fileURLToPath(new URL('../../src/render/generated/templates.ts', import.meta.url));

describe('precompiled templates', () => {
  it('src/render/generated/templates.ts is up to date with templates/', () => {
    const want = precompiledModule(TEMPLATES);
    if (process.env['UPDATE_TEMPLATES'] === '1') writeFileSync(GENERATED, want);
    expect(existsSync(GENERATED), 'run UPDATE_TEMPLATES=1 npx vitest run test/render/generated-templates.test.ts').toBe(true);
    expect(readFileSync(GENERATED, 'utf8'), 'templates/ changed: run UPDATE_TEMPLATES=1 npx vitest run test/render/generated-templates.test.ts').toBe(want);
  });
});
