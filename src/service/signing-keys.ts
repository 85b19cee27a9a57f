/**
 * The service's token-signing key pair: loaded from a PEM file, or created with node-forge on
 * first start and written next to the configuration with mode 0600 (atomically: temp file then
 * rename, so a crash never leaves half a key). The private key never appears in logs or errors.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import forge from 'node-forge';
import { SiptrunkError } from '../util/siptrunk-error.js';

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Where the private key came from (path), safe to show. */
  origin: string;
  created: boolean;
}

/** Reads a PEM RSA private key. Errors name the file, never the content. */
export function readPrivateKey(file: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SiptrunkError('SERVICE_KEY_UNREADABLE', `cannot read the private key file: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, {
      location: { file },
      expected: 'a readable PEM file holding an RSA private key',
      cause: err,
    });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SiptrunkError('SERVICE_KEY_INVALID', 'the file does not hold a PEM private key', {
      location: { file },
      expected: 'a PEM RSA private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)',
    });
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new SiptrunkError('SERVICE_KEY_INVALID', `the private key is ${key.asymmetricKeyType ?? 'unknown'}, not RSA`, {
      location: { file },
      expected: 'an RSA private key (RS256 needs RSA)',
    });
  }
  return key;
}

/** Creates a 2048-bit RSA key pair with node-forge (it uses Node's native generator when present). */
export function createRsaKeyPem(bits = 2048): string {
  const pair = forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 });
  return forge.pki.privateKeyToPem(pair.privateKey);
}

/** Loads the key pair from `file`, or creates it there when missing and `create` is set. */
export function loadSigningKeys(file: string, opts: { create: boolean }): SigningKeys {
  if (!existsSync(file)) {
    if (!opts.create) {
      throw new SiptrunkError('SERVICE_KEY_UNREADABLE', 'the private key file does not exist', {
        location: { file },
        expected: 'an existing PEM RSA private key, or auth.jwt.createKey: true to create one on first start',
      });
    }
    const pem = createRsaKeyPem();
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, pem, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
    const privateKey = createPrivateKey(pem);
    return { privateKey, publicKey: createPublicKey(privateKey), origin: file, created: true };
  }
  const privateKey = readPrivateKey(file);
  return { privateKey, publicKey: createPublicKey(privateKey), origin: file, created: false };
}
