/**
 * Thrown by a service (possibly inside a transaction) when the caller may not act;
 * `Denials.guard` turns it into an audited 403 once the transaction has rolled back,
 * so the refusal is recorded without holding a second pooled connection.
 */
export class AccessDeniedError extends Error {
  constructor(
    readonly action: string,
    readonly targetType: string,
    readonly targetId: string | null,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
