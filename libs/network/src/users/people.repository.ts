import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A directory entry: what any signed-in user may learn about another. Never e-mail, role or status. */
export interface PersonView {
  id: string;
  displayName: string;
  memberCode: string;
  teams: Array<{ teamId: string; teamName: string }>;
}

/**
 * Active users only; the teams are the active ones they belong to (as the session's team
 * roles count them), by name. Ties on the display name fall back to the id, so the order
 * is stable.
 */
const PEOPLE = `
  SELECT u.id, u.display_name AS "displayName", u.member_code AS "memberCode",
         COALESCE((SELECT json_agg(json_build_object('teamId', t.id, 'teamName', t.name)
                                   ORDER BY t.name, t.id)
                     FROM team_memberships m JOIN teams t ON t.id = m.team_id AND t.active
                    WHERE m.user_id = u.id), '[]'::json) AS teams
    FROM users u
   WHERE u.status = 'active'`;

/** `%` and `_` in what a user typed are letters, not wildcards. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** The only code that builds SQL for the people directory. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Display names containing `text`, case-insensitively. A scan of the users table: the
   * network has hundreds of accounts, not millions, so no trigram index is kept for it.
   */
  search(text: string, limit: number): Promise<PersonView[]> {
    return this.dataSource.query(
      `${PEOPLE} AND u.display_name ILIKE $1 ESCAPE '\\'
       ORDER BY u.display_name, u.id LIMIT $2`,
      [containing(text), limit],
    );
  }

  /** Those of `ids` that are active users; unknown and suspended ids are left out. */
  byIds(ids: string[]): Promise<PersonView[]> {
    return this.dataSource.query(
      `${PEOPLE} AND u.id = ANY($1::uuid[]) ORDER BY u.display_name, u.id`,
      [ids],
    );
  }
}
