/** The SQLSTATE of a PostgreSQL error, raw from pg or wrapped in TypeORM's QueryFailedError. */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** 40P01: PostgreSQL broke a deadlock by failing this transaction; a fresh run may pass. */
export function isDeadlock(error: unknown): boolean {
  return pgCode(error) === '40P01';
}

/**
 * The transaction lost a race for rows or locks, not a rule: a deadlock (40P01), a lock
 * wait beyond `lock_timeout` or a NOWAIT (55P03), a serialization failure (40001). The
 * client may try again shortly: 503 with Retry-After, never a 500.
 */
export function isLockContention(error: unknown): boolean {
  const code = pgCode(error);
  return code === '40P01' || code === '55P03' || code === '40001';
}

/** The constraint a PostgreSQL error names, raw from pg or wrapped in TypeORM's QueryFailedError. */
function pgConstraint(error: unknown): string | undefined {
  const e = error as
    { constraint?: unknown; driverError?: { constraint?: unknown } } | null | undefined;
  const constraint = e?.constraint ?? e?.driverError?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/** A unique index refused the row: the database decides, so two racing requests cannot both win. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return pgCode(error) === '23505' && pgConstraint(error) === constraint;
}

/** A foreign key refused the row (e.g. an unknown member code). */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  return pgCode(error) === '23503' && pgConstraint(error) === constraint;
}
