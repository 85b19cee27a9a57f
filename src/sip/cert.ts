/**
 * Self-signed X.509 certificates for the TLS client (and for test peers), made with node-forge.
 * The carrier accepts self-signed client certificates (nexmo-sip-overview.txt); `siptrunk cert`
 * writes one. RSA 2048, SHA-256, serial from crypto-random bytes.
 */
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { SiptrunkError } from '../util/siptrunk-error.js';

export interface SelfSignedCertOptions {
  /** Subject and issuer CN; also the DNS (or IP) subjectAltName. */
  commonName: string;
  /** Validity in days from now (1..3650). */
  days: number;
  /** Extra subjectAltNames: IP addresses or DNS names. */
  altNames?: string[];
  /** RSA key size; 2048 by default. */
  bits?: number;
}

export interface SelfSignedCert {
  certPem: string;
  /** PKCS#8 PEM private key. Secret: never log it. */
  keyPem: string;
  /** SHA-256 fingerprint of the DER certificate, colon-separated upper-case hex. */
  fingerprint256: string;
  notBefore: string;
  notAfter: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function createSelfSignedCert(opts: SelfSignedCertOptions): SelfSignedCert {
  const cn = opts.commonName.trim();
  if (!cn || cn.length > 64 || /[\x00-\x1f]/.test(cn)) {
    throw new SiptrunkError('SIPUA_CERT_BAD_NAME', `certificate common name "${cn.slice(0, 80)}" is not usable`, {
      expected: 'a host name or address of 1 to 64 printable characters',
    });
  }
  if (!Number.isInteger(opts.days) || opts.days < 1 || opts.days > 3650) {
    throw new SiptrunkError('SIPUA_CERT_BAD_DAYS', `certificate validity ${String(opts.days)} days is out of range`, {
      expected: 'a whole number of days from 1 to 3650',
    });
  }
  const keys = forge.pki.rsa.generateKeyPair({ bits: opts.bits ?? 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // Positive serial: clear the top bit (RFC 5280 4.1.2.2).
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + opts.days * 86_400_000);
  const attrs = [{ name: 'commonName', value: cn }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  const names = [cn, ...(opts.altNames ?? [])];
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    {
      name: 'subjectAltName',
      altNames: names.map((n) => (IPV4.test(n) || n.includes(':') ? { type: 7, ip: n } : { type: 2, value: n })),
    },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  const keyPem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys.privateKey)));
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const md = forge.md.sha256.create();
  md.update(der);
  const fingerprint256 = md.digest().toHex().toUpperCase().match(/../g)!.join(':');
  return {
    certPem,
    keyPem,
    fingerprint256,
    notBefore: cert.validity.notBefore.toISOString(),
    notAfter: cert.validity.notAfter.toISOString(),
  };
}
