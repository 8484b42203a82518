import type { GlobalRole, TeamRole } from '@rilon/core';
import { newId } from '@rilon/core';
import { ARGON2_OPTIONS } from '@rilon/identity';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { TestApi } from './harness';

export const DEFAULT_PASSWORD = 'correct horse battery staple';
let defaultHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  memberCode: string;
  globalRole: GlobalRole | null;
  token: string;
  refreshToken: string;
}

export interface TestTeam {
  id: string;
  name: string;
  capitalId: string;
}

/** Builds users, capitals and teams straight in the database, and signs users in over HTTP. */
export class Factory {
  constructor(private readonly api: TestApi) {}

  async capital(
    name = `Capital ${randomBytes(3).toString('hex')}`,
    countryCode = 'THA',
    timezone = 'Asia/Bangkok',
  ): Promise<string> {
    const id = newId();
    await this.api.db.query(
      'INSERT INTO capitals (id, name, country_code, timezone) VALUES ($1, $2, $3, $4)',
      [id, name, countryCode, timezone],
    );
    return id;
  }

  async team(
    name = `Team ${randomBytes(3).toString('hex')}`,
    capitalId?: string,
  ): Promise<TestTeam> {
    const capital = capitalId ?? (await this.capital());
    const id = newId();
    await this.api.db.query('INSERT INTO teams (id, name, capital_id) VALUES ($1, $2, $3)', [
      id,
      name,
      capital,
    ]);
    return { id, name, capitalId: capital };
  }

  /** Creates a user (and signs in unless `signIn: false`). */
  async user(
    options: {
      globalRole?: GlobalRole | null;
      memberCode?: string;
      teams?: Array<[string, TeamRole]>;
      suspended?: boolean;
      signIn?: boolean;
      email?: string;
      displayName?: string;
    } = {},
  ): Promise<TestUser> {
    defaultHash ??= argon2.hash(DEFAULT_PASSWORD, ARGON2_OPTIONS);
    const id = newId();
    const email = options.email ?? `user-${randomBytes(5).toString('hex')}@rilon.test`;
    const displayName = options.displayName ?? `User ${email.split('@')[0]}`;
    const memberCode = options.memberCode ?? 'THA';
    await this.api.db.query(
      `INSERT INTO users (id, email, display_name, member_code, global_role, status, password_hash) VALUES ($1, $2, $3, $4, $5, 'active', $6)`,
      [id, email, displayName, memberCode, options.globalRole ?? null, await defaultHash],
    );
    for (const [teamId, role] of options.teams ?? []) {
      await this.api.db.query(
        'INSERT INTO team_memberships (team_id, user_id, role) VALUES ($1, $2, $3)',
        [teamId, id, role],
      );
    }
    const user: TestUser = {
      id,
      email,
      password: DEFAULT_PASSWORD,
      displayName,
      memberCode,
      globalRole: options.globalRole ?? null,
      token: '',
      refreshToken: '',
    };
    if (options.signIn !== false) await this.signIn(user);
    if (options.suspended)
      await this.api.db.query(`UPDATE users SET status = 'suspended' WHERE id = $1`, [id]);
    return user;
  }

  async signIn(user: TestUser): Promise<TestUser> {
    const res = await this.api.post('/auth/login', { email: user.email, password: user.password });
    if (res.status !== 200)
      throw new Error(`sign-in of ${user.email} failed: ${res.status} ${res.text}`);
    user.token = res.body.accessToken;
    user.refreshToken = res.body.refreshToken;
    return user;
  }
}

/**
 * The cast every route is tried with: anonymous aside, an observer, an officer and a lead
 * of team A, a lead of team B, an administrator, an auditor and a suspended user.
 */
export interface Cast {
  teamA: TestTeam;
  teamB: TestTeam;
  observer: TestUser;
  officer: TestUser;
  lead: TestUser;
  otherLead: TestUser;
  otherOfficer: TestUser;
  admin: TestUser;
  auditor: TestUser;
  suspended: TestUser;
}

export async function createCast(factory: Factory): Promise<Cast> {
  const teamA = await factory.team('Team Bangkok');
  const teamB = await factory.team(
    'Team Colombo',
    await factory.capital('Colombo', 'LKA', 'Asia/Colombo'),
  );
  const [observer, officer, lead, otherLead, otherOfficer, admin, auditor, suspended] =
    await Promise.all([
      factory.user({ teams: [[teamA.id, 'observer']], displayName: 'Observer A' }),
      factory.user({ teams: [[teamA.id, 'officer']], displayName: 'Officer A' }),
      factory.user({ teams: [[teamA.id, 'lead']], displayName: 'Lead A' }),
      factory.user({ teams: [[teamB.id, 'lead']], displayName: 'Lead B', memberCode: 'LKA' }),
      factory.user({ teams: [[teamB.id, 'officer']], displayName: 'Officer B', memberCode: 'LKA' }),
      factory.user({ globalRole: 'admin', displayName: 'Admin', memberCode: 'AUS' }),
      factory.user({ globalRole: 'auditor', displayName: 'Auditor', memberCode: 'NZL' }),
      factory.user({ teams: [[teamA.id, 'officer']], suspended: true, displayName: 'Suspended A' }),
    ]);
  return {
    teamA,
    teamB,
    observer,
    officer,
    lead,
    otherLead,
    otherOfficer,
    admin,
    auditor,
    suspended,
  };
}
