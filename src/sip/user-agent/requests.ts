/**
 * Builders for the requests the user agent sends (RFC 3261 8.1.1: Request-URI, To, From,
 * CSeq, Call-ID, Max-Forwards, Via — Via is added by the transaction layer).
 */
import { SipMessage, checkStartLine, checkedHeaderValue } from '../message.js';
import { OutgoingRequest } from '../outgoing-request.js';
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
  extra?: [string, string][];
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
  for (const e of o.extra ?? []) h.push(e);
  if (body) h.push(['Content-Type', body.type]);
  return SipMessage.request(method, uri, h, body?.content);
}

/**
 * The requests of one OPTIONS exchange (RFC 3261 11, the health check) written straight to wire
 * text: the rows of buildRequest('OPTIONS', uri, ids, cseq, { userAgent, auth, extra:
 * [['Accept', 'application/sdp']] }), in the same order, for the transaction layer to send
 * with its Via. What every request of the exchange shares is checked once, here, as
 * SipMessage.request() checks it (SipParseError naming the header); the credentials of a
 * retry are checked as they come. See outgoing-request.ts for why.
 */
export function optionsRequestWriter(uri: string, ids: DialogIds, userAgent: string): (cseq: number, auth: AuthHeader[]) => OutgoingRequest {
  checkStartLine(true, 'OPTIONS', uri, 0, '');
  const shared = `Max-Forwards: 70\r\nFrom: ${checkedHeaderValue('From', ids.fromHeader)}\r\nTo: ${checkedHeaderValue('To', ids.toHeader)}\r\nCall-ID: ${checkedHeaderValue('Call-ID', ids.callId)}\r\n`;
  const tail = `User-Agent: ${checkedHeaderValue('User-Agent', userAgent)}\r\nAccept: application/sdp\r\n`;
  return (cseq, auth) => {
    let rows = `${shared}CSeq: ${cseq} OPTIONS\r\n`;
    for (const a of auth) rows += `${a.header}: ${checkedHeaderValue(a.header, a.value)}\r\n`;
    return new OutgoingRequest('OPTIONS', uri, rows + tail);
  };
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
