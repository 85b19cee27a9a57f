/**
 * Builders for the requests the user agent sends (RFC 3261 8.1.1: Request-URI, To, From,
 * CSeq, Call-ID, Max-Forwards, Via — Via is added by the transaction layer).
 */
import { SipMessage } from '../message.js';
import type { Flow } from '../transport/transport.js';
import type { AuthHeader } from './authenticated-request.js';

/** The fields a dialog (or a dialog-less request with retries) keeps (RFC 3261 12.1.2). */
export interface DialogIds {
  callId: string;
  fromHeader: string;
  /** To as sent; once the dialog exists, with the remote tag. */
  toHeader: string;
}

export interface BuildOptions {
  userAgent: string;
  auth?: AuthHeader[];
  routes?: string[];
  contact?: string;
  extra?: readonly (readonly [string, string])[];
}

export function buildRequest(method: string, uri: string, ids: DialogIds, cseq: number, o: BuildOptions, body?: { type: string; content: string }): SipMessage {
  const h: [string, string][] = [];
  for (const r of o.routes ?? []) h.push(['Route', r]);
  h.push(
    ['Max-Forwards', '70'],
    ['From', ids.fromHeader],
    ['To', ids.toHeader],
    ['Call-ID', ids.callId],
    ['CSeq', `${cseq} ${method}`],
  );
  if (o.contact) h.push(['Contact', o.contact]);
  for (const a of o.auth ?? []) h.push([a.header, a.value]);
  h.push(['User-Agent', o.userAgent]);
  for (const e of o.extra ?? []) h.push([e[0], e[1]]);
  if (body) h.push(['Content-Type', body.type]);
  return SipMessage.request(method, uri, h, body?.content);
}

/** `<sip:user@host:port;transport=x>` for the flow's local end (RFC 3261 8.1.1.8). */
export function contactFor(flow: Flow, user: string): string {
  const host = flow.local.address.includes(':') ? `[${flow.local.address}]` : flow.local.address;
  const tp = flow.transport === 'udp' ? '' : `;transport=${flow.transport}`;
  return `<sip:${user}@${host}:${flow.local.port}${tp}>`;
}

/** A response to a request from the peer (RFC 3261 8.2.6): Via, From, To (+tag), Call-ID, CSeq copied. */
export function buildResponse(req: SipMessage, status: number, reason: string, toTag: string, userAgent: string): SipMessage {
  const h: [string, string][] = [];
  for (const v of req.getAll('Via')) h.push(['Via', v]);
  const to = req.get('To') ?? '';
  h.push(['From', req.get('From') ?? ''], ['To', /;\s*tag=/i.test(to) ? to : `${to};tag=${toTag}`], ['Call-ID', req.get('Call-ID') ?? ''], ['CSeq', req.get('CSeq') ?? ''], ['Server', userAgent]);
  return SipMessage.response(status, reason, h);
}
