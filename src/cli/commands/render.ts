/**
 * `siptrunk render FILE --out DIR [--target T ...] [--secrets inline|placeholder] [--check] [--json]`
 *
 * Exit codes: 0 written (or, with --check, identical); 1 the model is invalid or cannot be
 * rendered safely (findings printed), or with --check a deployed file has drifted (diff
 * printed); 2 bad usage or an unreadable file (thrown, run-command.ts prints it).
 * The secret is never printed: with --secrets inline the diff of a file holding it is withheld.
 */
import { dirname } from 'node:path';
import type { Finding, RenderTarget } from '../../model/types.js';
import { SiptrunkError } from '../../util/siptrunk-error.js';
import { paint, printJson } from '../output.js';

function formatFinding(f: Finding): string {
  const where = f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}: ` : '';
  const sev = f.severity === 'error' ? paint('error', 'red', process.stderr) : paint('warning', 'yellow', process.stderr);
  return `${where}${sev} ${f.code} at ${f.path}: ${f.message}${f.expected ? `\n  expected: ${f.expected}` : ''}`;
}

export async function run(args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const file = args[0];
  if (typeof file !== 'string' || file.length === 0) {
    throw new SiptrunkError('RENDER_UNKNOWN_TARGET', 'render needs a model file', { expected: 'siptrunk render FILE --out DIR' });
  }
  const outDir = opts['out'];
  if (typeof outDir !== 'string' || outDir.length === 0) {
    throw new SiptrunkError('RENDER_WRITE_FAILED', '--out DIR is required', { expected: 'an output directory' });
  }
  const secrets = opts['secrets'] ?? 'placeholder';
  if (secrets !== 'inline' && secrets !== 'placeholder') {
    throw new SiptrunkError('RENDER_SECRET_UNAVAILABLE', `--secrets ${String(secrets)} is not a secrets mode`, { expected: 'inline or placeholder' });
  }
  const { RENDER_TARGETS, isRenderTarget, renderModel, checkRenderable, writeRendered, checkRendered } = await import('../../render/index.js');
  const rawTargets = (opts['target'] as string[] | undefined) ?? [];
  const names = rawTargets.flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t.length > 0);
  for (const t of names) {
    if (!isRenderTarget(t)) {
      throw new SiptrunkError('RENDER_UNKNOWN_TARGET', `unknown render target ${JSON.stringify(t)}`, { expected: `one of ${RENDER_TARGETS.join(', ')}` });
    }
  }
  const targets = names as RenderTarget[];
  const json = Boolean(opts['json']);

  const { loadModel } = await import('../../model/load-model.js');
  const result = await loadModel(file);
  if (!result.ok || !result.model) {
    if (json) printJson({ ok: false, findings: result.findings });
    else for (const f of result.findings) process.stderr.write(formatFinding(f) + '\n');
    return 1;
  }
  const model = result.model;

  let secret;
  if (secrets === 'inline') {
    const { resolveSecret } = await import('../../model/resolve-secret.js');
    secret = await resolveSecret(model.account.secretRef, model.source ? dirname(model.source) : undefined);
  }
  // Checked with the secret itself when it is written inline (findings never quote it).
  const findings = checkRenderable(model, { targets, secrets, ...(secret ? { secret } : {}) });
  const errors = findings.filter((f) => f.severity === 'error');
  if (!json) for (const f of findings) process.stderr.write(formatFinding(f) + '\n');
  if (errors.length > 0) {
    if (json) printJson({ ok: false, findings });
    return 1;
  }

  const files = renderModel(model, { targets, secrets, ...(secret ? { secret } : {}) });
  // A secret-bearing file (mode 600) rendered with the secret inline never has its diff shown.
  const holdsSecret = (f: { mode?: number }) => secrets === 'inline' && f.mode === 0o600;

  if (opts['check']) {
    const r = checkRendered(files, outDir, { hideDiffOf: holdsSecret });
    if (json) {
      printJson({ ok: r.identical, identical: r.identical, checked: r.checked, drift: r.drift, findings });
    } else if (r.identical) {
      process.stdout.write(`${r.checked} files in ${outDir} match the model\n`);
    } else {
      for (const d of r.drift) {
        if (d.status === 'mode') process.stdout.write(`${d.path}: file mode differs\n`);
        else if (d.diff === '') process.stdout.write(`${d.path}: ${d.status} (diff withheld: the file holds the secret)\n`);
        else process.stdout.write(d.diff);
      }
      process.stdout.write(`${r.drift.length} of ${r.checked} files in ${outDir} drifted from the model\n`);
    }
    return r.identical ? 0 : 1;
  }

  const written = writeRendered(files, outDir);
  if (json) {
    printJson({
      ok: true,
      out: outDir,
      files: written.map((w, i) => ({ target: files[i]!.target, path: w.path, bytes: w.bytes, mode: `0${w.mode.toString(8)}`, changed: w.changed })),
      findings,
    });
  } else {
    for (const [i, w] of written.entries()) {
      process.stdout.write(`${w.changed ? 'wrote    ' : 'unchanged'} ${w.path} (${files[i]!.target}, ${w.bytes} bytes, mode 0${w.mode.toString(8)})\n`);
    }
    const changed = written.filter((w) => w.changed).length;
    process.stdout.write(`${written.length} files for ${[...new Set(files.map((f) => f.target))].join(', ')} in ${outDir} (${changed} written, ${written.length - changed} unchanged), secrets: ${secrets}\n`);
  }
  return 0;
}
