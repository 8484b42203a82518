import { ApiError } from '../../lib/api/problem';
import type { TeamRole } from './queries';

export interface MembershipAttempt {
  userId: string;
  meId: string | undefined;
  /** The role asked for (absent for a removal). */
  role?: TeamRole;
  /** The member's role as the page showed it. */
  previous?: TeamRole | null;
  asAdmin: boolean;
}

/**
 * Why a membership change was refused, as a catalogue key. The server's 403 has one
 * status for four rules; the page knows which one applies from what was attempted, so it
 * says what stands in the way instead of the server's generic words.
 */
export function membershipRefusal(error: unknown, attempt: MembershipAttempt): string {
  if (!(error instanceof ApiError)) return 'common:error.offline';
  switch (error.status) {
    case 403:
      if (attempt.userId === attempt.meId)
        return attempt.asAdmin ? 'refusal.ownAdmin' : 'refusal.own';
      if (attempt.asAdmin) return 'refusal.forbidden';
      if (attempt.role === 'lead') return 'refusal.grantLead';
      if (attempt.previous === 'lead') return 'refusal.touchLead';
      return 'refusal.notLead';
    case 404:
      return 'refusal.gone';
    case 429:
      return 'common:error.throttled';
    default:
      return 'common:error.generic';
  }
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A refusal as the form shows it, in words: messages on its fields, or one alert. */
export interface FormRefusal<F extends string> {
  byField: FieldErrors<F>;
  alert: string | null;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The server's 400 and 422 `errors[]` on the form's own fields (first message per field);
 * an error naming no field of the form is said in the alert with its field's name. Other
 * refusals are told by `explain` (the error → a catalogue key, on a field or for the form),
 * else in generic words.
 */
export function formRefusal<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: Translate,
  explain: (error: ApiError) => { field?: F; key: string } | undefined = () => undefined,
): FormRefusal<F> {
  if (!(error instanceof ApiError)) return { byField: {}, alert: t('common:error.offline') };
  const explained = explain(error);
  if (explained) {
    const text = t(explained.key, { detail: error.problem.detail ?? '' });
    return explained.field
      ? { byField: { [explained.field]: text } as FieldErrors<F>, alert: null }
      : { byField: {}, alert: text };
  }
  if ((error.status === 400 || error.status === 422) && error.fieldErrors.length > 0) {
    const byField: FieldErrors<F> = {};
    const elsewhere: string[] = [];
    for (const e of error.fieldErrors) {
      const field = fields.find((name) => name === e.field);
      if (field) byField[field] ??= e.message;
      else elsewhere.push(`${e.field}: ${e.message}`);
    }
    return { byField, alert: elsewhere.length > 0 ? elsewhere.join('; ') : null };
  }
  if (error.status === 429)
    return {
      byField: {},
      alert: t('common:error.throttled', { seconds: error.retryAfterSeconds ?? 60 }),
    };
  if (error.status >= 500) return { byField: {}, alert: t('common:error.unavailable') };
  return { byField: {}, alert: error.problem.detail ?? t('common:error.generic') };
}
