/**
 * The user agent's own TLS material: a certificate needs its key and the other way round; paths
 * are relative to the model file and come out absolute.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Finding } from '../types.js';
import { finding, type RuleContext } from '../rule-context.js';

export function tlsRule(ctx: RuleContext): Finding[] {
  const { certFile, keyFile, caFile } = ctx.raw.tls;
  const out: Finding[] = [];
  if ((certFile === undefined) !== (keyFile === undefined)) {
    const missing = certFile === undefined ? 'certFile' : 'keyFile';
    out.push(finding(ctx, 'error', 'MODEL_TLS_INCOMPLETE', '/tls', `tls has ${missing === 'certFile' ? 'keyFile' : 'certFile'} but no ${missing}`, 'both certFile and keyFile, or neither'));
  }
  const abs = (p: string | undefined) => (p === undefined ? undefined : ctx.baseDir && !isAbsolute(p) ? resolve(ctx.baseDir, p) : p);
  ctx.model.tls = { certFile: abs(certFile), keyFile: abs(keyFile), caFile: abs(caFile) };
  return out;
}
