import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredWebhook {
  url: string;
  createdAt: Date;
}

/**
 * The owner of `team_webhooks`: every statement that writes a team's webhook is here.
 * (The fan-out and the delivery job read it in their own queries, joined to what they need.)
 */
@Injectable()
export class TeamWebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async teamExists(teamId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM teams WHERE id = $1`, [
      teamId,
    ]);
    return rows.length > 0;
  }

  async find(teamId: string): Promise<StoredWebhook | null> {
    const rows: StoredWebhook[] = await this.dataSource.query(
      `SELECT url, created_at AS "createdAt" FROM team_webhooks WHERE team_id = $1`,
      [teamId],
    );
    return rows[0] ?? null;
  }

  /** Sets or replaces the team's webhook; `sealedSecret` is already sealed. */
  async save(
    manager: EntityManager,
    webhook: { teamId: string; url: string; sealedSecret: string; createdBy: string },
  ): Promise<StoredWebhook> {
    const rows: StoredWebhook[] = await manager.query(
      `INSERT INTO team_webhooks (team_id, url, secret, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id) DO UPDATE
         SET url = EXCLUDED.url, secret = EXCLUDED.secret, created_at = now(), created_by = EXCLUDED.created_by
       RETURNING url, created_at AS "createdAt"`,
      [webhook.teamId, webhook.url, webhook.sealedSecret, webhook.createdBy],
    );
    return rows[0];
  }

  /** Deletes the team's webhook; false when it had none. */
  async delete(manager: EntityManager, teamId: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `DELETE FROM team_webhooks WHERE team_id = $1 RETURNING 1`,
      [teamId],
    );
    return rows.length > 0;
  }

  /** The secrets not sealed under the key `currentPrefix` names (legacy or an older key). */
  secretsNotSealedUnder(currentPrefix: string): Promise<Array<{ teamId: string; secret: string }>> {
    return this.dataSource.query(
      `SELECT team_id AS "teamId", secret FROM team_webhooks WHERE secret NOT LIKE $1`,
      [`${currentPrefix}%`],
    );
  }

  /** Replaces a stored secret only if it still holds `was` (instances starting together). */
  async replaceSecret(teamId: string, was: string, sealed: string): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE team_webhooks SET secret = $3 WHERE team_id = $1 AND secret = $2`,
      [teamId, was, sealed],
    );
    return count;
  }
}
