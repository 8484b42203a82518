import type { FieldError } from '../../lib/api/problem';
import { ApiError } from '../../lib/api/problem';
import { fieldErrorsOf } from '../../lib/forms';
import type { Translate } from './schema-parts';

/**
 * A server refusal in a form that survives a navigation (router state): after a draft is
 * created and its submit refused, the edit page shows the same errors.
 */
export interface Refusal {
  status: number;
  errors: FieldError[];
  /** The words for what no field takes (a conflict, a lost connection...). */
  message: string | null;
  /** A 409 for a second official figure names the published one, when the caller may read it. */
  existingReportId: string | null;
}

/** The refusal in words: field errors from 400 and 422, otherwise one message (common.json). */
export function refusalOf(error: unknown, t: Translate, common: Translate): Refusal {
  const errors = fieldErrorsOf(error);
  if (!(error instanceof ApiError))
    return {
      status: 0,
      errors: [],
      message: common(error instanceof TypeError ? 'error.offline' : 'error.generic'),
      existingReportId: null,
    };
  const detail = error.problem.detail ?? error.problem.title ?? '';
  let message: string | null = null;
  if (errors.length === 0 || error.status === 422) {
    if (error.status === 403) message = common('error.forbidden');
    else if (error.status === 409) message = t('refusal.conflict', { detail });
    else if (error.status === 429)
      message = common('error.throttled', { seconds: error.retryAfterSeconds ?? 60 });
    else if (error.status >= 500) message = common('error.unavailable');
    else message = detail || common('error.generic');
  }
  const existing = error.problem.existingReportId;
  return {
    status: error.status,
    errors,
    message,
    existingReportId: typeof existing === 'string' ? existing : null,
  };
}
