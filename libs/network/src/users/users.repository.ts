import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type GlobalRole, newId, queryRows } from '@rilon/core';
import type { UserStatus } from '@rilon/identity';
import { DataSource, EntityManager } from 'typeorm';
import type { UserView } from '../shared/views';

const COLUMNS = `id, email, display_name AS "displayName", member_code AS "memberCode",
                 global_role AS "globalRole", status`;

export interface NewUser {
  email: string;
  displayName: string;
  memberCode: string;
  globalRole: GlobalRole | null;
  passwordHash: string | null;
}

export interface UserChanges {
  displayName?: string;
  memberCode?: string;
  /** `null` takes the global role away; absent leaves it. */
  globalRole?: GlobalRole | null;
  status?: UserStatus;
}

/** The only code of the network area that builds SQL for user accounts. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, user: NewUser): Promise<UserView> {
    const rows: UserView[] = await manager.query(
      `INSERT INTO users (id, email, display_name, member_code, global_role, status, password_hash)
       VALUES ($1, $2, $3, $4, $5, 'active', $6) RETURNING ${COLUMNS}`,
      [newId(), user.email, user.displayName, user.memberCode, user.globalRole, user.passwordHash],
    );
    return rows[0];
  }

  /** Newest first: ids are UUID v7, so id order is creation order and the index serves it. */
  page(limit: number, beforeId: string | null): Promise<UserView[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM users WHERE ($1::uuid IS NULL OR id < $1::uuid) ORDER BY id DESC LIMIT $2`,
      [beforeId, limit],
    );
  }

  async find(id: string, manager?: EntityManager, forUpdate = false): Promise<UserView | null> {
    const rows: UserView[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM users WHERE lower(email) = lower($1)',
      [email],
    );
    return rows.length > 0;
  }

  /**
   * Locks every active administrator, in id order (so two callers never deadlock), and
   * returns their ids. A concurrent demotion waits here and then sees the committed state.
   */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM users WHERE global_role = 'admin' AND status = 'active' ORDER BY id FOR UPDATE`,
    );
    return rows.map((row) => row.id);
  }

  async update(manager: EntityManager, id: string, changes: UserChanges): Promise<UserView> {
    const rows = await queryRows<UserView>(
      manager,
      `UPDATE users SET display_name = COALESCE($2, display_name), member_code = COALESCE($3, member_code),
              global_role = CASE WHEN $4::boolean THEN $5 ELSE global_role END,
              status = COALESCE($6, status), updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        changes.displayName ?? null,
        changes.memberCode ?? null,
        changes.globalRole !== undefined,
        changes.globalRole ?? null,
        changes.status ?? null,
      ],
    );
    return rows[0];
  }

  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
      id,
      passwordHash,
    ]);
  }
}
