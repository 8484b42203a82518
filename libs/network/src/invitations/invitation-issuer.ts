import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@rilon/audit';
import { addOutboxEvent, APP_CONFIG, AppConfig, newId } from '@rilon/core';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { InvitationsRepository, NewInvitation } from './invitations.repository';
import type { InvitationView } from './invitation.view';

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues an invitation inside the caller's transaction: 32 random bytes as the token
 * (only its SHA-256 is stored), the row, its audit event and the e-mail as an outbox
 * event, so the mail goes out only if the invitation commits.
 */
@Injectable()
export class InvitationIssuer {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(
    manager: EntityManager,
    input: Omit<NewInvitation, 'id' | 'tokenHash'>,
  ): Promise<InvitationView> {
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.invitations.insert(manager, {
      ...input,
      id: newId(),
      tokenHash: hashInvitationToken(token),
    });
    const teamName = input.teamId ? await this.invitations.teamName(manager, input.teamId) : null;
    await addOutboxEvent(manager, 'email.send', {
      template: 'invitation',
      to: input.email,
      params: {
        displayName: input.displayName,
        link: `${this.config.publicUrl}/invitations/accept?token=${token}`,
        teamName: teamName ?? '',
      },
    });
    await this.audit.record(manager, {
      actorId: input.invitedBy,
      action: 'invitation.create',
      targetType: 'invitation',
      targetId: invitation.id,
      details: {
        teamId: input.teamId,
        role: input.role,
        memberCode: input.memberCode,
        userId: input.userId,
      },
    });
    return invitation;
  }
}
