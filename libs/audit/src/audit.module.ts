import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { DatabaseRoleCheck } from './database-role-check';

@Global()
@Module({ providers: [AuditService, DatabaseRoleCheck], exports: [AuditService] })
export class AuditModule {}
