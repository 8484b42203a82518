import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/**
 * An optional list of short free texts (indicators, countermeasures, compromised
 * features): at most `maxItems` entries of 1 to `maxLength` characters each.
 */
export function OptionalTextList(
  maxItems: number,
  maxLength: number,
  docs: { description: string; example?: string[] },
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      maxItems,
      example: docs.example,
      description: `${docs.description}, each at most ${maxLength} characters`,
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(maxLength, { each: true }),
  );
}
