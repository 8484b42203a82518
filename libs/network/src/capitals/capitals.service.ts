import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals, requireAdmin } from '@rilon/audit';
import { Actor, inTransaction, isUniqueViolation, ProblemException } from '@rilon/core';
import { DataSource } from 'typeorm';
import { CapitalsRepository } from './capitals.repository';
import type { CapitalView } from './capital.view';
import type { Page } from '@rilon/core';

export interface NewCapital {
  name: string;
  countryCode: string;
  timezone: string;
}

/** Regional capitals where the network's teams are posted. */
@Injectable()
export class CapitalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly capitals: CapitalsRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  async list(): Promise<Page<CapitalView>> {
    return { items: await this.capitals.list(), nextCursor: null };
  }

  async get(id: string): Promise<CapitalView> {
    const capital = await this.capitals.find(id);
    if (!capital) throw ProblemException.notFound('Capital');
    return capital;
  }

  create(actor: Actor, input: NewCapital): Promise<CapitalView> {
    return this.refusals.guard(async () => {
      requireAdmin(actor, 'capital.create', 'capital');
      try {
        return await inTransaction(this.dataSource, async (manager) => {
          const capital = await this.capitals.insert(manager, input);
          await this.audit.record(manager, {
            actorId: actor.userId,
            action: 'capital.create',
            targetType: 'capital',
            targetId: capital.id,
            details: { countryCode: capital.countryCode, timezone: capital.timezone },
          });
          return capital;
        });
      } catch (error) {
        if (isUniqueViolation(error, 'ux_capitals_name_country'))
          throw ProblemException.conflict(
            `A capital named ${input.name} in ${input.countryCode} exists already`,
          );
        throw error;
      }
    });
  }
}
