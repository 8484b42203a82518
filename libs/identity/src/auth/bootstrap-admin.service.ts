import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@rilon/audit';
import { APP_CONFIG, AppConfig, inTransaction, newId, queryRows } from '@rilon/core';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher';

/** Arbitrary but fixed: the advisory lock that serialises instances creating the first administrator. */
const BOOTSTRAP_LOCK = 724_311_001;

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
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { email, password, memberCode } = this.config.admin;
    if (!email || !password) return;
    const hash = await this.hasher.hash(password);
    const created = await inTransaction(this.dataSource, async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      const existing: unknown[] = await manager.query(
        "SELECT 1 FROM users WHERE global_role = 'admin' AND status = 'active' LIMIT 1",
      );
      if (existing.length > 0) return null;
      const id = newId();
      const rows: unknown[] = await manager.query(
        `INSERT INTO users (id, email, display_name, member_code, global_role, status, password_hash)
         VALUES ($1, $2, 'Administrator', $3, 'admin', 'active', $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [id, email, memberCode, hash],
      );
      if (rows.length === 0) {
        // The e-mail exists but is no administrator: promote it rather than fail start-up.
        const promoted = await queryRows<{ id: string }>(
          manager,
          "UPDATE users SET global_role = 'admin', status = 'active', updated_at = now() WHERE lower(email) = lower($1) RETURNING id",
          [email],
        );
        await this.audit.record(manager, {
          actorId: null,
          action: 'user.update',
          targetType: 'user',
          targetId: promoted[0]?.id ?? null,
          details: { bootstrap: true, globalRole: 'admin' },
        });
        return promoted[0]?.id ?? null;
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
