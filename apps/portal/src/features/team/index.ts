/**
 * A lead's team: members, invitations, webhook. The members manager and the
 * confirmation dialog also serve the administrators' screens.
 */
export { TeamPage } from './TeamPage';
export { TeamMembersManager } from './TeamMembersManager';
export { ConfirmDialog } from './ConfirmDialog';
export { formRefusal, type FieldErrors, type FormRefusal } from './refusal';
