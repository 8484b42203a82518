import { deadlinePassed } from './enrolment-deadline';

describe('deadlinePassed', () => {
  it('keeps the deadline day open until midnight UTC', () => {
    expect(deadlinePassed('2026-03-10', new Date('2026-03-10T00:00:00Z'))).toBe(false);
    expect(deadlinePassed('2026-03-10', new Date('2026-03-10T23:59:59.999Z'))).toBe(false);
    expect(deadlinePassed('2026-03-10', new Date('2026-03-11T00:00:00Z'))).toBe(true);
    expect(deadlinePassed('2026-03-10', new Date('2026-03-09T12:00:00Z'))).toBe(false);
  });

  it('treats a missing or malformed deadline as passed', () => {
    expect(deadlinePassed(null, new Date('2020-01-01T00:00:00Z'))).toBe(true);
    expect(deadlinePassed('10/03/2026', new Date('2020-01-01T00:00:00Z'))).toBe(true);
  });
});
