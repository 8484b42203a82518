import { QueryFailedError } from 'typeorm';
import { isForeignKeyViolation, isUniqueViolation } from './pg-errors';

/** A pg driver error as node-postgres throws it. */
const raw = (code: string, constraint: string) =>
  Object.assign(new Error('violates constraint'), { code, constraint });

/** The same error as TypeORM rethrows it. */
const wrapped = (code: string, constraint: string) =>
  new QueryFailedError('INSERT INTO t VALUES ($1)', [1], raw(code, constraint));

describe('constraint violations', () => {
  it.each([
    ['raw', raw],
    ['wrapped by TypeORM', wrapped],
  ])('names the unique index or foreign key that refused a row (%s)', (_, error) => {
    expect(isUniqueViolation(error('23505', 'uq_teams_name'), 'uq_teams_name')).toBe(true);
    expect(isUniqueViolation(error('23505', 'uq_other'), 'uq_teams_name')).toBe(false);
    expect(isUniqueViolation(error('23503', 'uq_teams_name'), 'uq_teams_name')).toBe(false);
    expect(isForeignKeyViolation(error('23503', 'fk_member'), 'fk_member')).toBe(true);
    expect(isForeignKeyViolation(error('23505', 'fk_member'), 'fk_member')).toBe(false);
    expect(isForeignKeyViolation(error('23503', 'fk_other'), 'fk_member')).toBe(false);
  });

  it('is false for anything that is not a PostgreSQL error', () => {
    for (const error of [null, undefined, 'text', new Error('boom'), { code: 23505 }])
      expect(isUniqueViolation(error, 'uq_teams_name')).toBe(false);
  });
});
