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

/** Drives the report lifecycle over the HTTP API, as the statistics and enrolment tests need it. */
export class ReportDriver {
  constructor(private readonly api: TestApi) {}

  async create(
    author: TestUser,
    team: TestTeam,
    type: 'migration_statistics' | 'training_offer',
    body: object,
    handling: Handling = {},
  ): Promise<string> {
    const tlp = handling.tlp ?? 'GREEN';
    const distribution = tlp.startsWith('AMBER')
      ? { teamIds: handling.teamIds ?? [] }
      : tlp === 'RED'
        ? { userIds: handling.userIds ?? [] }
        : undefined;
    const res = await this.api.post(
      '/reports',
      { type, teamId: team.id, title: `${type} test`, tlp, distribution, body },
      { token: author.token },
    );
    if (res.status !== 201) throw new Error(`POST /reports: ${res.status} ${res.text}`);
    return res.body.id as string;
  }

  publish(reportId: string, lead: TestUser): Promise<Outcome> {
    return this.api.post(`/reports/${reportId}/publish`, undefined, { token: lead.token });
  }

  amend(reportId: string, lead: TestUser, body: object): Promise<Outcome> {
    return this.api.patch(`/reports/${reportId}`, { body }, { token: lead.token });
  }

  withdraw(reportId: string, lead: TestUser): Promise<Outcome> {
    return this.api.post(
      `/reports/${reportId}/withdraw`,
      { reason: 'Superseded by corrected figures' },
      { token: lead.token },
    );
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
