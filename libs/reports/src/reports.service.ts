import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Refusals } from '@rilon/audit';
import { Actor, addOutboxEvent, newId, ProblemException, teamRole } from '@rilon/core';
import type { DataSource } from 'typeorm';
import type { CreateReportDto } from './dto/create-report.dto';
import type { DistributionDto } from './dto/distribution.dto';
import type { UpdateReportDto } from './dto/update-report.dto';
import { EnrolmentSeats } from './enrolments/enrolment-seats';
import { assertNonNominal } from './personal-data/personal-data-check';
import { isTeamTlp, type ReportType, type Tlp } from './report-codes';
import { plainBody, ReportInputService } from './report-input.service';
import { ReportTransitionsService } from './report-transitions.service';
import type { ReportRow } from './report.view';
import { ReportsRepository } from './reports.repository';
import { StatisticsLedger, type StatisticsBodyShape } from './statistics/statistics-ledger';

/** Creating reports and changing their content (drafts in place, published ones as versions). */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReportsRepository,
    private readonly input: ReportInputService,
    private readonly transitions: ReportTransitionsService,
    private readonly refusals: Refusals,
    private readonly ledger: StatisticsLedger,
    private readonly seats: EnrolmentSeats,
  ) {}

  /** A new draft, version 1, by an officer or lead of the authoring team. */
  async create(actor: Actor, dto: CreateReportDto): Promise<ReportRow> {
    const role = teamRole(actor, dto.teamId);
    if (role !== 'officer' && role !== 'lead') {
      throw await this.refusals.refuse(
        {
          actorId: actor.userId,
          action: 'report.create.denied',
          targetType: 'team',
          targetId: dto.teamId,
          outcome: 'denied',
          details: { type: dto.type, tlp: dto.tlp },
        },
        ProblemException.forbidden('Only officers and leads of the team author its reports'),
      );
    }
    const type = dto.type as ReportType;
    // The names the report refers to are checked before the write and outside any
    // transaction: teams, users and members are never deleted, so what exists now still
    // exists when the insert commits.
    const content = await this.input.content(this.dataSource.manager, type, dto.teamId, {
      title: dto.title,
      summary: dto.summary ?? '',
      tlp: dto.tlp as Tlp,
      distribution: dto.distribution,
      urgent: dto.urgent ?? false,
      sourceReliability: dto.sourceReliability ?? 'X',
      informationCredibility: dto.informationCredibility ?? '4',
      body: plainBody(dto.body),
    });
    const id = newId();
    // One statement writes the draft and its audit row: they commit together, atomically,
    // in a single round trip (docs/architecture.md, "The write path").
    return this.repository.insert(
      this.dataSource.manager,
      { id, type, teamId: dto.teamId, authorId: actor.userId, ...content },
      (first) =>
        this.transitions.transitionStatement(
          actor,
          'report.create',
          { id, type, tlp: content.tlp, version: 1 },
          { teamId: dto.teamId },
          first,
        ),
    );
  }

  /**
   * PATCH: a merge of the envelope; a given body replaces the body whole. A draft changes in
   * place; a published report gets a new version that recipients hear of.
   */
  update(actor: Actor, id: string, dto: UpdateReportDto): Promise<ReportRow> {
    return this.transitions.run(actor, id, 'update', async (manager, r) => {
      const body =
        dto.body !== undefined ? await this.input.validateBody(r.type, dto.body) : r.body;
      const tlp = (dto.tlp ?? r.tlp) as Tlp;
      const content = await this.input.content(manager, r.type, r.teamId, {
        title: dto.title ?? r.title,
        summary: dto.summary ?? r.summary,
        tlp,
        distribution: dto.distribution !== undefined ? dto.distribution : carried(r, tlp),
        urgent: dto.urgent ?? r.urgent,
        sourceReliability: dto.sourceReliability ?? r.sourceReliability,
        informationCredibility: dto.informationCredibility ?? r.informationCredibility,
        body,
      });
      const amend = r.status === 'published';
      if (amend) assertNonNominal({ type: r.type, ...content });
      if (amend && r.type === 'training_offer' && dto.body !== undefined)
        await this.seats.assertNotBelowAccepted(
          manager,
          id,
          (content.body as { seats: number }).seats,
        );
      await this.repository.updateContent(manager, id, content, amend);
      const version = amend ? r.version + 1 : r.version;
      if (amend) {
        await this.repository.insertVersion(manager, id, actor.userId);
        if (r.type === 'migration_statistics')
          await this.ledger.record(
            manager,
            { id, body: content.body as unknown as StatisticsBodyShape },
            actor,
          );
        await addOutboxEvent(manager, 'report.amended', {
          reportId: id,
          version,
          actorId: actor.userId,
        });
      }
      await this.transitions.recordTransition(
        manager,
        actor,
        'report.update',
        { id, type: r.type, tlp: content.tlp, version },
        { amended: amend },
      );
    });
  }
}

/**
 * The stored distribution, when the caller changes the TLP without sending one: kept where it
 * still applies (AMBER to AMBER+STRICT and back; RED to RED), dropped otherwise.
 */
function carried(r: ReportRow, tlp: Tlp): DistributionDto | null {
  if (isTeamTlp(tlp) && isTeamTlp(r.tlp)) return { teamIds: r.distributionTeamIds };
  if (tlp === 'RED' && r.tlp === 'RED') return { userIds: r.recipientUserIds };
  return null;
}
