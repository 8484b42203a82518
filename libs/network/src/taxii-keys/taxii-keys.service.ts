import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, denied, Refusals, type DeniableAction } from '@rilon/audit';
import {
  Actor,
  inTransaction,
  isAdmin,
  isLeadOf,
  isUuid,
  newId,
  ProblemException,
} from '@rilon/core';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TeamsRepository } from '../teams/teams.repository';
import type { IssuedTaxiiKey, TaxiiKeyView } from './taxii-key.view';
import { TaxiiKeysRepository } from './taxii-keys.repository';

/** Unrevoked keys a team may hold at once: issuing is rare, and a leak should have few doors. */
export const MAX_ACTIVE_TAXII_KEYS = 20;

const REFUSAL = "Only administrators and the team's leads manage its TAXII keys";

const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/**
 * A team's TAXII keys (docs/stix.md, "TAXII"): its leads and administrators issue, list and
 * revoke them, each change audited in its transaction. Only the SHA-256 of the secret is
 * stored; the secret is answered once, when issued, and never logged or audited.
 * `authenticate` has the shape of identity's ApiKeyVerifier, for the TAXII server to register.
 */
@Injectable()
export class TaxiiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: TaxiiKeysRepository,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  /** A new key for an active team (409 when inactive or holding MAX_ACTIVE_TAXII_KEYS). */
  issue(actor: Actor, teamId: string, label: string): Promise<IssuedTaxiiKey> {
    return this.refusals.guard(async () => {
      await this.authorize(actor, teamId, 'taxii_key.create');
      const id = newId();
      const secret = randomBytes(32).toString('base64url');
      return inTransaction(this.dataSource, async (manager) => {
        // The team's row lock makes the count and the insert one step for concurrent issues.
        const team = await this.teams.find(teamId, manager, true);
        if (!team) throw ProblemException.notFound('Team');
        if (!team.active) throw ProblemException.conflict('The team is inactive');
        if ((await this.keys.countActive(manager, teamId)) >= MAX_ACTIVE_TAXII_KEYS)
          throw ProblemException.conflict(
            `The team already holds ${MAX_ACTIVE_TAXII_KEYS} TAXII keys; revoke one first`,
            { limit: MAX_ACTIVE_TAXII_KEYS },
          );
        const { createdAt } = await this.keys.insert(manager, {
          id,
          teamId,
          label,
          secretHash: hashSecret(secret),
          createdBy: actor.userId,
        });
        await this.audit.record(manager, {
          actorId: actor.userId,
          action: 'taxii_key.create',
          targetType: 'taxii_key',
          targetId: id,
          details: { teamId, label },
        });
        return { id, teamId, label, createdAt, secret };
      });
    });
  }

  /** The team's unrevoked keys, newest first; never a secret. */
  list(actor: Actor, teamId: string): Promise<TaxiiKeyView[]> {
    return this.refusals.guard(async () => {
      await this.authorize(actor, teamId, 'taxii_key.list');
      return this.keys.listActive(teamId);
    });
  }

  /** Revokes at once: the next request with the key gets 401. Unknown or revoked already: 404. */
  revoke(actor: Actor, teamId: string, keyId: string): Promise<void> {
    return this.refusals.guard(async () => {
      await this.authorize(actor, teamId, 'taxii_key.revoke');
      await inTransaction(this.dataSource, async (manager) => {
        if (!isUuid(keyId) || !(await this.keys.revoke(manager, teamId, keyId, actor.userId)))
          throw ProblemException.notFound('TAXII key');
        await this.audit.record(manager, {
          actorId: actor.userId,
          action: 'taxii_key.revoke',
          targetType: 'taxii_key',
          targetId: keyId,
          details: { teamId },
        });
      });
    });
  }

  /**
   * The key a TAXII client presents, or null: a malformed id without a query, an unknown or
   * revoked key, a key of an inactive team, or a wrong secret. The hashes are compared in
   * constant time.
   */
  async authenticate(
    keyId: string,
    secret: string,
  ): Promise<{ keyId: string; teamId: string } | null> {
    if (!isUuid(keyId) || typeof secret !== 'string' || secret.length === 0) return null;
    const key = await this.keys.findActive(keyId.toLowerCase());
    if (!key || key.secretHash.length !== 32) return null;
    if (!timingSafeEqual(key.secretHash, hashSecret(secret))) return null;
    await this.keys.markUsed(key.id);
    return { keyId: key.id, teamId: key.teamId };
  }

  /** 404 for an unknown team; 403 (audited as `<action>.denied`) for anyone but its leads and administrators. */
  private async authorize(actor: Actor, teamId: string, action: DeniableAction): Promise<void> {
    const team = isUuid(teamId) ? await this.teams.find(teamId) : null;
    if (!team) throw ProblemException.notFound('Team');
    if (!isAdmin(actor) && !isLeadOf(actor, team.id))
      throw denied(actor, action, { type: 'team', id: team.id }, REFUSAL);
  }
}
