export * from './audit-event.entity';
export * from './audit-chain.entity';
export * from './audit.service';
export * from './audit.module';
export * from './database-role-check';
export * from './audit-hash';
export * from './audit-chain-planner';
export * from './audit-verifier.service';
export * from './audit-chain-checker';
export * from './checkpoint-signature';
export * from './audit-query.service';

import { AuditChainEntity } from './audit-chain.entity';
import { AuditEventEntity } from './audit-event.entity';
export const AUDIT_ENTITIES = [AuditEventEntity, AuditChainEntity];
