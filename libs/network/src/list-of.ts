/** A list answer of the network services: reference lists come whole (`nextCursor: null`). */
export interface ListOf<T> {
  items: T[];
  nextCursor: string | null;
}
