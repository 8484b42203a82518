import { Injectable } from '@nestjs/common';
import type { Actor } from '@rilon/core';
import { MeDto } from './me.dto';
import { MeRepository } from './me.repository';

@Injectable()
export class MeService {
  constructor(private readonly me: MeRepository) {}

  async describe(actor: Actor): Promise<MeDto> {
    return {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      memberCode: actor.memberCode,
      globalRole: actor.globalRole,
      memberships: await this.me.membershipsOf(actor.userId),
    };
  }
}
