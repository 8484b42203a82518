import { acceptsTaxii } from './taxii-media-type';

describe('acceptsTaxii', () => {
  it.each([
    undefined,
    '',
    'application/taxii+json;version=2.1',
    'application/taxii+json; version="2.1"',
    'application/taxii+json',
    'text/html, application/taxii+json;version=2.1;q=0.9',
    '*/*',
    'application/*',
  ])('takes %p', (accept) => expect(acceptsTaxii(accept)).toBe(true));

  it.each([
    'application/json',
    'application/taxii+json;version=2.0',
    'application/vnd.oasis.taxii+json; version=2.0',
    'application/stix+json;version=2.1',
    'application/taxii+json;version=2.1;q=0',
    'text/html',
  ])('refuses %p', (accept) => expect(acceptsTaxii(accept)).toBe(false));
});
