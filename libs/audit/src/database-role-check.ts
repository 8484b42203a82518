import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ConfigError } from '@rilon/core';
import { DatabaseRoleRepository } from './database-role.repository';

/**
 * The apps must not connect as the owner of the tables (or a superuser): the owner can
 * disable the audit log's triggers and rewrite it. Production refuses to start so; other
 * environments are told once.
 */
@Injectable()
export class DatabaseRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseRoleCheck.name);

  constructor(
    private readonly roles: DatabaseRoleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const row = await this.roles.connectedRole();
    if (!row || (!row.superuser && !row.owner)) return;
    const message = `DATABASE_URL connects as ${row.superuser ? 'a superuser' : 'the owner of the tables'} ("${row.user}"), who could rewrite the audit log: connect as a member of rilon_runtime and give the owner to MIGRATION_DATABASE_URL (README, "Database roles")`;
    if (this.config.nodeEnv === 'production') throw new ConfigError(message);
    this.logger.warn(message);
  }
}
