/** The STIX 2.1 media type (STIX 2.1, section 1.4; TAXII 2.1, section 1.6.8.2). */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/**
 * The media type of an export: STIX's own unless the caller asks for plain JSON only
 * (a browser download, a script), which gets the same document as `application/json`.
 */
export function stixMediaType(accept: string | undefined): string {
  const asked = (accept ?? '').toLowerCase();
  if (asked.includes('application/stix+json') || !asked.includes('application/json'))
    return STIX_MEDIA_TYPE;
  return 'application/json; charset=utf-8';
}
