import { Injectable, PipeTransform } from '@nestjs/common';
import { isUuid, ProblemException } from '@rilon/core';

/** Path ids must be UUIDs: a 400 naming the parameter, before any query sees them. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: { data?: string }): string {
    if (!isUuid(value))
      throw ProblemException.badRequest('A path parameter is malformed', [
        { field: metadata.data ?? 'id', message: 'must be a UUID' },
      ]);
    return value;
  }
}
