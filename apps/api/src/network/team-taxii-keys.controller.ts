import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@rilon/core';
import { Authenticated, CurrentActor } from '@rilon/identity';
import { MAX_ACTIVE_TAXII_KEYS, TaxiiKeysService } from '@rilon/network';
import { IdParam } from '../http/uuid-param.pipe';
import { CreateTaxiiKeyDto } from './dto/create-taxii-key.dto';
import { IssuedTaxiiKeyDto } from './dto/issued-taxii-key.dto';
import { TaxiiKeyListDto } from './dto/taxii-key-list.dto';

const REFUSED = 'Neither an administrator nor a lead of the team';
const USE =
  'A TAXII client sends HTTP Basic with the key id as user name and the secret as password, ' +
  'or `Authorization: Bearer <id>.<secret>`; the key reads the network collection and its ' +
  "own team's.";

/**
 * A team's TAXII keys (issue 9; docs/stix.md, "TAXII"): administrators and the team's leads
 * issue, list and revoke them. Others 403 (audited as `taxii_key.<action>.denied`), an
 * unknown team 404. Like every signed-in route, rate-limited per user.
 */
@ApiTags('network')
@ApiBearerAuth()
@Controller('teams/:id/taxii-keys')
export class TeamTaxiiKeysController {
  constructor(private readonly keys: TaxiiKeysService) {}

  @Get()
  @Authenticated('team-leads-and-admins')
  @ApiOperation({
    summary: "The team's TAXII keys",
    description:
      "The team's unrevoked keys, newest first, for administrators and its leads (403 " +
      'otherwise, audited as `taxii_key.list.denied`). Never a secret: only its hash is stored.',
  })
  @ApiOkResponse({ type: TaxiiKeyListDto })
  @ApiForbiddenResponse({ description: REFUSED })
  async list(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Team') teamId: string,
  ): Promise<TaxiiKeyListDto> {
    const keys = await this.keys.list(actor, teamId);
    return {
      items: keys.map((k) => ({
        id: k.id,
        label: k.label,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt ? k.lastUsedAt.toISOString() : null,
        createdBy: k.createdBy,
      })),
      nextCursor: null,
    };
  }

  @Post()
  @Authenticated('team-leads-and-admins')
  @ApiOperation({
    summary: 'Issue a TAXII key for the team',
    description:
      "For administrators and the team's leads (403 otherwise, audited as " +
      '`taxii_key.create.denied`); audited as `taxii_key.create` with the label, never the ' +
      `secret. The answer carries the secret this once. ${USE} A team holds at most ` +
      `${MAX_ACTIVE_TAXII_KEYS} unrevoked keys (409 beyond, with \`limit\`); an inactive team 409.`,
  })
  @ApiCreatedResponse({ type: IssuedTaxiiKeyDto })
  @ApiForbiddenResponse({ description: REFUSED })
  @ApiConflictResponse({
    description: `The team is inactive, or already holds ${MAX_ACTIVE_TAXII_KEYS} unrevoked keys`,
  })
  async issue(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Team') teamId: string,
    @Body() dto: CreateTaxiiKeyDto,
  ): Promise<IssuedTaxiiKeyDto> {
    const key = await this.keys.issue(actor, teamId, dto.label);
    return {
      id: key.id,
      secret: key.secret,
      label: key.label,
      createdAt: key.createdAt.toISOString(),
    };
  }

  @Delete(':keyId')
  @Authenticated('team-leads-and-admins')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke a TAXII key of the team',
    description:
      "For administrators and the team's leads (403 otherwise, audited as " +
      '`taxii_key.revoke.denied`); audited as `taxii_key.revoke`. The next request with the ' +
      'key is answered 401. An unknown key, or one revoked already, 404.',
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiForbiddenResponse({ description: REFUSED })
  @ApiNotFoundResponse({ description: 'No such team, or no unrevoked key of it with this id' })
  revoke(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Team') teamId: string,
    @IdParam('keyId', 'TAXII key') keyId: string,
  ): Promise<void> {
    return this.keys.revoke(actor, teamId, keyId);
  }
}
