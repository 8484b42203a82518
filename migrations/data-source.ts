import { AUDIT_ENTITIES } from '@rilon/audit';
import { buildDataSourceOptions, OutboxEventEntity } from '@rilon/core';
import { IDENTITY_ENTITIES } from '@rilon/identity';
import { NETWORK_ENTITIES } from '@rilon/network';
import { NOTIFICATIONS_ENTITIES } from '@rilon/notifications';
import { REPORTS_ENTITIES } from '@rilon/reports';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './index';

export const ENTITIES = [
  OutboxEventEntity,
  ...AUDIT_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...NETWORK_ENTITIES,
  ...REPORTS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
];

/** The options both apps, the tests and the migration CLI use. */
export function rilonDataSourceOptions(
  databaseUrl: string,
  applicationName?: string,
  poolSize?: number,
  statementTimeoutMs?: number,
  maxTransactionSeconds?: number,
): DataSourceOptions {
  return buildDataSourceOptions({
    databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    applicationName,
    poolSize,
    statementTimeoutMs,
    maxTransactionSeconds,
  });
}
