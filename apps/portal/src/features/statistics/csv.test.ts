import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv';

describe('CSV', () => {
  it('quotes only the fields that need it, doubling quotes', () => {
    expect(csvCell('Sri Lanka (LKA)')).toBe('Sri Lanka (LKA)');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('Korea, Republic of (KOR)')).toBe('"Korea, Republic of (KOR)"');
    expect(csvCell('the "A" list')).toBe('"the ""A"" list"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes records with CRLF after a byte order mark', () => {
    expect(
      toCsv([
        ['Nationality', 'Count'],
        ["Côte d'Ivoire (CIV)", 3],
        ['Total', 3],
      ]),
    ).toBe("\uFEFFNationality,Count\r\nCôte d'Ivoire (CIV),3\r\nTotal,3\r\n");
  });

  it('names the file by indicator, grouping and filters', () => {
    expect(csvFileName('refusal_of_entry', 'month')).toBe('rilon-refusal_of_entry-by-month.csv');
    expect(
      csvFileName('illegal_stay', 'nationality', {
        reportingCountry: 'THA',
        borderType: 'air',
        from: '2026-01',
      }),
    ).toBe('rilon-illegal_stay-by-nationality-from-THA-air-2026-01-to-end.csv');
  });
});

describe('the table as CSV', () => {
  it('has the header, each row as the table words it, and the total', async () => {
    const { seriesTable, tableCsvRows } = await import('./table-model');
    const model = seriesTable(
      'nationality',
      [
        { key: 'LKA', count: 40 },
        { key: 'XXA', count: 2 },
      ],
      {
        grouping: () => 'Nationality',
        key: (_, key) => (key === 'LKA' ? 'Sri Lanka (LKA)' : 'Stateless person (XXA)'),
        count: 'Count',
        total: 'Total',
      },
    );
    expect(model.total).toEqual(['Total', 42]);
    expect(toCsv(tableCsvRows(model))).toBe(
      '\uFEFFNationality,Count\r\nSri Lanka (LKA),40\r\nStateless person (XXA),2\r\nTotal,42\r\n',
    );
  });
});
