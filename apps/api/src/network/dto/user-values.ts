import { GLOBAL_ROLES, type GlobalRole } from '@rilon/core';
import { USER_STATUSES, type UserStatus } from '@rilon/identity';

/** The values a user's `globalRole` and `status` take, as the user DTOs name them. */
export { GLOBAL_ROLES, type GlobalRole };
export const STATUSES = USER_STATUSES;
export type Status = UserStatus;
