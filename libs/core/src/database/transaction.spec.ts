import type { DataSource, EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { inTransaction } from './transaction';

function pgError(code: string, message: string): QueryFailedError {
  return new QueryFailedError(
    'UPDATE t SET x = $1',
    [1],
    Object.assign(new Error(message), { code }),
  );
}

const deadlock = () => pgError('40P01', 'deadlock detected');

/** A data source whose transactions fail with the given errors, in turn, then succeed. */
function dataSourceFailing(...failures: Error[]) {
  const attempts: number[] = [];
  const dataSource = {
    transaction: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      attempts.push(attempts.length + 1);
      const result = await work({} as EntityManager);
      const failure = failures.shift();
      if (failure) throw failure;
      return result;
    },
  } as unknown as DataSource;
  return { dataSource, attempts };
}

describe('inTransaction', () => {
  it('runs the work once when it commits', async () => {
    const { dataSource, attempts } = dataSourceFailing();
    await expect(inTransaction(dataSource, () => Promise.resolve('done'))).resolves.toBe('done');
    expect(attempts).toEqual([1]);
  });

  it('runs a deadlocked transaction once more, afresh', async () => {
    const { dataSource, attempts } = dataSourceFailing(deadlock());
    const work = jest.fn(() => Promise.resolve('second'));
    await expect(inTransaction(dataSource, work)).resolves.toBe('second');
    expect(attempts).toEqual([1, 2]);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('gives up after a second deadlock, with the deadlock', async () => {
    const { dataSource, attempts } = dataSourceFailing(deadlock(), deadlock(), deadlock());
    await expect(inTransaction(dataSource, () => Promise.resolve(1))).rejects.toMatchObject({
      code: '40P01',
    });
    expect(attempts).toEqual([1, 2]);
  });

  it('retries nothing else: a lock timeout, a conflict, a thrown rule', async () => {
    for (const error of [
      pgError('55P03', 'canceling statement due to lock timeout'),
      pgError('23505', 'duplicate key value violates unique constraint'),
      new Error('a rule said no'),
    ]) {
      const { dataSource, attempts } = dataSourceFailing(error);
      await expect(inTransaction(dataSource, () => Promise.resolve(1))).rejects.toBe(error);
      expect(attempts).toEqual([1]);
    }
  });
});
