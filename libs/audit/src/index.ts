/**
 * @rilon/audit: the audit log (docs/domain.md, "The audit log"). It owns audit_events,
 * audit_chain, audit_checkpoints and audit_verifications: writing audit rows, with the
 * change they record or alone; the one way a refusal is audited (`Refusals`); the hash
 * chain the worker seals and signs at checkpoints; verification; the audit list; and the
 * start-up check of the database role (docs/architecture.md, "Database roles").
 */
/** audit_events and audit_chain rows as TypeORM entities. */
export * from './audit-event.entity';
export * from './audit-chain.entity';
/** Writing audit rows, and the typed union of the action names they carry. */
export * from './audit.service';
export * from './audit-action';
/** Refusals: the error a service throws, `Refusals` that audits it, the administrator check. */
export * from './refused.error';
export * from './refusals';
export * from './require-admin';
/** The Nest module of the audit services and repositories. */
export * from './audit.module';
/** The start-up check that the process is not the tables' owner (or a superuser). */
export * from './database-role-check';
/** The hash chain: canonical row text and hashes, sealing plans, verification, checkpoints. */
export * from './audit-hash';
export * from './audit-chain-planner';
export * from './audit-verifier';
export * from './audit-chain-checker';
export * from './checkpoint-signature';
/** The audit list (`GET /audit-events`), for administrators and auditors. */
export * from './audit-query.service';
/** The repositories: the audit tables' only SQL, and the read of the connected role. */
export * from './audit-events.repository';
export * from './audit-chain.repository';
export * from './audit-checkpoints.repository';
export * from './audit-verifications.repository';
export * from './database-role.repository';

import { AuditChainEntity } from './audit-chain.entity';
import { AuditEventEntity } from './audit-event.entity';
/** The audit entities, for the data source. */
export const AUDIT_ENTITIES = [AuditEventEntity, AuditChainEntity];
