import { UnrecoverableError } from 'bullmq';
import { isUuid } from '../util/ids';

/**
 * A job's data comes from Redis, where whoever can write it (or the queue dashboard) can
 * put anything: it is input, and each processor checks it against the shape of its job
 * before acting on it, instead of casting it.
 */

/** One field's rule: whether a value is one the processor can act on. */
export type FieldCheck = (value: unknown) => boolean;

/** The fields a job's data must have, a check or a nested shape each. Other fields are never read. */
export interface DataShape {
  readonly [field: string]: FieldCheck | DataShape;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The checks job shapes are written with. */
export const field = {
  uuid: isUuid as FieldCheck,
  /** A bigint row id as PostgreSQL writes it (an outbox id). */
  rowId: (value: unknown) => typeof value === 'string' && /^\d{1,18}$/.test(value),
  /** A non-negative integer (a version). */
  count: (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0,
  /** An ISO 8601 instant, as `Date.toISOString()` writes it. */
  instant: (value: unknown) =>
    typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)),
  /** A calendar day `YYYY-MM-DD`. */
  day: (value: unknown) => typeof value === 'string' && DAY.test(value),
  /** A short text (a name, a template). */
  text: (value: unknown) => typeof value === 'string' && value !== '' && value.length <= 1000,
  /** A plain object, whatever it holds (what the processor never reads itself). */
  object: (value: unknown) => isRecord(value),
  /** One of a closed list. */
  oneOf:
    (values: readonly string[]): FieldCheck =>
    (value) =>
      typeof value === 'string' && values.includes(value),
  /** Null, or what `check` accepts. */
  nullable:
    (check: FieldCheck): FieldCheck =>
    (value) =>
      value === null || check(value),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of `value` that do not fit `shape` (`payload.reportId`); empty when it fits. */
export function faultsOf(value: unknown, shape: DataShape, at = ''): string[] {
  if (!isRecord(value)) return [at || '(data)'];
  return Object.entries(shape).flatMap(([name, rule]) => {
    const path = at ? `${at}.${name}` : name;
    const child = Object.hasOwn(value, name) ? value[name] : undefined;
    if (typeof rule === 'function') return rule(child) ? [] : [path];
    return faultsOf(child, rule, path);
  });
}

/**
 * The job's data, once it fits `shape`. Otherwise the job fails for good
 * (UnrecoverableError: every retry would read the same data), naming the job and the
 * fields at fault, never their values.
 */
export function parseJobData<T>(
  job: { name: string; id?: string; data: unknown },
  shape: DataShape,
): T {
  const faults = faultsOf(job.data, shape);
  if (faults.length > 0)
    throw new UnrecoverableError(
      `malformed ${job.name} job${job.id ? ` ${job.id}` : ''}: ${faults.join(', ')}`,
    );
  return job.data as T;
}
