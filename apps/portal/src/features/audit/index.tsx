/** The audit log (administrators and auditors). */
export { AuditPage } from './AuditPage';
