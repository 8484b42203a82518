import { Controller, Get, Inject, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditQueryService, AuditVerifier } from '@rilon/audit';
import { Actor, APP_CONFIG, AppConfig } from '@rilon/core';
import { CurrentActor, RequireRoles } from '@rilon/identity';
import { AuditEventPageDto } from './audit-event-page.dto';
import { AuditEventsQueryDto } from './audit-events-query.dto';
import { AuditKeysDto } from './audit-keys.dto';
import { AuditVerifyDto } from './audit-verify.dto';
import { AuditVerifyQueryDto } from './audit-verify-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
@RequireRoles('admin', 'auditor')
export class AuditController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly verifier: AuditVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@Query() filter: AuditEventsQueryDto): Promise<AuditEventPageDto> {
    return this.query.list(filter);
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Verify the hash chain and its signed checkpoints',
    description:
      'Checks that every sealed entry links to the one before, that every row still hashes to what was sealed, and ' +
      'that every signed checkpoint verifies with a key of GET /audit-events/keys and names the hash the chain holds ' +
      'there. By default the run starts after the latest checkpoint an earlier run found intact (checked again); ' +
      '`full=true` starts at the first event. Every break is listed, up to 100. Rows are sealed a few seconds after ' +
      'they commit: the answer covers the log through verifiedThrough. One run at a time: 409 while another runs.',
  })
  @ApiOkResponse({ type: AuditVerifyDto })
  @ApiConflictResponse({ description: 'Another verification is running (Retry-After)' })
  verify(
    @Query() query: AuditVerifyQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<AuditVerifyDto> {
    return this.verifier.verify({ full: query.full === 'true', actorId: actor.userId });
  }

  @Get('keys')
  @ApiOperation({
    summary: 'The public keys audit checkpoints are signed with',
    description:
      'Ed25519 public keys (SPKI PEM) by key id, the current signing key and any earlier ones kept to verify old ' +
      'checkpoints, so that an auditor can check a checkpoint (GET /audit-events/verify) with tools of their own.',
  })
  @ApiOkResponse({ type: AuditKeysDto })
  keys(): AuditKeysDto {
    const { publicKeys, keyId } = this.config.auditSigning;
    return {
      keys: [...publicKeys].map(([id, key]) => ({
        keyId: id,
        algorithm: 'Ed25519' as const,
        publicKey: key.export({ type: 'spki', format: 'pem' }).toString(),
        current: id === keyId,
      })),
    };
  }
}
