import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@rilon/audit';
import { Actor, inTransaction } from '@rilon/core';
import { DataSource } from 'typeorm';
import { DEFAULT_RULES, normalizeRules, SubscriptionRule } from './subscription-rule';

/** The caller's subscription rules (validated by the API's DTO before they come here). */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<{ rules: SubscriptionRule[] }> {
    const rows: Array<{ rules: SubscriptionRule[] }> = await this.dataSource.query(
      `SELECT rules FROM notification_subscriptions WHERE user_id = $1`,
      [actor.userId],
    );
    return { rules: rows[0] ? rows[0].rules : DEFAULT_RULES.map((r) => ({ ...r })) };
  }

  async set(actor: Actor, rules: SubscriptionRule[]): Promise<{ rules: SubscriptionRule[] }> {
    const normalized = normalizeRules(rules);
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(
        `INSERT INTO notification_subscriptions (user_id, rules, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (user_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = now()`,
        [actor.userId, JSON.stringify(normalized)],
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'subscription.set',
        targetType: 'user',
        targetId: actor.userId,
        details: { rules: normalized.length },
      });
    });
    return { rules: normalized };
  }
}
