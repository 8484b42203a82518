import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { MemberKind } from '../member.entity';
import type { MemberView } from './member.view';

/** The only code that builds SQL for members. */
@Injectable()
export class MembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<MemberView[]> {
    return this.dataSource.query('SELECT code, name, kind FROM members ORDER BY code');
  }

  /** Null when the code exists already (the primary key decides, race-free). */
  async insert(
    manager: EntityManager,
    member: { code: string; name: string; kind: MemberKind },
  ): Promise<MemberView | null> {
    const rows: MemberView[] = await manager.query(
      `INSERT INTO members (code, name, kind) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO NOTHING RETURNING code, name, kind`,
      [member.code, member.name, member.kind],
    );
    return rows[0] ?? null;
  }
}
