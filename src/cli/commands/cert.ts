/**
 * `siptrunk cert --out DIR [--cn NAME] [--days N] [--json]`: writes a self-signed TLS client
 * certificate (cert.pem, mode 0644) and its private key (key.pem, mode 0600) for the user agent
 * (`--cert DIR/cert.pem --cert-key DIR/key.pem`). The carrier accepts self-signed client
 * certificates. Existing files are never overwritten. Exit 0 written, 3 bad usage or unwritable.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { SiptrunkError } from '../../util/siptrunk-error.js';
import { createSelfSignedCert } from '../../sip/cert.js';
import { printJson } from '../output.js';

export async function run(_args: unknown[], opts: Record<string, unknown>): Promise<number> {
  const dir = resolve(String(opts['out']));
  const cn = typeof opts['cn'] === 'string' ? opts['cn'] : hostname();
  const daysText = String(opts['days'] ?? '825').trim();
  const days = /^\d+$/.test(daysText) ? Number(daysText) : NaN;
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  for (const p of [certPath, keyPath]) {
    if (existsSync(p)) {
      throw new SiptrunkError('SIPUA_CERT_WRITE_FAILED', `${p} already exists; siptrunk cert never overwrites a certificate or key`, {
        location: { file: p },
        expected: 'an --out directory without cert.pem and key.pem',
      });
    }
  }
  const cert = createSelfSignedCert({ commonName: cn, days });
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // The key first, created with mode 0600 so it is never readable by others, even briefly.
    writeFileSync(keyPath, cert.keyPem, { mode: 0o600, flag: 'wx' });
    writeFileSync(certPath, cert.certPem, { mode: 0o644, flag: 'wx' });
  } catch (err) {
    throw new SiptrunkError('SIPUA_CERT_WRITE_FAILED', `cannot write into ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
      location: { file: dir },
      expected: 'a directory siptrunk may create and write to',
    });
  }
  const out = { ok: true, cert: certPath, key: keyPath, commonName: cn, fingerprint256: cert.fingerprint256, notBefore: cert.notBefore, notAfter: cert.notAfter };
  if (opts['json']) printJson(out);
  else {
    process.stdout.write(
      [
        `wrote ${certPath}`,
        `wrote ${keyPath} (mode 0600: keep it private)`,
        `  subject: CN=${cn}, self-signed, valid until ${cert.notAfter.slice(0, 10)} (${days} days)`,
        `  SHA-256 fingerprint: ${cert.fingerprint256}`,
        `use it with: --cert ${certPath} --cert-key ${keyPath}`,
      ].join('\n') + '\n',
    );
  }
  return 0;
}
