import { Global, Module } from '@nestjs/common';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditVerificationsRepository } from './audit-verifications.repository';
import { AuditService } from './audit.service';
import { DatabaseRoleCheck } from './database-role-check';
import { DatabaseRoleRepository } from './database-role.repository';
import { Refusals } from './refusals';

/** The audit tables' repositories, one owner each, for the services here and the worker's sealer. */
const REPOSITORIES = [
  AuditEventsRepository,
  AuditChainRepository,
  AuditCheckpointsRepository,
  AuditVerificationsRepository,
];

@Global()
@Module({
  providers: [AuditService, Refusals, DatabaseRoleCheck, DatabaseRoleRepository, ...REPOSITORIES],
  exports: [AuditService, Refusals, ...REPOSITORIES],
})
export class AuditModule {}
