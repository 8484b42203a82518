import { describe, expect, it } from 'vitest';
import { canExportStix, stixFileName } from './StixDownload';

describe('the STIX download', () => {
  it('is offered for published and withdrawn reports, never for RED or unpublished ones', () => {
    expect(canExportStix({ status: 'published', tlp: 'GREEN' })).toBe(true);
    expect(canExportStix({ status: 'withdrawn', tlp: 'AMBER+STRICT' })).toBe(true);
    expect(canExportStix({ status: 'published', tlp: 'RED' })).toBe(false);
    expect(canExportStix({ status: 'draft', tlp: 'CLEAR' })).toBe(false);
    expect(canExportStix({ status: 'submitted', tlp: 'CLEAR' })).toBe(false);
  });

  it('saves the bundle under the report id', () => {
    expect(stixFileName('0190b6f0-0000-7000-8000-000000000001')).toBe(
      'rilon-report-0190b6f0-0000-7000-8000-000000000001.stix.json',
    );
  });
});
