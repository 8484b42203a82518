import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/problem';
import {
  deadlinePassed,
  decisionRefusal,
  readRequestForm,
  requestRefusal,
  seatCount,
} from './offer-rules';

const refused = (status: number, extra: object = {}) =>
  new ApiError({ status, title: 'x', detail: 'server words', ...extra });

describe('application deadline', () => {
  it('takes requests until the end of the deadline day in UTC', () => {
    expect(deadlinePassed('2027-02-01', new Date('2027-02-01T23:59:59Z'))).toBe(false);
    expect(deadlinePassed('2027-02-01', new Date('2027-02-02T00:00:00Z'))).toBe(true);
  });
  it('counts a missing or malformed deadline as passed', () => {
    expect(deadlinePassed(undefined, new Date())).toBe(true);
    expect(deadlinePassed('1 Feb', new Date())).toBe(true);
  });
});

describe('seats', () => {
  it('counts accepted seats and pending requests, never fewer than none left', () => {
    expect(
      seatCount(20, [
        { seats: 2, status: 'accepted' },
        { seats: 3, status: 'pending' },
        { seats: 4, status: 'declined' },
        { seats: 1, status: 'accepted' },
      ]),
    ).toEqual({ seats: 20, accepted: 3, pending: 1, left: 17 });
    expect(seatCount(1, [{ seats: 2, status: 'accepted' }]).left).toBe(0);
  });
});

describe('request form', () => {
  it('takes 1 to 10 whole seats and an optional note', () => {
    expect(readRequestForm({ seats: '2', note: '  ' })).toEqual({
      request: { seats: 2 },
      errors: {},
    });
    expect(readRequestForm({ seats: '10', note: ' two officers ' }).request).toEqual({
      seats: 10,
      note: 'two officers',
    });
  });
  it('refuses other seat counts and a long note on their fields', () => {
    for (const seats of ['0', '11', '2.5', '', 'two'])
      expect(readRequestForm({ seats, note: '' }).errors).toEqual({
        seats: 'request.seatsInvalid',
      });
    expect(readRequestForm({ seats: '1', note: 'x'.repeat(1001) }).errors).toEqual({
      note: 'request.noteTooLong',
    });
  });
});

describe('refusals', () => {
  it('explains each refused request in words', () => {
    expect(requestRefusal(refused(409))).toBe('request.already');
    expect(requestRefusal(refused(422))).toBe('request.late');
    expect(requestRefusal(refused(403))).toBe('request.observer');
    expect(requestRefusal(refused(404))).toBe('request.gone');
    expect(requestRefusal(refused(400, { errors: [{ field: 'seats', message: 'x' }] }))).toBe(null);
    expect(requestRefusal(new TypeError('fetch failed'))).toBe('common:error.offline');
  });

  it('tells a full offer from a request decided meanwhile', () => {
    const count = seatCount(1, [{ seats: 1, status: 'accepted' }]);
    expect(decisionRefusal(refused(409), { id: 'e', seats: 1, status: 'pending' }, count)).toEqual({
      kind: 'full',
      seats: 1,
      left: 0,
      asked: 1,
    });
    expect(decisionRefusal(refused(409), { id: 'e', seats: 1, status: 'declined' }, count)).toEqual(
      { kind: 'decided', status: 'declined' },
    );
    expect(
      decisionRefusal(refused(409), { id: 'e', seats: 1, status: 'pending' }, seatCount(5, [])),
    ).toEqual({ kind: 'other', key: 'decide.conflict', detail: 'server words' });
  });
});
