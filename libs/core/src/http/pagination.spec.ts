import { decodeCursor, encodeCursor, toPage } from './pagination';
import { ProblemException } from '../errors/problem.exception';

describe('cursor pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 'abc']), 2)).toEqual([
      '2026-01-01T00:00:00.000Z',
      'abc',
    ]);
  });

  it('answers null without a cursor and a 400 problem for garbage or the wrong arity', () => {
    expect(decodeCursor(undefined, 2)).toBeNull();
    expect(() => decodeCursor('%%%', 2)).toThrow(ProblemException);
    expect(() => decodeCursor(encodeCursor([1]), 2)).toThrow(ProblemException);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toThrow(
      ProblemException,
    );
  });

  it('trims the extra row and points the cursor at the last item', () => {
    const page = toPage([{ id: 3 }, { id: 2 }, { id: 1 }], 2, (row) => [row.id]);
    expect(page.items).toEqual([{ id: 3 }, { id: 2 }]);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual([2]);
    expect(toPage([{ id: 1 }], 2, (row) => [row.id]).nextCursor).toBeNull();
  });
});
