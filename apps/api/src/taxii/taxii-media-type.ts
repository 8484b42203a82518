/** TAXII 2.1's media type (TAXII 2.1, section 1.6.8): every answer of /taxii2/ has it. */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

/** What a collection holds (TAXII 2.1, section 5.2: `media_types`). */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/**
 * Whether an Accept header takes TAXII 2.1: `application/taxii+json` with version 2.1 or no
 * version, or a wildcard (`*\/*`, `application/*`), or no header at all. Anything else (plain
 * JSON, TAXII 2.0, a q of 0) is a 406.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const values = new Map(
      params.map((p) => {
        const [k, v = ''] = p.split('=').map((x) => x.trim().replace(/^"|"$/g, ''));
        return [k, v] as const;
      }),
    );
    if (values.has('q') && Number(values.get('q')) === 0) return false;
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = values.get('version');
    return version === undefined || version === '2.1';
  });
}
