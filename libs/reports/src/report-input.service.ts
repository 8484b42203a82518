import { Injectable } from '@nestjs/common';
import { FieldError, ProblemException, validationProblem } from '@rilon/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { BODY_CLASSES } from './bodies/report-bodies';
import type { DistributionDto } from './dto/distribution.dto';
import { isTeamTlp, type ReportType, type Tlp } from './report-codes';
import { countriesOf } from './report-countries';
import { ReportContent, ReportsRepository } from './reports.repository';

export interface EnvelopeInput {
  title: string;
  summary: string;
  tlp: Tlp;
  distribution: DistributionDto | null | undefined;
  urgent: boolean;
  sourceReliability: string;
  informationCredibility: string;
  body: Record<string, unknown>;
}

/** Turns a validated envelope into stored content: distribution rules, references, countries. */
@Injectable()
export class ReportInputService {
  constructor(private readonly repository: ReportsRepository) {}

  /** The distribution rules of "Handling" that need only the request (400 on a breach). */
  resolveDistribution(
    tlp: Tlp,
    distribution: DistributionDto | null | undefined,
    teamId: string,
  ): { distributionTeamIds: string[]; recipientUserIds: string[] } {
    const errors: FieldError[] = [];
    let teamIds: string[] = [];
    let userIds: string[] = [];
    if (tlp === 'CLEAR' || tlp === 'GREEN') {
      if (distribution)
        errors.push({ field: 'distribution', message: `a ${tlp} report has no distribution list` });
    } else if (isTeamTlp(tlp)) {
      if (distribution?.userIds)
        errors.push({
          field: 'distribution.userIds',
          message: `a ${tlp} report goes to teams, not users`,
        });
      teamIds = [teamId, ...(distribution?.teamIds ?? []).filter((t) => t !== teamId)];
    } else {
      if (distribution?.teamIds)
        errors.push({
          field: 'distribution.teamIds',
          message: 'a RED report goes to named users, not teams',
        });
      userIds = distribution?.userIds ?? [];
      if (userIds.length === 0)
        errors.push({
          field: 'distribution.userIds',
          message: 'a RED report needs 1 or more named recipients',
        });
    }
    if (errors.length) throw ProblemException.badRequest('The distribution is invalid', errors);
    return { distributionTeamIds: teamIds, recipientUserIds: userIds };
  }

  /** Builds the stored content and checks that what it names exists (400 naming the field). */
  async content(
    manager: EntityManager,
    type: ReportType,
    teamId: string,
    input: EnvelopeInput,
  ): Promise<ReportContent> {
    const lists = this.resolveDistribution(input.tlp, input.distribution, teamId);
    const errors: FieldError[] = [];
    const missingTeams = await this.repository.missingTeams(manager, lists.distributionTeamIds);
    if (missingTeams.length)
      errors.push({ field: 'distribution.teamIds', message: `unknown team ${missingTeams[0]}` });
    const missingUsers = await this.repository.missingUsers(manager, lists.recipientUserIds);
    if (missingUsers.length)
      errors.push({ field: 'distribution.userIds', message: `unknown user ${missingUsers[0]}` });
    const provider = input.body.provider;
    if (type === 'training_offer' && typeof provider === 'string')
      if (!(await this.repository.memberExists(manager, provider)))
        errors.push({ field: 'body.provider', message: `provider ${provider} is not a member` });
    if (errors.length) throw ProblemException.badRequest('The report names unknown things', errors);
    return {
      title: input.title,
      summary: input.summary,
      tlp: input.tlp,
      ...lists,
      urgent: input.urgent,
      sourceReliability: input.sourceReliability,
      informationCredibility: input.informationCredibility,
      body: input.body,
      countries: countriesOf(input.body),
    };
  }

  /**
   * Validates a PATCH body against the stored report's type, with the same classes as POST
   * (the pipe cannot, as PATCH carries no `type`). Returns the plain, checked body.
   */
  async validateBody(
    type: ReportType,
    body: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const instance = plainToInstance(BODY_CLASSES[type], body);
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
    });
    if (errors.length) {
      const problem = validationProblem(errors);
      const fields = (problem.problem.errors ?? []).map((e) => ({
        ...e,
        field: `body.${e.field}`,
      }));
      throw ProblemException.badRequest(problem.problem.detail ?? 'Invalid body', fields);
    }
    return plainBody(instance);
  }
}

/** A validated body as plain JSON (class instances dropped, undefined members removed). */
export function plainBody(body: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(body ?? {})) as Record<string, unknown>;
}
