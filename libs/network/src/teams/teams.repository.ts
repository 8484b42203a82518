import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId, queryRows } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import type { TeamView } from './team.view';

const COLUMNS = 'id, name, capital_id AS "capitalId", description, active';

export interface TeamChanges {
  name?: string;
  capitalId?: string;
  description?: string;
  active?: boolean;
}

/** The only code that builds SQL for teams. */
@Injectable()
export class TeamsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(): Promise<TeamView[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM teams ORDER BY name`);
  }

  async find(id: string, manager?: EntityManager, forUpdate = false): Promise<TeamView | null> {
    const rows: TeamView[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM teams WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    team: { name: string; capitalId: string; description: string },
  ): Promise<TeamView> {
    const rows: TeamView[] = await manager.query(
      `INSERT INTO teams (id, name, capital_id, description) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [newId(), team.name, team.capitalId, team.description],
    );
    return rows[0];
  }

  /** Absent fields keep their value (COALESCE over null parameters). */
  async update(manager: EntityManager, id: string, changes: TeamChanges): Promise<TeamView> {
    const rows = await queryRows<TeamView>(
      manager,
      `UPDATE teams SET name = COALESCE($2, name), capital_id = COALESCE($3, capital_id),
              description = COALESCE($4, description), active = COALESCE($5, active), updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        changes.name ?? null,
        changes.capitalId ?? null,
        changes.description ?? null,
        changes.active ?? null,
      ],
    );
    return rows[0];
  }
}
