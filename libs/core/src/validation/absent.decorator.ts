import { ValidateIf } from 'class-validator';

/**
 * Optional, but never null: class-validator's @IsOptional lets `null` through, which a
 * PATCH would then read as "leave unchanged" or write as NULL (or, for a report's `body`,
 * hand to the body validator, which then fails with a 500). Absent skips the checks;
 * null is checked, and fails them with a 400 naming the field.
 */
export const Absent = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** Optional and nullable: absent or null skip the checks (null clears the field). */
export const AbsentOrNull = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined && value !== null);
