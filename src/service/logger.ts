/**
 * Structured JSON logs (pino). Anything that could hold a credential is redacted by path, and
 * the request serializer logs method, route and client address only (never headers or bodies),
 * so the Authorization header, API secrets and tokens cannot reach a log line.
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'secret',
  'password',
  'token',
  'privateKey',
  '*.secret',
  '*.password',
  '*.token',
  '*.privateKey',
  '*.authorization',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'siptrunk' },
      redact: { paths: REDACT_PATHS, censor: '<redacted>' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string; routeOptions?: { url?: string } }) => ({
          method: req.method,
          // The path only: a query string could carry a target and is kept, but never a credential
          // (credentials travel in headers and bodies).
          url: req.url,
          ip: req.ip,
        }),
      },
    },
    destination,
  );
}
