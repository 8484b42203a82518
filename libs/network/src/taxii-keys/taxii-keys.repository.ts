import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRows, toInt } from '@rilon/core';
import { DataSource, EntityManager } from 'typeorm';
import type { TaxiiKeyView } from './taxii-key.view';

export interface NewTaxiiKey {
  id: string;
  teamId: string;
  label: string;
  secretHash: Buffer;
  createdBy: string;
}

/** What authentication needs of an unrevoked key of an active team. */
export interface ActiveTaxiiKey {
  id: string;
  teamId: string;
  secretHash: Buffer;
}

/** The view's columns, the creator named if the account still exists. */
const VIEW = `k.id, k.team_id AS "teamId", k.label, k.created_at AS "createdAt",
  k.last_used_at AS "lastUsedAt",
  CASE WHEN u.id IS NULL THEN NULL
       ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS "createdBy"`;

/** The only code that builds SQL for taxii_keys (docs/stix.md, "TAXII"). */
@Injectable()
export class TaxiiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, key: NewTaxiiKey): Promise<{ createdAt: Date }> {
    const rows = await queryRows<{ createdAt: Date }>(
      manager,
      `INSERT INTO taxii_keys (id, team_id, label, secret_hash, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING created_at AS "createdAt"`,
      [key.id, key.teamId, key.label, key.secretHash, key.createdBy],
    );
    return rows[0];
  }

  /** The team's unrevoked keys, newest first. */
  listActive(teamId: string, manager?: EntityManager): Promise<TaxiiKeyView[]> {
    return queryRows<TaxiiKeyView>(
      manager ?? this.dataSource.manager,
      `SELECT ${VIEW} FROM taxii_keys k LEFT JOIN users u ON u.id = k.created_by
        WHERE k.team_id = $1 AND k.revoked_at IS NULL
        ORDER BY k.created_at DESC, k.id DESC`,
      [teamId],
    );
  }

  async countActive(manager: EntityManager, teamId: string): Promise<number> {
    const rows = await queryRows<{ n: unknown }>(
      manager,
      `SELECT count(*) AS n FROM taxii_keys WHERE team_id = $1 AND revoked_at IS NULL`,
      [teamId],
    );
    return toInt(rows[0]?.n);
  }

  /** Revokes an unrevoked key of the team; false when there is none (unknown or revoked already). */
  async revoke(
    manager: EntityManager,
    teamId: string,
    keyId: string,
    revokedBy: string,
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE taxii_keys SET revoked_at = now(), revoked_by = $3
        WHERE id = $1 AND team_id = $2 AND revoked_at IS NULL
        RETURNING id`,
      [keyId, teamId, revokedBy],
    );
    return rows.length > 0;
  }

  /** An unrevoked key whose team is active, or null. */
  async findActive(keyId: string): Promise<ActiveTaxiiKey | null> {
    const rows = await queryRows<ActiveTaxiiKey>(
      this.dataSource.manager,
      `SELECT k.id, k.team_id AS "teamId", k.secret_hash AS "secretHash"
         FROM taxii_keys k JOIN teams t ON t.id = k.team_id
        WHERE k.id = $1 AND k.revoked_at IS NULL AND t.active`,
      [keyId],
    );
    return rows[0] ?? null;
  }

  /** Stamps the key's last use, at most once a minute, so a busy client writes little. */
  async markUsed(keyId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE taxii_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [keyId],
    );
  }
}
