import { describe, expect, it } from 'vitest';
import { labelProblem, MAX_LABEL_LENGTH, taxiiDiscoveryUrl } from './taxii-keys';

describe('a TAXII key label', () => {
  it('is required, counted once trimmed, and at most 100 characters', () => {
    expect(labelProblem('')).toBe('taxii.labelRequired');
    expect(labelProblem('   ')).toBe('taxii.labelRequired');
    expect(labelProblem('OpenCTI')).toBeNull();
    expect(labelProblem(`  ${'x'.repeat(MAX_LABEL_LENGTH)}  `)).toBeNull();
    expect(labelProblem('x'.repeat(MAX_LABEL_LENGTH + 1))).toBe('taxii.labelLong');
  });

  it('names the TAXII discovery address on the portal’s own origin', () => {
    expect(taxiiDiscoveryUrl('https://rilon.example')).toBe('https://rilon.example/taxii2/');
  });
});
