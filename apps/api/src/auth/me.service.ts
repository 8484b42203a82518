import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@rilon/core';
import { DataSource } from 'typeorm';
import { MeDto, MembershipDto } from './auth.dto';

@Injectable()
export class MeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async describe(actor: Actor): Promise<MeDto> {
    const memberships: MembershipDto[] = await this.dataSource.query(
      `SELECT m.team_id AS "teamId", t.name AS "teamName", t.capital_id AS "capitalId", m.role
         FROM team_memberships m JOIN teams t ON t.id = m.team_id
        WHERE m.user_id = $1 ORDER BY t.name`,
      [actor.userId],
    );
    return {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      memberCode: actor.memberCode,
      globalRole: actor.globalRole,
      memberships,
    };
  }
}
