import { describe, expect, it } from 'vitest';
import { csvRecords } from './csv-records';
import { parseObservationsCsv } from './observations-csv';

const HEADER = 'indicator,nationality,borderType,count';

describe('csvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const { records } = csvRecords('a,"b, c","say ""hi""","two\nlines"\nx,y,z,w');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b, c', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['x', 'y', 'z', 'w'] },
    ]);
  });

  it('ends lines at CRLF, LF and CR alike, and drops a byte-order mark', () => {
    const { records } = csvRecords('\uFEFFa,b\r\nc,d\re,f\ng,h\r\n');
    expect(records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', 'h'],
    ]);
  });

  it('says where a quote was left open', () => {
    expect(csvRecords('a,b\n"c,d\n').openQuoteLine).toBe(2);
  });
});

describe('parseObservationsCsv', () => {
  it('reads rows with the header in any order and case, trimmed', () => {
    const csv =
      ' Count , BORDERTYPE,Nationality , indicator\n 42 , air , lka , Refusal_of_entry \n';
    expect(parseObservationsCsv(csv)).toEqual({
      rows: [
        {
          indicator: 'refusal_of_entry',
          nationality: 'LKA',
          borderType: 'air',
          count: '42',
          line: 2,
        },
      ],
      problems: [],
    });
  });

  it('accepts "border type" and "border_type" as the borderType column', () => {
    const csv = 'indicator,nationality,Border type,count\nillegal_stay,AFG,land,3';
    expect(parseObservationsCsv(csv).rows).toHaveLength(1);
    expect(parseObservationsCsv(csv.replace('Border type', 'border_type')).rows).toHaveLength(1);
  });

  it('skips blank lines and keeps the file line numbers', () => {
    const csv = `\n${HEADER}\r\n\r\nillegal_stay,AFG,land,3\r\n,,,\r\nillegal_stay,XXA,sea,0\r\n\r\n`;
    const { rows, problems } = parseObservationsCsv(csv);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([4, 6]);
  });

  it('takes quoted cells and a BOM from a spreadsheet export', () => {
    const csv = `\uFEFF"indicator","nationality","borderType","count"\r\n"asylum_application","XXB","inland","1200"\r\n`;
    expect(parseObservationsCsv(csv).rows[0]).toMatchObject({ nationality: 'XXB', count: '1200' });
  });

  it('reports every bad cell with its line, and imports nothing then', () => {
    const csv = [
      HEADER,
      'refusal_of_entry,LKA,air,42',
      'smuggled_goods,LKA,air,1',
      'illegal_stay,ZZZ,air,1',
      'illegal_stay,LKA,rail,1',
      'illegal_stay,LKA,air,-3',
      'illegal_stay,LKA,air,1.5',
      'illegal_stay,LKA,air,',
      'illegal_stay,LKA,air,1000000001',
    ].join('\n');
    const { rows, problems } = parseObservationsCsv(csv);
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 3, code: 'indicator', value: 'smuggled_goods' },
      { line: 4, code: 'nationality', value: 'ZZZ' },
      { line: 5, code: 'borderType', value: 'rail' },
      { line: 6, code: 'count', value: '-3' },
      { line: 7, code: 'count', value: '1.5' },
      { line: 8, code: 'count', value: '' },
      { line: 9, code: 'count', value: '1000000001' },
    ]);
  });

  it('names missing, unknown and repeated columns', () => {
    expect(parseObservationsCsv('indicator,nationality,count,notes\nx,y,1,z').problems).toEqual([
      { line: 1, code: 'unknownColumn', value: 'notes' },
      { line: 1, code: 'missingColumn', value: 'borderType' },
    ]);
    expect(parseObservationsCsv(`${HEADER},count\n`).problems).toEqual([
      { line: 1, code: 'repeatedColumn', value: 'count' },
    ]);
  });

  it('refuses rows with too few or too many cells (trailing empty cells are fine)', () => {
    const csv = `${HEADER}\nillegal_stay,LKA,air\nillegal_stay,LKA,air,1,extra\nillegal_stay,LKA,sea,1,,`;
    expect(parseObservationsCsv(csv).problems).toEqual([
      { line: 2, code: 'fieldCount', value: '3' },
      { line: 3, code: 'fieldCount', value: '5' },
    ]);
  });

  it('refuses an empty file, a header alone, an open quote and too many rows', () => {
    expect(parseObservationsCsv('\n\n').problems).toEqual([{ line: 1, code: 'empty' }]);
    expect(parseObservationsCsv(HEADER).problems).toEqual([{ line: 1, code: 'noRows' }]);
    expect(parseObservationsCsv(`${HEADER}\n"illegal_stay,LKA,air,1`).problems).toEqual([
      { line: 2, code: 'openQuote' },
    ]);
    const many = [
      HEADER,
      'illegal_stay,LKA,air,1',
      'illegal_stay,LKA,sea,1',
      'illegal_stay,LKA,land,1',
    ];
    expect(parseObservationsCsv(many.join('\n'), 2).problems).toEqual([
      { line: 4, code: 'tooManyRows', value: '2' },
    ]);
  });

  it('leaves duplicates in (they are flagged in the table, not refused here)', () => {
    const csv = `${HEADER}\nillegal_stay,LKA,air,1\nillegal_stay,lka,air,2`;
    expect(parseObservationsCsv(csv).rows).toHaveLength(2);
  });
});
