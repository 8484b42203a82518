import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@rilon/core';
import { canReadSql, teamViewer } from '@rilon/reports';
import { DataSource } from 'typeorm';
import { openWebhookSecret } from './webhook-secret-box';

export interface WebhookDelivery {
  url: string;
  /** The signing secret, opened from its sealed form (or a legacy plain-text row). */
  secret: string;
  report: { id: string; type: string; title: string; tlp: string; urgent: boolean };
}

/**
 * What a delivery may carry, read at delivery time: the team's current webhook and the
 * report's current envelope, only while the team's members may read it as members of
 * that team (never RED, never another team's AMBER). A secret that does not open (a key
 * id the worker was not given) throws WebhookSecretUnreadable, so the job is retried.
 */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async load(teamId: string, reportId: string): Promise<WebhookDelivery | null> {
    const rows: Array<{
      url: string;
      secret: string;
      id: string;
      type: string;
      title: string;
      tlp: string;
      urgent: boolean;
    }> = await this.dataSource.query(
      `SELECT w.url, w.secret, r.id, r.type, r.title, r.tlp, r.urgent
         FROM team_webhooks w
         JOIN teams t ON t.id = w.team_id AND t.active
         JOIN reports r ON r.id = $1
        WHERE w.team_id = $2 AND ${canReadSql('r', teamViewer(2))}`,
      [reportId, teamId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      url: row.url,
      secret: openWebhookSecret(this.config.webhookSecretKeys, teamId, row.secret).secret,
      report: { id: row.id, type: row.type, title: row.title, tlp: row.tlp, urgent: row.urgent },
    };
  }
}
