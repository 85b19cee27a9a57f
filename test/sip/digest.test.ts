import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { Secret } from '../../src/util/secret.js';
import { SipMessage } from '../../src/sip/message.js';
import { parseAuthHeader } from '../../src/sip/headers/auth.js';
import { digestAlgorithm, hashHex } from '../../src/sip/digest/algorithms.js';
import { parseChallenges } from '../../src/sip/digest/challenge.js';
import { digestResponse, hashedUsername } from '../../src/sip/digest/response.js';
import { DigestClient } from '../../src/sip/digest/digest-client.js';
import { SipParseError } from '../../src/sip/parse-error.js';

const PASSWORD = 'Circle of Life';

function challenge(status: 401 | 407, values: string[], callId = 'call-1', cseq = '1 OPTIONS'): SipMessage {
  const name = status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
  return SipMessage.response(status, status === 401 ? 'Unauthorized' : 'Proxy Authentication Required', [
    ['Via', 'SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKabc'],
    ['Call-ID', callId],
    ['CSeq', cseq],
    ...values.map((v): [string, string] => [name, v]),
  ]);
}

function params(value: string): Record<string, string> {
  return parseAuthHeader(value, 'Authorization')[0]!.params;
}

const request = { method: 'OPTIONS', uri: 'sip:127.0.0.1:5060', body: Buffer.alloc(0) };

describe('digest response vectors', () => {
  // RFC 7616 3.9.1: the Mufasa example, qop=auth, MD5 and SHA-256.
  const rfc7616 = {
    username: 'Mufasa',
    password: new Secret(PASSWORD),
    realm: 'http-auth@example.org',
    method: 'GET',
    uri: '/dir/index.html',
    nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
    qop: 'auth' as const,
    nc: '00000001',
    cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
    body: Buffer.alloc(0),
  };

  it('matches RFC 7616 3.9.1 for MD5', () => {
    expect(digestResponse({ ...rfc7616, algorithm: digestAlgorithm('MD5')! })).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('matches RFC 7616 3.9.1 for SHA-256', () => {
    expect(digestResponse({ ...rfc7616, algorithm: digestAlgorithm('SHA-256')! })).toBe(
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
  });

  it('keeps H(A2) apart per algorithm, method and URI (it is cached)', () => {
    const expected = (hash: 'md5' | 'sha256', method: string, uri: string): string => {
      const ha1 = hashHex(hash, `${rfc7616.username}:${rfc7616.realm}:Circle of Life`);
      return hashHex(hash, `${ha1}:${rfc7616.nonce}:${rfc7616.nc}:${rfc7616.cnonce}:auth:${hashHex(hash, `${method}:${uri}`)}`);
    };
    for (let round = 0; round < 2; round++) {
      for (const [name, hash] of [['MD5', 'md5'], ['SHA-256', 'sha256']] as const) {
        for (const [method, uri] of [['GET', '/dir/index.html'], ['POST', '/dir/index.html'], ['GET', '/other']] as const) {
          expect(digestResponse({ ...rfc7616, algorithm: digestAlgorithm(name)!, method, uri })).toBe(expected(hash, method, uri));
        }
      }
    }
  });

  it('keeps H(A1) apart per algorithm, user name, realm and password (it is cached per Secret)', () => {
    const a = new Secret('first secret');
    const b = new Secret('second secret');
    const expected = (hash: 'md5' | 'sha256', user: string, realm: string, password: string): string => {
      const ha1 = hashHex(hash, `${user}:${realm}:${password}`);
      return hashHex(hash, `${ha1}:${rfc7616.nonce}:${rfc7616.nc}:${rfc7616.cnonce}:auth:${hashHex(hash, `${rfc7616.method}:${rfc7616.uri}`)}`);
    };
    // Alternating inputs, so that each call misses the last-used entry at least once.
    for (let round = 0; round < 2; round++) {
      for (const [secret, password] of [[a, 'first secret'], [b, 'second secret']] as const) {
        for (const [name, hash] of [['MD5', 'md5'], ['SHA-256', 'sha256']] as const) {
          for (const [user, realm] of [['Mufasa', 'r1'], ['Mufasa', 'r2'], ['Simba', 'r1']] as const) {
            const got = digestResponse({ ...rfc7616, password: secret, algorithm: digestAlgorithm(name)!, username: user, realm });
            expect(got).toBe(expected(hash, user, realm, password));
          }
        }
      }
    }
  });

  it('matches RFC 2617 3.5 (MD5, qop=auth, "Circle Of Life")', () => {
    expect(
      digestResponse({
        algorithm: digestAlgorithm(undefined)!,
        username: 'Mufasa',
        password: new Secret('Circle Of Life'),
        realm: 'testrealm@host.com',
        method: 'GET',
        uri: '/dir/index.html',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        qop: 'auth',
        nc: '00000001',
        cnonce: '0a4f113b',
        body: Buffer.alloc(0),
      }),
    ).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('computes RFC 2069 responses (no qop) as H(HA1:nonce:HA2)', () => {
    // HA1 = MD5("Mufasa:testrealm@host.com:Circle Of Life"), HA2 = MD5("GET:/dir/index.html")
    const r = digestResponse({
      algorithm: digestAlgorithm('MD5')!,
      username: 'Mufasa',
      password: new Secret('Circle Of Life'),
      realm: 'testrealm@host.com',
      method: 'GET',
      uri: '/dir/index.html',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      qop: undefined,
      nc: '',
      cnonce: '',
      body: Buffer.alloc(0),
    });
    expect(r).toBe('670fd8c2df070c60b045671b8b24ff02');
  });

  it('hashes the real body for auth-int and the nonce/cnonce into A1 for -sess', () => {
    const base = { ...rfc7616, algorithm: digestAlgorithm('SHA-512-256')! };
    const a = digestResponse({ ...base, qop: 'auth-int', body: Buffer.from('v=0\r\n') });
    const b = digestResponse({ ...base, qop: 'auth-int', body: Buffer.from('v=1\r\n') });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const sess = digestResponse({ ...base, algorithm: digestAlgorithm('SHA-512-256-sess')! });
    const plain = digestResponse(base);
    expect(sess).not.toBe(plain);
  });

  it('uses SHA-512/256 for SHA-512-256 (FIPS 180-4 example "abc")', () => {
    expect(hashHex(digestAlgorithm('SHA-512-256')!.hash, 'abc')).toBe('53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23');
  });

  it('hashes the username for userhash as H(username:realm) (RFC 7616 3.4.4)', () => {
    expect(hashedUsername(digestAlgorithm('SHA-256')!, 'Mufasa', 'http-auth@example.org')).toBe(hashHex('sha256', 'Mufasa:http-auth@example.org'));
  });
});

describe('parseChallenges', () => {
  it('reads every field of a Digest challenge', () => {
    const [c] = parseChallenges(
      ['Digest realm="sip.example.com", domain="sip:example.com", nonce="abc", opaque="xyz", stale=TRUE, algorithm=SHA-256-sess, qop="auth,auth-int", userhash=true, charset=UTF-8'],
      'Proxy-Authenticate',
    );
    expect(c).toEqual({
      scheme: 'Digest', realm: 'sip.example.com', nonce: 'abc', opaque: 'xyz', algorithm: 'SHA-256-sess',
      qop: ['auth', 'auth-int'], stale: true, domain: 'sip:example.com', userhash: true, charset: 'UTF-8',
      header: 'Proxy-Authenticate',
    });
  });

  it('skips non-Digest schemes and splits two challenges in one value', () => {
    const cs = parseChallenges(['Basic realm="x"', 'Digest realm="a", nonce="1", Digest realm="b", nonce="2", algorithm=MD5']);
    expect(cs.map((c) => [c.realm, c.nonce, c.algorithm])).toEqual([['a', '1', undefined], ['b', '2', 'MD5']]);
  });

  it('rejects a challenge without nonce and an unterminated quote with a typed error', () => {
    expect(() => parseChallenges(['Digest realm="a"'])).toThrow(SipParseError);
    expect(() => parseChallenges(['Digest realm="a, nonce="1'])).toThrowError(expect.objectContaining({ code: 'SIP_AUTH_CHALLENGE_INVALID' }));
  });

  it('keeps escaped quotes inside quoted values', () => {
    const [c] = parseChallenges(['Digest realm="a \\"b\\"", nonce="n"']);
    expect(c!.realm).toBe('a "b"');
  });
});

describe('DigestClient', () => {
  const client = (): DigestClient =>
    new DigestClient({ username: 'alice', password: new Secret(PASSWORD), cnonce: () => '0a4f113b' });

  it('answers a 401 with an Authorization header that verifies', () => {
    const c = client();
    const r = c.authorize(challenge(401, ['Digest realm="r", nonce="n1", qop="auth", opaque="o", algorithm=MD5']), request);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.header).toBe('Authorization');
    expect(r.algorithm).toBe('MD5');
    const p = params(r.value);
    expect(p).toMatchObject({ username: 'alice', realm: 'r', nonce: 'n1', uri: 'sip:127.0.0.1:5060', qop: 'auth', nc: '00000001', cnonce: '0a4f113b', opaque: 'o', algorithm: 'MD5' });
    const expected = digestResponse({
      algorithm: digestAlgorithm('MD5')!, username: 'alice', password: new Secret(PASSWORD), realm: 'r', method: 'OPTIONS',
      uri: 'sip:127.0.0.1:5060', nonce: 'n1', qop: 'auth', nc: '00000001', cnonce: '0a4f113b', body: Buffer.alloc(0),
    });
    expect(p.response).toBe(expected);
  });

  it('picks the strongest supported algorithm and skips unknown ones', () => {
    const r = client().authorize(
      challenge(401, [
        'Digest realm="r", nonce="n", algorithm=MD5, qop="auth"',
        'Digest realm="r", nonce="n", algorithm=SHA-512-256-sess, qop="auth"',
        'Digest realm="r", nonce="n", algorithm=SHA-256, qop="auth"',
        'Digest realm="r", nonce="n", algorithm=SHA3-999, qop="auth"',
      ]),
      request,
    );
    expect(r.ok && r.algorithm).toBe('SHA-512-256-sess');
  });

  it('fails with SIP_AUTH_UNSUPPORTED when nothing is supported', () => {
    const r = client().authorize(challenge(401, ['Digest realm="r", nonce="n", algorithm=SHA3-999', 'Digest realm="r", nonce="n", qop="auth-conf"']), request);
    expect(r).toMatchObject({ ok: false, code: 'SIP_AUTH_UNSUPPORTED' });
  });

  it('counts nonces per nonce: 00000001 then 00000002, and back to 00000001 for a new nonce', () => {
    const c = client();
    const r = c.authorize(challenge(401, ['Digest realm="r", nonce="n1", qop="auth"']), request);
    expect(r.ok && params(r.value).nc).toBe('00000001');
    const [again] = c.credentialsFor(request);
    expect(params(again!.value).nc).toBe('00000002');
    const r2 = c.authorize(challenge(401, ['Digest realm="r", nonce="n2", qop="auth"'], 'call-2'), request);
    expect(r2.ok && params(r2.value).nc).toBe('00000001');
  });

  it('draws a fresh cnonce from crypto random by default', () => {
    const c = new DigestClient({ username: 'alice', password: new Secret(PASSWORD) });
    const a = c.authorize(challenge(401, ['Digest realm="r", nonce="n1", qop="auth"']), request);
    const [b] = c.credentialsFor(request);
    const ca = a.ok ? params(a.value).cnonce : '';
    expect(ca).toMatch(/^[0-9a-f]{32}$/);
    expect(params(b!.value).cnonce).not.toBe(ca);
  });

  it('handles a 407 then a 401 and gives both headers for the next request', () => {
    const c = client();
    const r1 = c.authorize(challenge(407, ['Digest realm="proxy", nonce="p1", qop="auth"'], 'call-1', '1 INVITE'), { ...request, method: 'INVITE' });
    expect(r1.ok && r1.header).toBe('Proxy-Authorization');
    const r2 = c.authorize(challenge(401, ['Digest realm="uas", nonce="u1", algorithm=SHA-256, qop="auth"'], 'call-1', '2 INVITE'), { ...request, method: 'INVITE' });
    expect(r2.ok && r2.header).toBe('Authorization');
    const creds = c.credentialsFor({ ...request, method: 'BYE' });
    expect(creds.map((x) => [x.header, params(x.value).realm])).toEqual([['Proxy-Authorization', 'proxy'], ['Authorization', 'uas']]);
  });

  it('retries stale=true with the new nonce, and reports a repeated non-stale challenge as SIP_AUTH_REJECTED', () => {
    const c = client();
    expect(c.authorize(challenge(401, ['Digest realm="r", nonce="n1", qop="auth"'], 'call-9', '1 OPTIONS'), request).ok).toBe(true);
    const stale = c.authorize(challenge(401, ['Digest realm="r", nonce="n2", qop="auth", stale=true'], 'call-9', '2 OPTIONS'), request);
    expect(stale).toMatchObject({ ok: true, stale: true });
    expect(stale.ok && params(stale.value).nonce).toBe('n2');
    const rejected = c.authorize(challenge(401, ['Digest realm="r", nonce="n3", qop="auth"'], 'call-9', '3 OPTIONS'), request);
    expect(rejected).toMatchObject({ ok: false, code: 'SIP_AUTH_REJECTED' });
    expect(rejected.ok ? '' : rejected.reason).toMatch(/wrong key or secret/);
  });

  it('never loops on stale challenges: same nonce again, or too many in a row, is rejected', () => {
    const c = client();
    c.authorize(challenge(401, ['Digest realm="r", nonce="n1"'], 'x'), request);
    expect(c.authorize(challenge(401, ['Digest realm="r", nonce="n1", stale=true'], 'x'), request)).toMatchObject({ ok: false, code: 'SIP_AUTH_REJECTED' });
    const d = client();
    d.authorize(challenge(401, ['Digest realm="r", nonce="s0"'], 'y'), request);
    let last;
    for (let i = 1; i <= 10; i++) {
      last = d.authorize(challenge(401, [`Digest realm="r", nonce="s${i}", stale=true`], 'y'), request);
      if (!last.ok) break;
    }
    expect(last).toMatchObject({ ok: false, code: 'SIP_AUTH_REJECTED' });
  });

  it('answers without qop (RFC 2069) and with auth-int over the body', () => {
    const c = client();
    const r = c.authorize(challenge(401, ['Digest realm="r", nonce="n"']), request);
    expect(r.ok).toBe(true);
    const p = r.ok ? params(r.value) : {};
    expect(p.qop).toBeUndefined();
    expect(p.nc).toBeUndefined();
    const body = Buffer.from('v=0\r\n');
    const ai = client().authorize(challenge(401, ['Digest realm="r", nonce="n", qop="auth-int"']), { ...request, body });
    const pi = ai.ok ? params(ai.value) : {};
    expect(pi.qop).toBe('auth-int');
    expect(pi.response).toBe(
      digestResponse({ algorithm: digestAlgorithm('MD5')!, username: 'alice', password: new Secret(PASSWORD), realm: 'r', method: 'OPTIONS', uri: request.uri, nonce: 'n', qop: 'auth-int', nc: '00000001', cnonce: '0a4f113b', body }),
    );
  });

  it('reports a response without challenge and a malformed challenge as typed failures', () => {
    expect(client().authorize(challenge(401, []), request)).toMatchObject({ ok: false, code: 'SIP_AUTH_NO_CHALLENGE' });
    expect(client().authorize(SipMessage.response(200, 'OK', []), request)).toMatchObject({ ok: false, code: 'SIP_AUTH_NO_CHALLENGE' });
    expect(client().authorize(challenge(401, ['Digest realm="r']), request)).toMatchObject({ ok: false, code: 'SIP_AUTH_CHALLENGE_INVALID' });
  });

  it('sends the hashed username when the challenge asks for userhash', () => {
    const r = client().authorize(challenge(401, ['Digest realm="r", nonce="n", algorithm=SHA-256, qop="auth", userhash=true']), request);
    const p = r.ok ? params(r.value) : {};
    expect(p.userhash).toBe('true');
    expect(p.username).toBe(hashedUsername(digestAlgorithm('SHA-256')!, 'alice', 'r'));
  });

  it('never shows the password in results, failures or inspection', () => {
    const c = client();
    const outputs = [
      JSON.stringify(c.authorize(challenge(401, ['Digest realm="r", nonce="n", qop="auth"']), request)),
      JSON.stringify(c.authorize(challenge(401, ['Digest realm="r", nonce="m", qop="auth"']), request)),
      JSON.stringify(c.credentialsFor(request)),
      inspect(c, { depth: 5 }),
    ];
    for (const o of outputs) expect(o).not.toContain(PASSWORD);
  });
});
