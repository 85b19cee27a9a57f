// Node module hooks that run the TypeScript sources directly (no build): `.js` imports that
// name a `.ts` file resolve to it, and `.ts` files are transpiled with TypeScript's own
// transpileModule (types are not checked here; `npm run typecheck` does that).
// Registered by ts-register.mjs: node --import ./test/helpers/ts-register.mjs src/cli/main.ts
import { readFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

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
  const source = await readFile(fileURLToPath(url), 'utf8');
  // Generated code (src/model/generated/*) is plain JavaScript already: skip the transpiler.
  if (source.startsWith('// @ts-nocheck\n/* eslint-disable */\n// GENERATED')) return { format: 'module', source, shortCircuit: true };
  const out = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: true },
  });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}
