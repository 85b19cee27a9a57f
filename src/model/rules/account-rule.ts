/**
 * The account: API key (the Digest username, not secret) and the secret by reference:
 * `${ENV_VAR}` or `{ env: ENV_VAR }` (environment), `{ file: ./path }` (a file, relative to the
 * model file). An inline string is accepted with a warning and kept in a Secret; it is never
 * required, and never shown.
 */
import type { Finding, SecretRef } from '../types.js';
import { Secret } from '../../util/secret.js';
import { finding, type RuleContext } from '../rule-context.js';

const ENV_REF = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

export function accountRule(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const { apiKey, secret } = ctx.raw.account;
  let ref: SecretRef | undefined;
  if (typeof secret === 'string') {
    const m = ENV_REF.exec(secret);
    if (m) ref = { kind: 'env', name: m[1]! };
    else if (secret.includes('${')) {
      // Do not echo the text: it may be the secret itself with a stray "${".
      out.push(finding(ctx, 'error', 'MODEL_SCHEMA_PATTERN', '/account/secret', 'the secret looks like an environment reference but is not of the form ${NAME}', '${NAME} with NAME of letters, digits and _, e.g. ${NEXMO_API_SECRET}'));
    } else {
      ref = { kind: 'inline', value: new Secret(secret, 'inline') };
      // A bare string is the secret itself, never a path: reading it as a path would put the
      // secret into "cannot read file ..." errors whenever it was not one.
      const looksLikePath = /^(?:\.{0,2}\/|~\/)/.test(secret);
      out.push(finding(ctx, 'warning', 'MODEL_SECRET_INLINE', '/account/secret',
        'the account secret is written inline in the model; anyone who can read the file can read it' +
          (looksLikePath ? ' (it looks like a path: a file is written secret: { file: <path> })' : ''),
        'secret: ${NEXMO_API_SECRET} (environment) or secret: { file: ./secret.txt }'));
    }
  } else if (secret.env !== undefined) {
    ref = { kind: 'env', name: secret.env };
  } else if (secret.file !== undefined) {
    ref = { kind: 'file', path: secret.file };
  }
  if (ref) ctx.model.account = { apiKey, secretRef: ref };
  return out;
}
