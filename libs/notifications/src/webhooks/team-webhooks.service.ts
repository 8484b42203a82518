import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals, type DeniableAction } from '@rilon/audit';
import {
  Actor,
  addOutboxEvent,
  APP_CONFIG,
  AppConfig,
  inTransaction,
  isAdmin,
  isLeadOf,
  isUuid,
  ProblemException,
} from '@rilon/core';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { TeamWebhooksRepository } from './team-webhooks.repository';
import { isPublicAddress } from './webhook-address';
import {
  openWebhookSecret,
  sealWebhookSecret,
  WebhookSecretUnreadable,
} from './webhook-secret-box';

export interface TeamWebhookView {
  url: string;
  createdAt: Date;
}

interface AccessRule {
  admins: boolean;
  refusal: string;
}

/** Reading and deleting: administrators and the team's leads. */
const MANAGERS: AccessRule = {
  admins: true,
  refusal: 'Only an administrator or a lead of the team manages its webhook',
};
/** Setting or changing: the team's leads only. */
const LEADS: AccessRule = {
  admins: false,
  refusal: 'Only a lead of the team sets or changes its webhook; administrators may delete it',
};

/**
 * A team's webhook. Only the team's leads set or change it: an administrator who could
 * point it at their own server would receive the titles of everything shared with the
 * team (issue 12). Administrators may read and delete it. Every change is told to the
 * team's leads (`webhook.changed`). The secret is stored sealed (AES-256-GCM under
 * WEBHOOK_SECRET_KEY) for the worker to sign with, and never answered, logged or audited.
 */
@Injectable()
export class TeamWebhooksService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TeamWebhooksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: TeamWebhooksRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  /**
   * Seals again, at start, every secret stored in plain text (rows from before sealing:
   * a migration cannot seal them, not knowing the key) or under an earlier key (after a
   * rotation), so that neither stays in the database longer than until the next start.
   * Each row is rewritten only if it still holds what was read, so API instances that
   * start together cannot undo each other's work.
   */
  async onApplicationBootstrap(): Promise<void> {
    const keys = this.config.webhookSecretKeys;
    if (keys.development) {
      this.logger.warn(
        'WEBHOOK_SECRET_KEY is not set: webhook secrets are sealed with the published development key',
      );
    }
    const rows = await this.webhooks.secretsNotSealedUnder(`rwk1.${keys.currentId}.`);
    let resealed = 0;
    for (const row of rows) {
      let secret: string;
      try {
        secret = openWebhookSecret(keys, row.teamId, row.secret).secret;
      } catch (error) {
        if (!(error instanceof WebhookSecretUnreadable)) throw error;
        this.logger.error({ teamId: row.teamId }, `cannot seal again: ${error.message}`);
        continue;
      }
      resealed += await this.webhooks.replaceSecret(
        row.teamId,
        row.secret,
        sealWebhookSecret(keys, row.teamId, secret),
      );
    }
    if (resealed > 0) {
      this.logger.log(`sealed ${resealed} webhook secret(s) under key ${keys.currentId}`);
    }
  }

  async get(actor: Actor, teamId: string): Promise<TeamWebhookView> {
    await this.authorize(actor, teamId, 'webhook.read', MANAGERS);
    const webhook = await this.webhooks.find(teamId);
    if (!webhook) throw ProblemException.notFound('Webhook');
    return { url: webhook.url, createdAt: webhook.createdAt };
  }

  async set(actor: Actor, teamId: string, url: string, secret: string): Promise<TeamWebhookView> {
    await this.authorize(actor, teamId, 'webhook.set', LEADS);
    this.checkUrl(url);
    return inTransaction(this.dataSource, async (manager) => {
      const saved = await this.webhooks.save(manager, {
        teamId,
        url,
        sealedSecret: sealWebhookSecret(this.config.webhookSecretKeys, teamId, secret),
        createdBy: actor.userId,
      });
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'webhook.set',
        targetType: 'team',
        targetId: teamId,
        details: { scheme: new URL(url).protocol.replace(':', '') },
      });
      await addOutboxEvent(manager, 'webhook.changed', {
        teamId,
        change: 'set',
        actorId: actor.userId,
      });
      return { url: saved.url, createdAt: saved.createdAt };
    });
  }

  async remove(actor: Actor, teamId: string): Promise<void> {
    await this.authorize(actor, teamId, 'webhook.delete', MANAGERS);
    await inTransaction(this.dataSource, async (manager) => {
      if (!(await this.webhooks.delete(manager, teamId)))
        throw ProblemException.notFound('Webhook');
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: 'webhook.delete',
        targetType: 'team',
        targetId: teamId,
      });
      await addOutboxEvent(manager, 'webhook.changed', {
        teamId,
        change: 'removed',
        actorId: actor.userId,
      });
    });
  }

  /** 404 for an unknown team; 403 (audited) for anyone the rule leaves out. */
  private async authorize(
    actor: Actor,
    teamId: string,
    action: DeniableAction,
    rule: AccessRule,
  ): Promise<void> {
    if (!isUuid(teamId) || !(await this.webhooks.teamExists(teamId)))
      throw ProblemException.notFound('Team');
    if (isLeadOf(actor, teamId) || (rule.admins && isAdmin(actor))) return;
    throw await this.refusals.refuse(
      {
        actorId: actor.userId,
        action: `${action}.denied`,
        targetType: 'team',
        targetId: teamId,
        outcome: 'denied',
      },
      ProblemException.forbidden(rule.refusal),
    );
  }

  /** https only (http too where private targets are allowed); no credentials in the URL. */
  private checkUrl(raw: string): void {
    const fail = (message: string) =>
      ProblemException.badRequest('The webhook URL is refused', [{ field: 'url', message }]);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw fail('must be an absolute URL');
    }
    const allowPrivate = this.config.webhookAllowPrivate;
    if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
      throw fail(allowPrivate ? 'must use https or http' : 'must use https');
    }
    if (url.username || url.password) throw fail('must not carry credentials');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (
      !allowPrivate &&
      (host === 'localhost' ||
        host.endsWith('.localhost') ||
        (isIP(host) && !isPublicAddress(host)))
    ) {
      throw fail('must not point at a private, loopback or link-local address');
    }
  }
}
