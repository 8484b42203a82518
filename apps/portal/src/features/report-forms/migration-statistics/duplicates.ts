import type { ObservationRow } from './observations-csv';

/** Rows that share (indicator, nationality, borderType): the server takes one figure each. */
export interface DuplicateGroup {
  indicator: string;
  nationality: string;
  borderType: string;
  /** Positions in the list, in order; the first is the one a merge keeps. */
  indexes: number[];
}

type Key = Pick<ObservationRow, 'indicator' | 'nationality' | 'borderType'>;

/** The key as the server will compare it (nationalities are sent in capitals). */
function keyOf(row: Key): string | null {
  const nationality = row.nationality.trim().toUpperCase();
  if (!row.indicator || !nationality || !row.borderType) return null;
  return `${row.indicator}\u0000${nationality}\u0000${row.borderType}`;
}

export function findDuplicates(rows: readonly Key[]): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  rows.forEach((row, index) => {
    const key = keyOf(row);
    if (key === null) return;
    const group = groups.get(key);
    if (group) group.indexes.push(index);
    else
      groups.set(key, {
        indicator: row.indicator,
        nationality: row.nationality.trim().toUpperCase(),
        borderType: row.borderType,
        indexes: [index],
      });
  });
  return [...groups.values()].filter((g) => g.indexes.length > 1);
}

/**
 * Merges each group into its first row with the counts summed. A group with a count that
 * is not a whole number stays as it is (a sum would hide the typo); `kept` counts those.
 */
export function mergeDuplicates(rows: readonly ObservationRow[]): {
  rows: ObservationRow[];
  merged: number;
  kept: number;
} {
  const drop = new Set<number>();
  const sums = new Map<number, string>();
  let merged = 0;
  let kept = 0;
  for (const group of findDuplicates(rows)) {
    const counts = group.indexes.map((i) => (rows[i]?.count ?? '').trim());
    if (!counts.every((c) => /^\d+$/.test(c))) {
      kept++;
      continue;
    }
    merged++;
    const [first, ...rest] = group.indexes;
    sums.set(first as number, String(counts.reduce((sum, c) => sum + Number(c), 0)));
    rest.forEach((i) => drop.add(i));
  }
  const out = rows
    .map((row, i) => (sums.has(i) ? { ...row, count: sums.get(i) as string } : row))
    .filter((_, i) => !drop.has(i));
  return { rows: out, merged, kept };
}
