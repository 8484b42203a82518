/**
 * The grains of the statistics rollups (docs/architecture.md, "Statistics rollups"): which of
 * reporting country (c), nationality (n) and border type (b) a rollup row keeps, the others
 * summed away and stored as ''. The migration that builds the rollups and the repository that
 * reads them share these lists, so a grain the reader picks is one the triggers maintain.
 */
export type RollupDimension = 'c' | 'n' | 'b';

/** Kept per month (with the period): everything but country and nationality together. */
export const MONTH_GRAINS = ['', 'c', 'n', 'b', 'cb', 'nb'] as const;

/** Kept over all periods (no period at all): every non-empty grain. */
export const TOTAL_GRAINS = ['c', 'n', 'b', 'cn', 'cb', 'nb', 'cnb'] as const;

/** The grain that keeps exactly `dimensions`, in the fixed order c, n, b. */
export function grainOf(dimensions: ReadonlySet<RollupDimension>): string {
  return (['c', 'n', 'b'] as const).filter((d) => dimensions.has(d)).join('');
}
