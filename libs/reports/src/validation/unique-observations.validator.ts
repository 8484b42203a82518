import { ValidationOptions, registerDecorator } from 'class-validator';

interface ObservationKey {
  indicator?: unknown;
  nationality?: unknown;
  borderType?: unknown;
}

/** Index of the first row that repeats an earlier (indicator, nationality, borderType), or -1. */
export function firstDuplicateObservation(rows: unknown): number {
  if (!Array.isArray(rows)) return -1;
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (row === null || typeof row !== 'object') continue;
    const o = row as ObservationKey;
    const key = JSON.stringify([o.indicator, o.nationality, o.borderType]);
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}

/** No two observations share (indicator, nationality, borderType). */
export function UniqueObservations(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'uniqueObservations',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => firstDuplicateObservation(value) < 0,
        defaultMessage: (args) =>
          `observations row ${firstDuplicateObservation(args?.value)} repeats an earlier (indicator, nationality, borderType)`,
      },
    });
}
