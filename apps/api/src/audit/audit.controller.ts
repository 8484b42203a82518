import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditQueryService, AuditVerifier } from '@rilon/audit';
import { RequireRoles } from '@rilon/identity';
import { AuditEventPageDto } from './audit-event-page.dto';
import { AuditEventsQueryDto } from './audit-events-query.dto';
import { AuditVerifyDto } from './audit-verify.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
@RequireRoles('admin', 'auditor')
export class AuditController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly verifier: AuditVerifier,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@Query() filter: AuditEventsQueryDto): Promise<AuditEventPageDto> {
    return this.query.list(filter);
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Recompute the hash chain over the sealed log',
    description:
      'Rows are sealed a few seconds after they commit; the answer covers the log through verifiedThrough.',
  })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(): Promise<AuditVerifyDto> {
    return this.verifier.verify();
  }
}
