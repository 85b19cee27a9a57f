import { describe, it, expect } from 'vitest';
import { tlsConnectOptions } from '../../../src/sip/tls/tls-options.js';
import { Secret } from '../../../src/util/secret.js';

describe('TLS client options', () => {
  it('asks for TLS 1.2 or later by default and verifies against the system CA bundle', () => {
    const o = tlsConnectOptions({}, { address: '192.0.2.1', port: 5061 });
    expect(o.minVersion).toBe('TLSv1.2');
    expect(String(o.ca)).toContain('BEGIN CERTIFICATE');
    expect(o.servername).toBeUndefined();
  });
  it('sends SNI with the host name, never with an IP literal (RFC 6066 3)', () => {
    expect(tlsConnectOptions({}, { address: '192.0.2.1', port: 5061, host: 'sip.example.com' }).servername).toBe('sip.example.com');
    expect(tlsConnectOptions({}, { address: '192.0.2.1', port: 5061, host: '192.0.2.1' }).servername).toBeUndefined();
  });
  it('trusts only the given CA file, and no bundle at all when insecure', () => {
    expect(tlsConnectOptions({ ca: 'PEM' }, { address: '192.0.2.1', port: 5061 }).ca).toBe('PEM');
    expect(tlsConnectOptions({ insecure: true }, { address: '192.0.2.1', port: 5061 }).ca).toBeUndefined();
  });
  it('passes a client certificate and reveals the key only into the connect options', () => {
    const o = tlsConnectOptions({ cert: 'CERT', key: new Secret('KEY', 'test') }, { address: '192.0.2.1', port: 5061 });
    expect(o).toMatchObject({ cert: 'CERT', key: 'KEY', minVersion: 'TLSv1.2' });
  });
});
