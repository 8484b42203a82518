import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Entity and migration classes are registered by whoever builds the options. */
export interface DataSourceInputs {
  databaseUrl: string;
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  poolSize?: number;
  applicationName?: string;
}

/**
 * One options object for the API, the worker and the migration CLI. Every wait on
 * PostgreSQL is bounded so an outage answers 503 instead of hanging a request.
 */
export function buildDataSourceOptions(inputs: DataSourceInputs): DataSourceOptions {
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
    applicationName: inputs.applicationName ?? 'rilon',
    connectTimeoutMS: 3000,
    extra: {
      max: inputs.poolSize ?? 10,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      statement_timeout: 15000,
      query_timeout: 20000,
      idle_in_transaction_session_timeout: 30000,
      lock_timeout: 10000,
    },
  };
}
