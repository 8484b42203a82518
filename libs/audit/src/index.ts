export * from './audit-event.entity';
export * from './audit-chain.entity';
export * from './audit.service';
export * from './audit.module';

import { AuditChainEntity } from './audit-chain.entity';
import { AuditEventEntity } from './audit-event.entity';
export const AUDIT_ENTITIES = [AuditEventEntity, AuditChainEntity];
