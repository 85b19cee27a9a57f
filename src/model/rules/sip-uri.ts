/**
 * SIP and SIPS URIs (RFC 3261 section 19.1, grammar in section 25.1). The grammar check is
 * sip.js's PEG grammar (rule SIP_URI), loaded on first use; on top of it, checks the grammar
 * leaves loose: the port range (1-65535, RFC 3261 says only `port = 1*DIGIT`), the host (a
 * domain label may not start with a dash, an IPv4 address must have numbers 0-255, IPv6 goes in
 * brackets), and the scheme (only sip: and sips:, not tel: or others).
 *
 * Falls short: the telephone-subscriber form of the user part (RFC 3966 visual separators) is
 * checked only as far as the generic user grammar goes.
 */
import type { Grammar as GrammarNs } from 'sip.js/lib/grammar/grammar.js';
import { lazy, lazyRequire } from '../lazy-require.js';
import { classifyHost, type HostKind } from './host.js';
import type { ModelCode } from '../codes.js';

export interface ParsedSipUri {
  scheme: 'sip' | 'sips';
  /** User part as written (escapes kept), when there is one. */
  user: string | undefined;
  /** Host without brackets, lower case: `mydomain.com`, `192.0.2.1`, `2001:db8::1`. */
  host: string;
  hostKind: HostKind;
  port: number | undefined;
  /** URI parameters with lower-case names; null for a flag parameter (`;lr`). */
  params: Record<string, string | null>;
  /** `?name=value` headers (RFC 3261 section 19.1.1). */
  headers: Record<string, string[]>;
}

export interface UriProblem {
  code: ModelCode;
  message: string;
  expected: string;
}

export interface SipUriCheck {
  input: string;
  valid: boolean;
  uri: ParsedSipUri | undefined;
  errors: UriProblem[];
}

const grammar = lazy(() => (lazyRequire('sip.js/lib/grammar/grammar.js') as { Grammar: typeof GrammarNs }).Grammar);

// RFC 3261 section 25.1 character classes.
const UNRESERVED = "A-Za-z0-9\\-_.!~*'()";
const USER = new RegExp(`^(?:[${UNRESERVED}&=+$,;?/]|%[0-9A-Fa-f]{2})+$`);
const PASSWORD = new RegExp(`^(?:[${UNRESERVED}&=+$,]|%[0-9A-Fa-f]{2})*$`);
const PARAM = new RegExp(`^(?:[${UNRESERVED}\\[\\]/:&+$]|%[0-9A-Fa-f]{2})+$`);

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export const URI_EXPECTED = 'sip:[user@]host[:port][;param=value...] or sips:..., host a domain, IPv4 or [IPv6], port 1-65535';

export function checkSipUri(input: string): SipUriCheck {
  const result: SipUriCheck = { input, valid: false, uri: undefined, errors: [] };
  const fail = (code: ModelCode, message: string, expected = URI_EXPECTED): SipUriCheck => {
    result.errors.push({ code, message, expected });
    return result;
  };
  const text = input;
  if (/\s/.test(text)) return fail('MODEL_URI_SYNTAX', `"${text}" contains white space, which a SIP URI cannot hold`);
  const sch = SCHEME.exec(text);
  if (!sch) return fail('MODEL_URI_SCHEME', `"${text}" has no scheme`, 'a URI starting with sip: or sips:');
  const scheme = sch[1]!.toLowerCase();
  if (scheme !== 'sip' && scheme !== 'sips') {
    return fail('MODEL_URI_SCHEME', `"${text}" has the scheme ${scheme}:, not sip: or sips:`, 'a URI starting with sip: or sips:');
  }

  // Our own decomposition, for precise messages and the checks the grammar leaves loose.
  let rest = text.slice(sch[0].length);
  const q = rest.indexOf('?');
  const headerText = q >= 0 ? rest.slice(q + 1) : undefined;
  if (q >= 0) rest = rest.slice(0, q);
  const at = rest.lastIndexOf('@');
  const userinfo = at >= 0 ? rest.slice(0, at) : undefined;
  const afterUser = at >= 0 ? rest.slice(at + 1) : rest;
  const semi = afterUser.indexOf(';');
  const hostport = semi >= 0 ? afterUser.slice(0, semi) : afterUser;
  const paramText = semi >= 0 ? afterUser.slice(semi + 1) : undefined;

  let user: string | undefined;
  if (userinfo !== undefined) {
    const colon = userinfo.indexOf(':');
    user = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
    const password = colon >= 0 ? userinfo.slice(colon + 1) : '';
    if (user === '') return fail('MODEL_URI_SYNTAX', `"${text}" has an empty user part before "@"`, 'user@host, or host alone');
    if (!USER.test(user)) {
      const ch = [...user].find((c) => !USER.test(c) && c !== '%') ?? '%';
      return fail(
        'MODEL_URI_SYNTAX',
        `the user part "${user}" of "${text}" holds ${JSON.stringify(ch)}, which must be %-escaped in a SIP URI (RFC 3261 section 25.1, user)`,
        "a user part of letters, digits, -_.!~*'() &=+$,;?/ and %HH escapes",
      );
    }
    if (!PASSWORD.test(password)) return fail('MODEL_URI_SYNTAX', `the password part of "${text}" holds characters that must be %-escaped`);
  }

  let hostText = hostport;
  let portText: string | undefined;
  if (hostport.startsWith('[')) {
    const close = hostport.indexOf(']');
    if (close >= 0 && close < hostport.length - 1) {
      hostText = hostport.slice(0, close + 1);
      const tail = hostport.slice(close + 1);
      if (!tail.startsWith(':')) return fail('MODEL_URI_SYNTAX', `"${text}" has "${tail}" after the IPv6 address where ":port" or ";" belongs`);
      portText = tail.slice(1);
    }
  } else {
    const colon = hostport.lastIndexOf(':');
    if (colon >= 0 && !/^[0-9A-Fa-f:]+$/.test(hostport.slice(0, colon) + ':')) {
      hostText = hostport.slice(0, colon);
      portText = hostport.slice(colon + 1);
    } else if (colon >= 0 && hostport.indexOf(':') === colon) {
      hostText = hostport.slice(0, colon);
      portText = hostport.slice(colon + 1);
    }
  }
  if (hostText === '') return fail('MODEL_URI_HOST', `"${text}" has no host`, 'a domain name, an IPv4 address or a bracketed IPv6 address');
  const host = classifyHost(hostText);
  if ('error' in host) {
    return fail('MODEL_URI_HOST', `the host of "${text}" is not valid: ${host.error}`, 'a domain name (sip.example.com), an IPv4 address (192.0.2.1) or a bracketed IPv6 address ([2001:db8::1])');
  }
  let port: number | undefined;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      return fail('MODEL_URI_PORT', `the port "${portText}" of "${text}" is not a number from 1 to 65535`, 'a port from 1 to 65535, or none for the default (5060 for sip:, 5061 for sips:)');
    }
    port = Number(portText);
  }
  if (paramText !== undefined) {
    for (const p of paramText.split(';')) {
      const eq = p.indexOf('=');
      const name = eq >= 0 ? p.slice(0, eq) : p;
      const value = eq >= 0 ? p.slice(eq + 1) : undefined;
      if (!PARAM.test(name) || (value !== undefined && !PARAM.test(value))) {
        return fail('MODEL_URI_SYNTAX', `the parameter ";${p}" of "${text}" is not name or name=value of URI characters`, ';name or ;name=value, letters, digits and -_.!~*\'()[]/:&+$ or %HH escapes');
      }
    }
  }

  // The RFC 3261 grammar proper. sip.js returns undefined when the text does not match SIP_URI.
  const parsed = grammar().URIParse(text);
  if (!parsed) return fail('MODEL_URI_SYNTAX', `"${text}" does not match the RFC 3261 SIP-URI grammar`);

  const params: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(parsed.parameters)) {
    params[name.toLowerCase()] = value === null || value === undefined ? null : String(value);
  }
  const headers: Record<string, string[]> = {};
  if (headerText !== undefined) {
    for (const [name, values] of Object.entries(parsed.headers)) headers[name] = [...values];
  }
  result.valid = true;
  result.uri = { scheme, user, host: host.address, hostKind: host.kind, port, params, headers };
  return result;
}

/** The host as written in a URI: IPv6 addresses in brackets. */
export function uriHost(host: string, kind: HostKind): string {
  return kind === 'ipv6' ? `[${host}]` : host;
}
