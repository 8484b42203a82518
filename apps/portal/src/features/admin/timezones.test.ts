import { describe, expect, it } from 'vitest';
import { timeZoneGroups, zoneLabel } from './timezones';

describe('time zones', () => {
  it('groups zones by area, adds UTC and leaves out what the server refuses', () => {
    const groups = timeZoneGroups([
      'Asia/Jakarta',
      'Asia/Bangkok',
      'Australia/Perth',
      'EST',
      '+05:30',
    ]);
    expect(groups).toEqual([
      { area: 'Asia', zones: ['Asia/Bangkok', 'Asia/Jakarta'] },
      { area: 'Australia', zones: ['Australia/Perth'] },
      { area: 'UTC', zones: ['UTC'] },
    ]);
  });

  it('offers every zone of the runtime, three-part names included', () => {
    const zones = timeZoneGroups().flatMap((group) => group.zones);
    expect(zones).toContain('Asia/Bangkok');
    expect(zones).toContain('America/Argentina/Salta');
    expect(zones.length).toBeGreaterThan(300);
  });

  it('names a zone with its offset at a given time', () => {
    const january = new Date('2027-01-15T00:00:00Z');
    expect(zoneLabel('Asia/Bangkok', january)).toBe('Asia/Bangkok (UTC+07:00)');
    expect(zoneLabel('Asia/Ho_Chi_Minh', january)).toBe('Asia/Ho Chi Minh (UTC+07:00)');
    expect(zoneLabel('Asia/Kolkata', january)).toBe('Asia/Kolkata (UTC+05:30)');
    expect(zoneLabel('Europe/London', january)).toBe('Europe/London (UTC+00:00)');
    expect(zoneLabel('UTC', january)).toBe('UTC');
  });
});
