import { Batcher } from './batcher';

describe('Batcher', () => {
  it('answers the calls of one turn with one call per maxBatch keys, each its own value', async () => {
    const calls: number[][] = [];
    const batcher = new Batcher<number, number>((keys) => {
      calls.push(keys);
      return Promise.resolve(keys.map((k) => k * 10));
    }, 2);
    const answers = await Promise.all([1, 2, 3].map((k) => batcher.load(k)));
    expect(answers).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2], [3]]);
    // A later turn is a batch of its own.
    await expect(batcher.load(4)).resolves.toBe(40);
    expect(calls).toHaveLength(3);
  });

  it('fails every caller of a failed batch, and only those', async () => {
    let fail = true;
    const batcher = new Batcher<string, string>((keys) => {
      if (fail) throw new Error('the database is away');
      return Promise.resolve(keys);
    }, 10);
    const failed = await Promise.allSettled([batcher.load('a'), batcher.load('b')]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batcher.load('c')).resolves.toBe('c');
  });
});
