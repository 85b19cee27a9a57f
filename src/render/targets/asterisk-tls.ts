import type { PbxTarget } from '../../model/types.js';
import type { FindingList } from '../findings.js';
import { asteriskValueProblem } from '../escape/asterisk.js';

/** Checks the PBX's TLS file paths when tls is an enabled transport. */
export function checkPbxTls(f: FindingList, settings: PbxTarget, at: string, transports: string[], format: string): void {
  if (!transports.includes('tls')) return;
  if (!settings.tls) {
    f.check('has no tls certificate and key paths, but tls is an enabled transport', `${at}/tls`, format, 'tls: { certFile, keyFile } on the PBX target', 'RENDER_MISSING_TLS_FILES');
    return;
  }
  f.check(asteriskValueProblem(settings.tls.certFile), `${at}/tls/certFile`, format, 'a file path on one line without ; [ or \\');
  f.check(asteriskValueProblem(settings.tls.keyFile), `${at}/tls/keyFile`, format, 'a file path on one line without ; [ or \\');
  if (settings.tls.caFile !== undefined) {
    f.check(asteriskValueProblem(settings.tls.caFile), `${at}/tls/caFile`, format, 'a file path on one line without ; [ or \\');
  }
}
