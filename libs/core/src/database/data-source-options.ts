import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Entity and migration classes are registered by whoever builds the options. */
export interface DataSourceInputs {
  databaseUrl: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  poolSize?: number;
  applicationName?: string;
  /**
   * The longest one statement may run, in ms; 0 for none (migrations). The API keeps it
   * short so that a stuck database answers 503 within seconds; the worker's fan-out to a
   * large audience needs longer.
   */
  statementTimeoutMs?: number;
  /**
   * MAX_TRANSACTION_SECONDS, told to PostgreSQL per connection: an audit row that would
   * commit later than that (less a margin) is refused at COMMIT by a deferred trigger.
   */
  maxTransactionSeconds?: number;
}

/** Statement bounds per process. */
export const STATEMENT_TIMEOUTS = { api: 8000, worker: 60000, migrate: 0 } as const;

/**
 * One options object for the API, the worker and the migration CLI. Every wait on
 * PostgreSQL is bounded so an outage answers 503 instead of hanging a request.
 */
export function buildDataSourceOptions(inputs: DataSourceInputs): DataSourceOptions {
  const statement = inputs.statementTimeoutMs ?? STATEMENT_TIMEOUTS.api;
  // The client-side bound also covers a half-open connection the server never answers on.
  const bounds =
    statement > 0
      ? {
          statement_timeout: statement,
          query_timeout: statement + 2000,
          lock_timeout: Math.min(statement, 10000),
        }
      : {};
  // Per connection: the audit commit deadline, and no parallel plans for the apps. Their
  // statements are short and many run at once on few cores: starting workers for a page of
  // 50 rows cost more than it saved (a 2,040-row search walk took 12 ms to start its
  // Gather Merge at 10^6 reports; docs/architecture.md, "Lists at scale").
  const settings = [
    ...(inputs.maxTransactionSeconds
      ? [`-c rilon.max_transaction_seconds=${inputs.maxTransactionSeconds}`]
      : []),
    ...(statement > 0 ? ['-c max_parallel_workers_per_gather=0'] : []),
  ];
  return {
    type: 'postgres',
    url: inputs.databaseUrl,
    entities: inputs.entities,
    migrations: inputs.migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: inputs.applicationName ?? 'rilon',
    connectTimeoutMS: 3000,
    extra: {
      max: inputs.poolSize ?? 10,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      idle_in_transaction_session_timeout: 30000,
      ...(settings.length ? { options: settings.join(' ') } : {}),
      ...bounds,
    },
  };
}
