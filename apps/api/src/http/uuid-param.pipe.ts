import { Injectable, Param, PipeTransform } from '@nestjs/common';
import { isUuid, ProblemException } from '@rilon/core';

/**
 * What the document says of every id in a path (written by declareEnforcedLimits next to
 * the UUID format): a malformed id gets the answer an unknown one gets.
 */
export const MALFORMED_ID_DESCRIPTION =
  'A UUID. A malformed id is answered 404, as an id that does not exist or that the ' +
  'caller may not read.';

/**
 * Path ids must be UUIDs, checked before any query sees them. A malformed id is answered
 * as an id the caller may not read, with the route's own 404 (`Report not found`): a 400
 * here would set malformed ids apart from the rest, and the same id would be answered
 * differently by different routes.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  /** @param what the object the id names, as the route's own 404 names it (`Report`). */
  constructor(readonly what: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw ProblemException.notFound(this.what);
    return value;
  }
}

/** A UUID path parameter: `@IdParam('id', 'Report') id: string`. */
export const IdParam = (name: string, what: string): ParameterDecorator =>
  Param(name, new UuidParamPipe(what));
