import { taxiiUrl } from './taxii-paths';

describe('taxiiUrl', () => {
  it('drops the trailing slash of a TAXII path, keeping the query', () => {
    expect(taxiiUrl('/taxii2/')).toBe('/taxii2');
    expect(taxiiUrl('/taxii2/rilon/collections/')).toBe('/taxii2/rilon/collections');
    expect(taxiiUrl('/taxii2/rilon/collections/x/objects/?limit=5&next=a/')).toBe(
      '/taxii2/rilon/collections/x/objects?limit=5&next=a/',
    );
  });

  it('leaves every other path as it is', () => {
    for (const url of ['/api/v1/reports/', '/taxii2', '/taxii2/rilon', '/', '/taxii2x/', undefined])
      expect(taxiiUrl(url)).toBe(url ?? '/');
  });
});
