/** What a member is, shared by the member DTOs. */
export const KINDS = ['state', 'organisation'] as const;
