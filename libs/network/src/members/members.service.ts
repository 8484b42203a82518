import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, Refusals, requireAdmin } from '@rilon/audit';
import { Actor, inTransaction, ProblemException } from '@rilon/core';
import { DataSource } from 'typeorm';
import type { MemberKind } from '../member.entity';
import { MembersRepository } from './members.repository';
import type { Page } from '@rilon/core';
import type { MemberView } from './member.view';

/** Member states and organisations: the home organisations of users. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersRepository,
    private readonly audit: AuditService,
    private readonly refusals: Refusals,
  ) {}

  async list(): Promise<Page<MemberView>> {
    return { items: await this.members.list(), nextCursor: null };
  }

  create(
    actor: Actor,
    input: { code: string; name: string; kind: MemberKind },
  ): Promise<MemberView> {
    return this.refusals.guard(() => {
      requireAdmin(actor, 'member.create', 'member', input.code);
      return inTransaction(this.dataSource, async (manager) => {
        const member = await this.members.insert(manager, input);
        if (!member)
          throw ProblemException.conflict(`The member code ${input.code} exists already`);
        await this.audit.record(manager, {
          actorId: actor.userId,
          action: 'member.create',
          targetType: 'member',
          targetId: member.code,
          details: { kind: member.kind },
        });
        return member;
      });
    });
  }
}
