import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { safeError } from './safe-error';

/** Paths pino removes from every line: credentials never reach a log. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-rilon-signature"]',
  'res.headers["set-cookie"]',
  // Top-level keys only: bodies are never logged, and wildcard paths cost a scan of
  // every line (measured at about 5% of a signed-in request).
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
];

/** nestjs-pino options shared by both apps: JSON lines with the request id. */
export function loggerParams(config: AppConfig, app: 'api' | 'worker'): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      base: { app },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      genReqId: (req) => (req as { id?: string }).id ?? 'none',
      customProps: () => ({}),
      serializers: {
        // A failed query carries its parameters and text; a log line gets neither.
        err: safeError,
        req: (req: { id?: string; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url?.split('?')[0],
        }),
      },
      autoLogging: {
        ignore: (req) => ['/health/live', '/health/ready', '/metrics'].includes(req.url ?? ''),
      },
    },
  };
}
