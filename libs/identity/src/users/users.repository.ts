import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type GlobalRole, newId, queryRows } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import type { UserStatus } from '../user.entity';

/** Arbitrary but fixed: the advisory lock that serialises instances creating the first administrator. */
const FIRST_ADMIN_LOCK = 724_311_001;

/** A user account as the services answer it: never the password hash. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  memberCode: string;
  globalRole: GlobalRole | null;
  status: UserStatus;
}

/** What sign-in and a password change check. */
export interface Credentials {
  id: string;
  email: string;
  passwordHash: string | null;
  status: UserStatus;
}

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

/**
 * The owner of the `users` table: every statement that writes a user account is here,
 * for identity (sign-in, passwords, the first administrator) and for the network area
 * (accounts, roles, suspension), which calls it. Other areas may join `users` to read a
 * name or an address; none writes it.
 */
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

  /** The account an e-mail names, case-insensitively, with what sign-in checks. */
  async credentialsByEmail(email: string): Promise<Credentials | null> {
    const rows: Credentials[] = await this.dataSource.query(
      `SELECT id, email, password_hash AS "passwordHash", status FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  async credentialsById(id: string): Promise<Credentials | null> {
    const rows: Credentials[] = await this.dataSource.query(
      `SELECT id, email, password_hash AS "passwordHash", status FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The id of the account an e-mail names, if any (the sign-in throttle counts per account). */
  async idByEmail(email: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM users WHERE lower(email) = lower($1)',
      [email],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Serialises the instances that start together and may each create the first
   * administrator: held until the caller's transaction ends.
   */
  async lockFirstAdministrator(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
  }

  async anyActiveAdmin(manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      "SELECT 1 FROM users WHERE global_role = 'admin' AND status = 'active' LIMIT 1",
    );
    return rows.length > 0;
  }

  /** The first administrator (start-up); null when the e-mail is taken already. */
  async insertAdmin(
    manager: EntityManager,
    admin: { email: string; memberCode: string; passwordHash: string },
  ): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO users (id, email, display_name, member_code, global_role, status, password_hash)
       VALUES ($1, $2, 'Administrator', $3, 'admin', 'active', $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [newId(), admin.email, admin.memberCode, admin.passwordHash],
    );
    return rows[0]?.id ?? null;
  }

  /** Makes the account an e-mail names an active administrator; returns its id. */
  async promoteToAdmin(manager: EntityManager, email: string): Promise<string | null> {
    const rows = await queryRows<{ id: string }>(
      manager,
      "UPDATE users SET global_role = 'admin', status = 'active', updated_at = now() WHERE lower(email) = lower($1) RETURNING id",
      [email],
    );
    return rows[0]?.id ?? null;
  }

  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [
      id,
      passwordHash,
    ]);
  }
}
