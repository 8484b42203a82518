import { describe, expect, it } from 'vitest';
import { findDuplicates, mergeDuplicates } from './duplicates';

const row = (indicator: string, nationality: string, borderType: string, count: string) => ({
  indicator,
  nationality,
  borderType,
  count,
});

describe('findDuplicates', () => {
  it('groups rows sharing indicator, nationality and border type', () => {
    const rows = [
      row('illegal_stay', 'LKA', 'air', '1'),
      row('illegal_stay', 'LKA', 'sea', '1'),
      row('illegal_stay', ' lka', 'air', '2'),
      row('refusal_of_entry', 'LKA', 'air', '1'),
      row('illegal_stay', 'LKA', 'air', '5'),
    ];
    expect(findDuplicates(rows)).toEqual([
      { indicator: 'illegal_stay', nationality: 'LKA', borderType: 'air', indexes: [0, 2, 4] },
    ]);
  });

  it('ignores rows still being filled in', () => {
    expect(findDuplicates([row('', 'LKA', 'air', '1'), row('', 'LKA', 'air', '1')])).toEqual([]);
    expect(
      findDuplicates([row('illegal_stay', '', 'air', ''), row('illegal_stay', '', 'air', '')]),
    ).toEqual([]);
  });
});

describe('mergeDuplicates', () => {
  it('sums each group into its first row and keeps the order', () => {
    const rows = [
      row('illegal_stay', 'LKA', 'air', '1'),
      row('illegal_stay', 'AFG', 'air', '7'),
      row('illegal_stay', 'LKA', 'air', '2'),
      row('illegal_stay', 'AFG', 'air', '3'),
      row('asylum_application', 'AFG', 'air', '4'),
    ];
    expect(mergeDuplicates(rows)).toEqual({
      rows: [
        row('illegal_stay', 'LKA', 'air', '3'),
        row('illegal_stay', 'AFG', 'air', '10'),
        row('asylum_application', 'AFG', 'air', '4'),
      ],
      merged: 2,
      kept: 0,
    });
  });

  it('keeps a group whose counts are not all whole numbers', () => {
    const rows = [row('illegal_stay', 'LKA', 'air', '1'), row('illegal_stay', 'LKA', 'air', 'x')];
    expect(mergeDuplicates(rows)).toEqual({ rows, merged: 0, kept: 1 });
  });
});
