import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ProblemException } from '../errors/problem.exception';

/** `?limit=&cursor=` of every long list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url of a small JSON tuple. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The one answer to a cursor that does not decode, or decodes to values its list cannot
 * have issued (a 400 naming `cursor`); lists that check what a cursor holds throw it too.
 */
export function malformedCursor(): ProblemException {
  return ProblemException.badRequest('The cursor is malformed', [
    { field: 'cursor', message: 'is not a valid cursor' },
  ]);
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values as unknown[];
  } catch {
    // fall through to the problem below
  }
  throw malformedCursor();
}

/** Fetch limit+1 rows, then call this: it trims the page and makes the next cursor. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (last: T) => unknown[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
