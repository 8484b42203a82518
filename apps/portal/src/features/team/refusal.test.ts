import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/problem';
import { formRefusal, membershipRefusal } from './refusal';

const refused = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiError({ status, detail: 'server words', ...extra });
const t = (key: string, values?: Record<string, string | number>) =>
  values && Object.keys(values).length ? `${key} ${JSON.stringify(values)}` : key;

describe('membership refusals', () => {
  const base = { userId: 'u1', meId: 'me', asAdmin: false };

  it('tells which rule a 403 met, from what was attempted', () => {
    const forbidden = refused(403);
    expect(membershipRefusal(forbidden, { ...base, userId: 'me' })).toBe('refusal.own');
    expect(membershipRefusal(forbidden, { ...base, userId: 'me', asAdmin: true })).toBe(
      'refusal.ownAdmin',
    );
    expect(membershipRefusal(forbidden, { ...base, role: 'lead' })).toBe('refusal.grantLead');
    expect(membershipRefusal(forbidden, { ...base, role: 'observer', previous: 'lead' })).toBe(
      'refusal.touchLead',
    );
    expect(membershipRefusal(forbidden, { ...base, role: 'observer', previous: 'officer' })).toBe(
      'refusal.notLead',
    );
    expect(membershipRefusal(forbidden, { ...base, asAdmin: true })).toBe('refusal.forbidden');
  });

  it('says a vanished member or team, a throttle, and no connection', () => {
    expect(membershipRefusal(refused(404), base)).toBe('refusal.gone');
    expect(membershipRefusal(refused(429), base)).toBe('common:error.throttled');
    expect(membershipRefusal(new Error('offline'), base)).toBe('common:error.offline');
  });
});

describe('form refusals', () => {
  const fields = ['email', 'displayName'] as const;

  it('puts 400 errors on the fields they name, the first per field', () => {
    const error = refused(400, {
      errors: [
        { field: 'email', message: 'email must be an email' },
        { field: 'email', message: 'second' },
        { field: 'displayName', message: 'must not be blank' },
      ],
    });
    expect(formRefusal(error, fields, t)).toEqual({
      byField: { email: 'email must be an email', displayName: 'must not be blank' },
      alert: null,
    });
  });

  it('says an error for a field the form lacks in the alert, with its name', () => {
    const error = refused(400, { errors: [{ field: 'teamId', message: 'is not an active team' }] });
    expect(formRefusal(error, fields, t)).toEqual({
      byField: {},
      alert: 'teamId: is not an active team',
    });
  });

  it('lets the form explain a status, on a field or for the whole form', () => {
    const onField = formRefusal(refused(409), fields, t, (error) =>
      error.status === 409 ? { field: 'email', key: 'invite.taken' } : undefined,
    );
    expect(onField).toEqual({
      byField: { email: 'invite.taken {"detail":"server words"}' },
      alert: null,
    });
    const onForm = formRefusal(refused(403), fields, t, () => ({ key: 'invite.forbidden' }));
    expect(onForm.alert).toBe('invite.forbidden {"detail":"server words"}');
  });

  it('falls back to the server words, the throttle and the outage messages', () => {
    expect(formRefusal(refused(409), fields, t).alert).toBe('server words');
    expect(formRefusal(refused(503), fields, t).alert).toBe('common:error.unavailable');
    expect(formRefusal(refused(429), fields, t).alert).toBe(
      'common:error.throttled {"seconds":60}',
    );
  });
});
