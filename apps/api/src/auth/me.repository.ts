import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MembershipDto } from './membership.dto';

/** What GET /me reads beyond the session: the caller's teams, by name. */
@Injectable()
export class MeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  membershipsOf(userId: string): Promise<MembershipDto[]> {
    return this.dataSource.query(
      `SELECT m.team_id AS "teamId", t.name AS "teamName", t.capital_id AS "capitalId", m.role
         FROM team_memberships m JOIN teams t ON t.id = m.team_id
        WHERE m.user_id = $1 ORDER BY t.name`,
      [userId],
    );
  }
}
