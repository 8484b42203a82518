import { loadConfig } from '@rilon/core';
import { DataSource } from 'typeorm';
import { rilonDataSourceOptions } from './data-source';

/** For the TypeORM CLI (`npm run migration:generate`). */
export default new DataSource(rilonDataSourceOptions(loadConfig().databaseUrl, 'rilon-cli'));
