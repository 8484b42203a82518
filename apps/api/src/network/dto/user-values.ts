/** The values a user's `globalRole` and `status` take, shared by the user DTOs. */
export const GLOBAL_ROLES = ['admin', 'auditor'] as const;
export const STATUSES = ['active', 'suspended'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
export type Status = (typeof STATUSES)[number];
