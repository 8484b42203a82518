/**
 * Actions whose refusal is audited as `<action>.denied` (outcome denied): by the access
 * guard (@DeniedAs), by {@link requireAdmin} and by the services' per-object rules.
 */
export type DeniableAction =
  | 'member.create'
  | 'capital.create'
  | 'team.create'
  | 'team.update'
  | 'user.create'
  | 'user.list'
  | 'user.read'
  | 'user.update'
  | 'membership.list'
  | 'membership.set'
  | 'membership.remove'
  | 'invitation.create'
  | 'invitation.list'
  | 'webhook.read'
  | 'webhook.set'
  | 'webhook.delete'
  | 'taxii_key.list'
  | 'taxii_key.create'
  | 'taxii_key.revoke'
  | 'report.create'
  | 'report.update'
  | 'report.submit'
  | 'report.return'
  | 'report.publish'
  | 'report.withdraw'
  | 'report.export'
  | 'enrolment.create'
  | 'enrolment.decide'
  | 'queues.view'
  | 'queues.manage';

/**
 * Every action the audit log records, so a misspelt one fails the typecheck rather than
 * filling the log with a name nobody filters on. A change is recorded under its action
 * with outcome success; a refusal under `<action>.denied`, or under the action itself
 * with outcome denied or failure where the log has always kept it so (a sign-in, a
 * refresh, a password change, an invitation, each with a `reason`).
 */
export type AuditAction =
  | 'auth.login'
  | 'auth.refresh'
  | 'auth.token_reuse'
  | 'auth.logout'
  | 'user.create'
  | 'user.update'
  | 'user.password_change'
  | 'member.create'
  | 'capital.create'
  | 'team.create'
  | 'team.update'
  | 'membership.set'
  | 'membership.remove'
  | 'invitation.create'
  | 'invitation.accept'
  | 'subscription.set'
  | 'webhook.set'
  | 'webhook.delete'
  | 'report.create'
  | 'report.update'
  | 'report.submit'
  | 'report.return'
  | 'report.publish'
  | 'report.withdraw'
  | 'report.read'
  /** A report given out as STIX (GET /reports/:id/stix, GET /reports/stix). */
  | 'report.export'
  /** A team's TAXII key issued (the secret is never recorded) or revoked. */
  | 'taxii_key.create'
  | 'taxii_key.revoke'
  /** A page of a TAXII collection served to a team's key: the reports on it, as an export. */
  | 'taxii.export'
  | 'enrolment.create'
  | 'enrolment.decide'
  /** A @RequireRoles route refused without a @DeniedAs naming what was tried. */
  | 'access.denied'
  | `${DeniableAction}.denied`;
