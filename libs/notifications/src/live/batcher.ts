/**
 * Gathers the calls made within one turn of the event loop into calls of `many` of at most
 * `maxBatch` keys each. A push names up to a thousand users, and each of their streams pulls
 * on its own (one at a time per stream, as before); their reads meet here, so a push costs a
 * few statements instead of two per stream. A failed batch fails each of its callers.
 */
export class Batcher<K, V> {
  private pending: Array<{
    key: K;
    resolve: (value: V) => void;
    reject: (error: unknown) => void;
  }> = [];

  constructor(
    private readonly many: (keys: K[]) => Promise<V[]>,
    private readonly maxBatch: number,
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      // setImmediate runs after the microtasks: every stream a message woke has asked by then.
      if (this.pending.push({ key, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const calls = this.pending;
    this.pending = [];
    for (let i = 0; i < calls.length; i += this.maxBatch) {
      const batch = calls.slice(i, i + this.maxBatch);
      let answer: Promise<V[]>;
      try {
        answer = this.many(batch.map((c) => c.key));
      } catch (error) {
        answer = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      answer.then(
        (values) => batch.forEach((c, j) => c.resolve(values[j])),
        (error: unknown) => batch.forEach((c) => c.reject(error)),
      );
    }
  }
}
