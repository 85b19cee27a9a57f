import type { SipMessage } from './message.js';

/**
 * Wire format of a message (RFC 3261 7): start line, header rows in order with canonical names,
 * CRLF line ends, an empty line, then the body. Content-Length is always written from the body's
 * byte length (RFC 3261 20.14: required on streams, and a wrong one breaks framing), in place of
 * any Content-Length row the message had, or at the end of the headers. The start line is checked
 * again when it changed since it was built (its fields are public and mutable): SipParseError
 * if it would not be one line.
 */
export function serialize(msg: SipMessage): Buffer {
  msg.assertStartLine();
  const bodyLength = msg.body.length;
  let head = msg.isRequest ? `${msg.method} ${msg.uri} ${msg.version}\r\n` : `${msg.version} ${msg.status} ${msg.reason}\r\n`;
  let wroteLength = false;
  const rows = msg.rowCount;
  for (let i = 0; i < rows; i++) {
    const name = msg.rowName(i);
    if (name !== 'Content-Length') head += `${name}: ${msg.rowValue(i)}\r\n`;
    else if (!wroteLength) {
      head += `Content-Length: ${bodyLength}\r\n`;
      wroteLength = true;
    }
  }
  if (!wroteLength) head += `Content-Length: ${bodyLength}\r\n`;
  head += '\r\n';
  if (msg.body.length === 0) return Buffer.from(head, 'utf8');
  const h = Buffer.from(head, 'utf8');
  return Buffer.concat([h, msg.body], h.length + msg.body.length);
}
