import { applyDecorators } from '@nestjs/common';
import { IsSingleLine } from '@rilon/core';
import { IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

/**
 * Optional, but never null: class-validator's @IsOptional lets `null` through, which a
 * PATCH would then read as "leave unchanged" or write as NULL. Absent skips the checks;
 * null is checked (and fails them).
 */
export const Absent = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** Optional and nullable: absent or null skip the checks (null clears the field). */
export const AbsentOrNull = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined && value !== null);

/** A bounded, non-blank text. */
export const BoundedText = (max: number, min = 1): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MinLength(min),
    MaxLength(max),
    ...(min > 0 ? [Matches(/\S/, { message: '$property must not be blank' })] : []),
  );

/** A bounded, non-blank name: one line, no control characters (see IsSingleLine). */
export const SingleLineText = (max: number): PropertyDecorator =>
  applyDecorators(BoundedText(max), IsSingleLine());

export const MEMBER_CODE = /^[A-Z][A-Z0-9]{1,15}$/;

/** A member code as the members table allows it (whether it exists is the service's question). */
export const IsMemberCode = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(16),
    Matches(MEMBER_CODE, { message: '$property must be 2-16 upper-case letters and digits' }),
  );
