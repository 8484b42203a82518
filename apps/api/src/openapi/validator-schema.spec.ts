import type { OpenAPIObject } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { IsSingleLine } from '@rilon/core';
import { declareEnforcedLimits } from './enforced-limits';
import { bothPatterns, enforcedSchema } from './validator-schema';

class LimitsSpecDto {
  @IsString()
  @MaxLength(12)
  @Matches(/^[a-z]+$/)
  name: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsUUID('all', { each: true })
  ids: string[];

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  count: number;

  @IsInt()
  @Min(0)
  @Max(2 ** 40)
  big: number;

  @IsString()
  @Matches(/\S/)
  @IsSingleLine()
  title: string;

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',') : value,
  )
  @IsArray()
  @ArrayMaxSize(5)
  list: string[];
}

class UnknownValidatorSpecDto {
  @ValidateBy({ name: 'isSomethingNew', validator: { validate: () => true } })
  value: string;
}

class DriftSpecDto {
  @IsString()
  @MaxLength(12)
  name: string;
}

function documentWith(schemas: NonNullable<OpenAPIObject['components']>['schemas']): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas },
  };
}

describe('enforcedSchema', () => {
  it('states the lengths and the pattern a string is checked against', () => {
    expect(enforcedSchema(LimitsSpecDto, 'name')).toEqual({
      schema: { type: 'string', maxLength: 12, pattern: '^[a-z]+$' },
      items: {},
    });
  });

  it('puts array sizes on the array and { each: true } checks on its items', () => {
    expect(enforcedSchema(LimitsSpecDto, 'ids')).toEqual({
      schema: { type: 'array', minItems: 1, maxItems: 3 },
      items: { format: 'uuid', minLength: 36, maxLength: 36 },
    });
  });

  it('gives an integer its bounds and the narrowest format they fit', () => {
    expect(enforcedSchema(LimitsSpecDto, 'count').schema).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 10,
      format: 'int32',
    });
    expect(enforcedSchema(LimitsSpecDto, 'big').schema.format).toBe('int64');
  });

  it('joins two patterns into one that holds both (non-blank and single-line)', () => {
    const pattern = new RegExp(enforcedSchema(LimitsSpecDto, 'title').schema.pattern!);
    expect(pattern.test('Bangkok team')).toBe(true);
    expect(pattern.test('   ')).toBe(false);
    expect(pattern.test('two\nlines')).toBe(false);
    expect(pattern.test('tab\there')).toBe(false);
    expect(new RegExp(bothPatterns('^a', 'b$')).test('axb')).toBe(true);
    expect(new RegExp(bothPatterns('^a', 'b$')).test('bxa')).toBe(false);
  });

  it('says nothing of a property rewritten before validation (its wire form differs)', () => {
    expect(enforcedSchema(LimitsSpecDto, 'list')).toEqual({ schema: {}, items: {} });
  });

  it('refuses a validator it cannot translate, naming it and the field', () => {
    expect(() => enforcedSchema(UnknownValidatorSpecDto, 'value')).toThrow(
      /UnknownValidatorSpecDto\.value: the validator "isSomethingNew" has no JSON Schema mapping/,
    );
  });
});

describe('declareEnforcedLimits', () => {
  it('writes the validators into the schema of the class of the same name', () => {
    const document = documentWith({
      LimitsSpecDto: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          ids: { type: 'array', items: { type: 'string' } },
          count: { type: 'number' },
          big: { type: 'number' },
          title: { type: 'string' },
          list: { type: 'array', items: { type: 'string' } },
        },
      },
    });
    declareEnforcedLimits(document, []);
    expect(document.components?.schemas?.LimitsSpecDto).toMatchObject({
      properties: {
        name: { type: 'string', maxLength: 12, pattern: '^[a-z]+$' },
        ids: { maxItems: 3, items: { type: 'string', format: 'uuid', maxLength: 36 } },
        count: { type: 'integer', format: 'int32', minimum: 1, maximum: 10 },
      },
    });
  });

  it('fails when a number stated in @ApiProperty disagrees with the validator', () => {
    expect(enforcedSchema(DriftSpecDto, 'name').schema.maxLength).toBe(12);
    const document = documentWith({
      DriftSpecDto: { type: 'object', properties: { name: { type: 'string', maxLength: 20 } } },
    });
    expect(() => declareEnforcedLimits(document, [])).toThrow(
      'DriftSpecDto.name: maxLength 20 vs validator 12',
    );
  });

  it('fails when a validated property is missing from the document', () => {
    const document = documentWith({ DriftSpecDto: { type: 'object', properties: {} } });
    expect(() => declareEnforcedLimits(document, [])).toThrow(
      'DriftSpecDto.name is validated but missing from the document',
    );
  });
});
