import { Module } from '@nestjs/common';
import { AuditQueryService, AuditVerifier } from '@rilon/audit';
import { AuditController } from './audit.controller';

/** HTTP routes of the audit area. */
@Module({ controllers: [AuditController], providers: [AuditQueryService, AuditVerifier] })
export class AuditApiModule {}
