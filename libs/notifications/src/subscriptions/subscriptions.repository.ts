import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SubscriptionRule } from './subscription-rule';

/** The owner of `notification_subscriptions`: one row of rules per user who changed them. */
@Injectable()
export class SubscriptionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The user's saved rules, or null when they never saved any (the defaults apply). */
  async rulesOf(userId: string): Promise<SubscriptionRule[] | null> {
    const rows: Array<{ rules: SubscriptionRule[] }> = await this.dataSource.query(
      `SELECT rules FROM notification_subscriptions WHERE user_id = $1`,
      [userId],
    );
    return rows[0]?.rules ?? null;
  }

  async save(manager: EntityManager, userId: string, rules: SubscriptionRule[]): Promise<void> {
    await manager.query(
      `INSERT INTO notification_subscriptions (user_id, rules, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = now()`,
      [userId, JSON.stringify(rules)],
    );
  }
}
