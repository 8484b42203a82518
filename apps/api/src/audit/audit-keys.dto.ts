import { ApiProperty } from '@nestjs/swagger';
import { AuditKeyDto } from './audit-key.dto';

export class AuditKeysDto {
  @ApiProperty({ type: [AuditKeyDto] }) keys: AuditKeyDto[];
}
