/** PostgreSQL error fields, whether TypeORM wrapped the driver error or not. */
function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  } | null;
  return {
    code: e?.driverError?.code ?? e?.code,
    constraint: e?.driverError?.constraint ?? e?.constraint,
  };
}

/** A unique index refused the row: the database decides, so two racing requests cannot both win. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = pgError(error);
  return e.code === '23505' && e.constraint === constraint;
}

/** A foreign key refused the row (e.g. an unknown member code). */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const e = pgError(error);
  return e.code === '23503' && e.constraint === constraint;
}
