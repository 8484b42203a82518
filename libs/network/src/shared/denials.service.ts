import { Injectable } from '@nestjs/common';
import { AuditService } from '@rilon/audit';
import { Actor, ProblemException } from '@rilon/core';
import { AccessDeniedError } from './access-denied.error';

/** Records every refusal as `<action>.denied` (outcome denied) and answers 403. */
@Injectable()
export class Denials {
  constructor(private readonly audit: AuditService) {}

  async guard<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AccessDeniedError)) throw error;
      await this.audit.recordAlone({
        actorId: actor.userId,
        action: `${error.action}.denied`,
        targetType: error.targetType,
        targetId: error.targetId,
        outcome: 'denied',
        details: error.details,
      });
      throw ProblemException.forbidden(error.message);
    }
  }
}
