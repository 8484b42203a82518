import { applyDecorators } from '@nestjs/common';
import { IsSingleLine, MEMBER_CODE } from '@rilon/core';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

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

/** A member code as the members table allows it (whether it exists is the service's question). */
export const IsMemberCode = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(16),
    Matches(MEMBER_CODE, { message: '$property must be 2-16 upper-case letters and digits' }),
  );
