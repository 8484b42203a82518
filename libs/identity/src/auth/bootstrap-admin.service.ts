import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@rilon/audit';
import { APP_CONFIG, AppConfig, inTransaction } from '@rilon/core';
import { DataSource } from 'typeorm';
import { UsersRepository } from '../users/users.repository';
import { PasswordHasher } from './password-hasher';

/**
 * Creates the administrator from RILON_ADMIN_EMAIL / RILON_ADMIN_PASSWORD when no
 * administrator exists. Several instances may start at once: a transaction-scoped
 * advisory lock lets exactly one of them decide.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { email, password, memberCode } = this.config.admin;
    if (!email || !password) return;
    const hash = await this.hasher.hash(password);
    const created = await inTransaction(this.dataSource, async (manager) => {
      await this.users.lockFirstAdministrator(manager);
      if (await this.users.anyActiveAdmin(manager)) return null;
      const id = await this.users.insertAdmin(manager, { email, memberCode, passwordHash: hash });
      if (!id) {
        // The e-mail exists but is no administrator: promote it rather than fail start-up.
        const promoted = await this.users.promoteToAdmin(manager, email);
        await this.audit.record(manager, {
          actorId: null,
          action: 'user.update',
          targetType: 'user',
          targetId: promoted,
          details: { bootstrap: true, globalRole: 'admin' },
        });
        return promoted;
      }
      await this.audit.record(manager, {
        actorId: null,
        action: 'user.create',
        targetType: 'user',
        targetId: id,
        details: { bootstrap: true, globalRole: 'admin' },
      });
      return id;
    });
    if (created) this.logger.log(`bootstrap administrator ready (user ${created})`);
  }
}
