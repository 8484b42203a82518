import { Logger } from '@nestjs/common';
import { buildDataSourceOptions, inTransaction, toProblem } from '@rilon/core';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/harness';

jest.setTimeout(60000);

/** Real PostgreSQL deadlocks and lock timeouts, as the transaction helper and filter see them. */
describe('lock contention on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const quiet = { error: jest.fn() } as unknown as Logger;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      buildDataSourceOptions({ databaseUrl: database.url, entities: [], migrations: [] }),
    );
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE contention_probe (id int PRIMARY KEY, n int NOT NULL)');
    await dataSource.query('INSERT INTO contention_probe VALUES (1, 0), (2, 0)');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('runs the transaction PostgreSQL chose as deadlock victim once more: both commit', async () => {
    let runs = 0;
    const crossing = (first: number, second: number) =>
      inTransaction(dataSource, async (m) => {
        runs += 1;
        await m.query('UPDATE contention_probe SET n = n + 1 WHERE id = $1', [first]);
        await m.query('SELECT pg_sleep(0.3)');
        await m.query('UPDATE contention_probe SET n = n + 1 WHERE id = $1', [second]);
      });
    await Promise.all([crossing(1, 2), crossing(2, 1)]);
    expect(runs).toBe(3);
    const rows: Array<{ n: number }> = await dataSource.query(
      'SELECT n FROM contention_probe ORDER BY id',
    );
    expect(rows).toEqual([{ n: 2 }, { n: 2 }]);
  });

  it('answers a lock wait beyond lock_timeout with 503 and Retry-After', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('SELECT * FROM contention_probe WHERE id = 1 FOR UPDATE');
      const error = await inTransaction(dataSource, async (m) => {
        await m.query(`SET LOCAL lock_timeout = '200ms'`);
        await m.query('SELECT * FROM contention_probe WHERE id = 1 FOR UPDATE');
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: '55P03' });
      const { body, headers } = toProblem(error, '/api/v1/reports/x/publish', quiet);
      expect(body).toMatchObject({ status: 503, type: '/problems/unavailable' });
      expect(headers['retry-after']).toBe('1');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
