import { ProblemException } from '@rilon/core';

/** A member code outside the members list is a 400 on the field, like any code outside its list. */
export function unknownMember(): ProblemException {
  return ProblemException.badRequest('The member does not exist', [
    { field: 'memberCode', message: 'is not a member code' },
  ]);
}
