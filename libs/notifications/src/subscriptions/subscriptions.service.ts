import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@rilon/audit';
import { Actor, inTransaction } from '@rilon/core';
import { DataSource } from 'typeorm';
import { DEFAULT_RULES, normalizeRules, SubscriptionRule } from './subscription-rule';
import { SubscriptionsRepository } from './subscriptions.repository';

/** The caller's subscription rules (validated by the API's DTO before they come here). */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<{ rules: SubscriptionRule[] }> {
    const saved = await this.subscriptions.rulesOf(actor.userId);
    return { rules: saved ?? DEFAULT_RULES.map((r) => ({ ...r })) };
  }

  async set(actor: Actor, rules: SubscriptionRule[]): Promise<{ rules: SubscriptionRule[] }> {
    const normalized = normalizeRules(rules);
    await inTransaction(this.dataSource, async (manager) => {
      await this.subscriptions.save(manager, actor.userId, normalized);
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
