import { ValidateIf } from 'class-validator';

/**
 * Optional, but never null: @IsOptional lets `null` through, which PATCH would read as
 * "unchanged" (or, for `body`, hand to the body validator, which then fails with a 500).
 * Absent skips the checks; null is checked, and fails them with a 400 naming the field.
 */
export const Absent = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
