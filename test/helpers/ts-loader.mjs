// Node module hooks that run the TypeScript sources directly (no build): `.js` imports that
// name a `.ts` file resolve to it, and `.ts` files are transpiled with TypeScript's own
// transpileModule (types are not checked here; `npm run typecheck` does that). Transpiled files
// are cached in node_modules/.cache/siptrunk-ts/ by path, size and modification time, so a CLI
// test run pays for the transpiler once, not in every child process.
// Registered by ts-register.mjs: node --import ./test/helpers/ts-register.mjs src/cli/main.ts
import { readFile, access, stat, mkdir, writeFile, rename } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/siptrunk-ts/', import.meta.url));
let ts;
// Change when the transpile options change, so that old cache entries are not used.
const CACHE_VERSION = '1';

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('.js') && (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) && context.parentURL) {
    const url = new URL(specifier, context.parentURL);
    const tsUrl = new URL(url.href.replace(/\.js$/, '.ts'));
    try {
      await access(url);
    } catch {
      try {
        await access(tsUrl);
        return { url: tsUrl.href, shortCircuit: true, format: 'module' };
      } catch {
        // fall through to Node's own error
      }
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const st = await stat(file);
  const key = createHash('sha1').update(`${CACHE_VERSION}\0${file}\0${st.size}\0${st.mtimeMs}`).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  try {
    return { format: 'module', source: await readFile(cached, 'utf8'), shortCircuit: true };
  } catch {
    // not cached yet
  }
  const source = await readFile(file, 'utf8');
  let out;
  // Generated code (src/model/generated/*) is plain JavaScript already: skip the transpiler.
  if (source.startsWith('// @ts-nocheck\n/* eslint-disable */\n// GENERATED')) {
    out = source;
  } else {
    ts ??= (await import('typescript')).default;
    out = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: true },
    }).outputText;
  }
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    await writeFile(tmp, out);
    await rename(tmp, cached); // atomic: parallel test processes never read half a file
  } catch {
    // a cache that cannot be written only costs time
  }
  return { format: 'module', source: out, shortCircuit: true };
}
