import { Module } from '@nestjs/common';
import { AuditSealer } from './audit-sealer';

/** Worker side of the audit area: the sealer that extends the hash chain. */
@Module({ providers: [AuditSealer], exports: [AuditSealer] })
export class AuditWorkerModule {}
