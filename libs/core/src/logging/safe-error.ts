/**
 * What of an error may reach a log line: its type, message, driver code, constraint and
 * stack. Never a failed query's `parameters` or text (e-mail addresses, hashes, report
 * content), nor PostgreSQL's `detail`/`where`, which quote the offending values. Takes the
 * error itself or pino's serialized copy of it (pino-http wraps custom serializers so).
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const e = error as {
    type?: unknown;
    name?: unknown;
    message?: unknown;
    code?: unknown;
    constraint?: unknown;
    stack?: unknown;
    driverError?: { code?: unknown; constraint?: unknown };
  };
  const type =
    typeof e.type === 'string'
      ? e.type
      : error instanceof Error
        ? error.constructor.name
        : typeof e.name === 'string'
          ? e.name
          : 'Object';
  const code = e.code ?? e.driverError?.code;
  const constraint = e.constraint ?? e.driverError?.constraint;
  return {
    type,
    message: typeof e.message === 'string' ? e.message : undefined,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
    ...(typeof e.stack === 'string' ? { stack: e.stack } : {}),
  };
}
