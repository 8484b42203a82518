import { encodePosition } from '@rilon/reports';
import { parseTaxiiQuery, TAXII_MAX_LIMIT } from './taxii-query';

describe('parseTaxiiQuery', () => {
  it('defaults to the last version of everything, a page of 100', () => {
    expect(parseTaxiiQuery({})).toEqual({
      limit: 100,
      types: [],
      ids: [],
      versions: { first: false, last: true, all: false, at: [] },
      noSpecVersion: false,
    });
  });

  it('reads comma-separated and repeated filters alike', () => {
    const id = 'report--6b0d2f5c-1d3e-5a4b-9c8d-7e6f5a4b3c2d';
    const q = parseTaxiiQuery({
      'match[type]': ['report,note', 'identity'],
      'match[id]': id,
      'match[version]': 'first,2026-12-02T10:00:00.000Z',
      'match[spec_version]': '2.0,2.1',
    });
    expect(q.types).toEqual(['report', 'note', 'identity']);
    expect(q.ids).toEqual([{ type: 'report', uuid: '6b0d2f5c-1d3e-5a4b-9c8d-7e6f5a4b3c2d' }]);
    expect(q.versions).toEqual({
      first: true,
      last: false,
      all: false,
      at: ['2026-12-02T10:00:00.000Z'],
    });
    expect(q.noSpecVersion).toBe(false);
    expect(parseTaxiiQuery({ 'match[spec_version]': '2.0' }).noSpecVersion).toBe(true);
  });

  it('caps limit and decodes next; the same next sent twice is fine', () => {
    const next = encodePosition({ dateAdded: '2026-12-02T10:00:00.000001Z', seq: '7' });
    const q = parseTaxiiQuery({ limit: '5000', next: [next, next] });
    expect(q.limit).toBe(TAXII_MAX_LIMIT);
    expect(q.after).toEqual({ dateAdded: '2026-12-02T10:00:00.000001Z', seq: '7' });
  });

  it.each([
    [{ added_after: 'yesterday' }],
    [{ added_after: ['2026-12-02T10:00:00Z', '2026-12-03T10:00:00Z'] }],
    [{ limit: '0' }],
    [{ limit: '-1' }],
    [{ limit: 'ten' }],
    [{ next: 'forged' }],
    [{ 'match[id]': 'report--not-a-uuid' }],
    [{ 'match[id]': "x' OR 1=1" }],
    [{ 'match[type]': 'Report' }],
    [{ 'match[version]': 'newest' }],
    [{ 'match[spec_version]': 'latest' }],
  ])('refuses %p with a 400', (raw) => {
    expect(() => parseTaxiiQuery(raw)).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ status: 400 }) }),
    );
  });
});
