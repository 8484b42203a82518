import type { Actor, TeamRole } from '@rilon/core';
import { newId, ProblemException } from '@rilon/core';
import { StatisticsLedger } from '@rilon/reports';
import type { TestTeam, TestUser } from '../../support/factories';
import type { TestApi } from '../../support/harness';

export interface Observation {
  indicator: string;
  nationality: string;
  borderType: string;
  count: number;
}

export interface StatisticsBody {
  reportingCountry: string;
  period: string;
  observations: Observation[];
}

export interface Handling {
  tlp?: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';
  /** AMBER: further teams (the authoring team is always added); RED: named users. */
  teamIds?: string[];
  userIds?: string[];
}

export interface Outcome {
  status: number;
  body: any;
}

export function obs(
  indicator: string,
  nationality: string,
  borderType: string,
  count: number,
): Observation {
  return { indicator, nationality, borderType, count };
}

export function trainingOfferBody(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const inDays = (days: number) =>
    new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    topic: 'document_examination',
    provider: 'AUS',
    deliveryMode: 'online',
    startDate: inDays(30),
    endDate: inDays(34),
    applicationDeadline: inDays(10),
    seats: 5,
    languages: ['en'],
    eligibility: 'Front-line officers of network teams',
    ...overrides,
  };
}

/**
 * Drives the report lifecycle for the statistics and enrolment tests. Until the reports
 * HTTP API exists it writes report rows directly and calls the ledger the way the
 * lifecycle does (inside one transaction), answering HTTP-like outcomes.
 */
export class ReportDriver {
  constructor(private readonly api: TestApi) {}

  private get ledger(): StatisticsLedger {
    return this.api.app.get(StatisticsLedger, { strict: false });
  }

  async create(
    author: TestUser,
    team: TestTeam,
    type: 'migration_statistics' | 'training_offer',
    body: object,
    handling: Handling = {},
  ): Promise<string> {
    const id = newId();
    const tlp = handling.tlp ?? 'GREEN';
    const teamIds = tlp.startsWith('AMBER') ? [team.id, ...(handling.teamIds ?? [])] : [];
    await this.api.db.query(
      `INSERT INTO reports (id, type, team_id, author_id, title, tlp, distribution_team_ids,
         recipient_user_ids, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::uuid[], $9)`,
      [id, type, team.id, author.id, `${type} test`, tlp, teamIds, handling.userIds ?? [], body],
    );
    return id;
  }

  async publish(reportId: string, lead: TestUser): Promise<Outcome> {
    return this.lifecycle(lead, async (manager, actor) => {
      // TypeORM answers an UPDATE … RETURNING as [rows, count].
      const [rows]: [Array<{ type: string; body: StatisticsBody }>] = await manager.query(
        `UPDATE reports SET status = 'published', published_at = now() WHERE id = $1 RETURNING type, body`,
        [reportId],
      );
      if (rows[0].type === 'migration_statistics')
        await this.ledger.record(manager, { id: reportId, body: rows[0].body }, actor);
    });
  }

  async amend(reportId: string, lead: TestUser, body: object): Promise<Outcome> {
    return this.lifecycle(lead, async (manager, actor) => {
      const [rows]: [Array<{ type: string }>] = await manager.query(
        `UPDATE reports SET body = $2, version = version + 1 WHERE id = $1 RETURNING type`,
        [reportId, body],
      );
      if (rows[0].type === 'migration_statistics')
        await this.ledger.record(manager, { id: reportId, body: body as StatisticsBody }, actor);
    });
  }

  async withdraw(reportId: string, lead: TestUser): Promise<Outcome> {
    return this.lifecycle(lead, async (manager) => {
      await manager.query(`UPDATE reports SET status = 'withdrawn' WHERE id = $1`, [reportId]);
      await this.ledger.release(manager, reportId);
    });
  }

  private async lifecycle(
    user: TestUser,
    work: (manager: any, actor: Actor) => Promise<void>,
  ): Promise<Outcome> {
    const actor = await this.actorOf(user);
    try {
      await this.api.db.transaction('READ COMMITTED', (manager) => work(manager, actor));
      return { status: 200, body: {} };
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      const { status, detail, extensions } = error.problem;
      return { status, body: { status, detail, ...(extensions ?? {}) } };
    }
  }

  private async actorOf(user: TestUser): Promise<Actor> {
    const teams: Array<{ team_id: string; role: TeamRole }> = await this.api.db.query(
      'SELECT team_id, role FROM team_memberships WHERE user_id = $1',
      [user.id],
    );
    return {
      userId: user.id,
      sessionId: newId(),
      email: user.email,
      displayName: user.displayName,
      memberCode: user.memberCode,
      globalRole: user.globalRole,
      teams: teams.map((t) => ({ teamId: t.team_id, role: t.role })),
    };
  }

  /** Creates and publishes in one go; fails the test unless publication succeeded. */
  async published(
    author: TestUser,
    team: TestTeam,
    type: 'migration_statistics' | 'training_offer',
    body: object,
    handling: Handling = {},
  ): Promise<string> {
    const id = await this.create(author, team, type, body, handling);
    const outcome = await this.publish(id, author);
    if (outcome.status !== 200)
      throw new Error(
        `publishing ${type} failed: ${outcome.status} ${JSON.stringify(outcome.body)}`,
      );
    return id;
  }
}
