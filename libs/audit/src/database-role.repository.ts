import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRows } from '@rilon/core';
import { DataSource } from 'typeorm';

/** Who DATABASE_URL connects as, from the catalogue. */
export interface ConnectedRole {
  user: string;
  superuser: boolean;
  /** A member of the role that owns audit_events (or that role itself). */
  owner: boolean;
}

/** The catalogue query of the role check (no table of the portal's own). */
@Injectable()
export class DatabaseRoleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async connectedRole(): Promise<ConnectedRole | undefined> {
    const [row] = await queryRows<ConnectedRole>(
      this.dataSource.manager,
      `SELECT current_user AS user,
              coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false) AS superuser,
              EXISTS (SELECT 1 FROM pg_tables t
                       WHERE t.schemaname = 'public' AND t.tablename = 'audit_events'
                         AND pg_has_role(current_user, t.tableowner, 'USAGE')) AS owner`,
    );
    return row;
  }
}
