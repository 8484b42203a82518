import { ApiError } from '../../lib/api/problem';

/**
 * The rules of a training offer the page applies before asking the server (which stays
 * the authority): the deadline, the seats, the request form, and what each refusal means.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** As the server: requests are taken until the end of the deadline day in UTC. */
export function deadlinePassed(deadline: string | null | undefined, now: Date): boolean {
  const match = deadline ? DATE.exec(deadline) : null;
  if (!match) return true;
  const end = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + DAY_MS;
  return now.getTime() >= end;
}

export interface EnrolmentLike {
  seats: number;
  status: 'pending' | 'accepted' | 'declined';
}

export interface SeatCount {
  seats: number;
  accepted: number;
  pending: number;
  left: number;
}

/** Seats left, from every request of an offer (only its leads see them all). */
export function seatCount(seats: number, enrolments: readonly EnrolmentLike[]): SeatCount {
  let accepted = 0;
  let pending = 0;
  for (const e of enrolments) {
    if (e.status === 'accepted') accepted += e.seats;
    if (e.status === 'pending') pending += 1;
  }
  return { seats, accepted, pending, left: Math.max(0, seats - accepted) };
}

export const MAX_SEATS = 10;
export const MAX_NOTE = 1000;

export type RequestErrors = Partial<Record<'seats' | 'note', string>>;

/** The request form's values, or the errors on its fields (as keys of the catalogue). */
export function readRequestForm(values: { seats: string; note: string }): {
  request: { seats: number; note?: string } | null;
  errors: RequestErrors;
} {
  const errors: RequestErrors = {};
  const text = values.seats.trim();
  const seats = Number(text);
  if (!/^\d+$/.test(text) || seats < 1 || seats > MAX_SEATS) errors.seats = 'request.seatsInvalid';
  const note = values.note.trim();
  if (note.length > MAX_NOTE) errors.note = 'request.noteTooLong';
  if (Object.keys(errors).length > 0) return { request: null, errors };
  return { request: note ? { seats, note } : { seats }, errors };
}

/** What a refused request means for the person, as a key of the catalogue (null: fields). */
export function requestRefusal(error: unknown): string | null {
  if (!(error instanceof ApiError)) return 'common:error.offline';
  switch (error.status) {
    case 400:
      return error.fieldErrors.length > 0 ? null : 'common:error.generic';
    case 403:
      return 'request.observer';
    case 404:
      return 'request.gone';
    case 409:
      return 'request.already';
    case 422:
      return 'request.late';
    case 429:
      return 'common:error.throttled';
    default:
      return 'common:error.generic';
  }
}

export type DecisionRefusal =
  | { kind: 'decided'; status: 'accepted' | 'declined' }
  | { kind: 'full'; seats: number; left: number; asked: number }
  | { kind: 'other'; key: string; detail?: string };

/**
 * Why accepting or declining was refused (409), told from the offer's requests as read
 * again after the refusal: decided meanwhile, or not enough seats left. The server's words
 * are kept for any other conflict (the offer no longer published).
 */
export function decisionRefusal(
  error: unknown,
  enrolment: (EnrolmentLike & { id: string }) | undefined,
  count: SeatCount,
): DecisionRefusal {
  if (!(error instanceof ApiError)) return { kind: 'other', key: 'common:error.offline' };
  if (error.status === 403) return { kind: 'other', key: 'decide.forbidden' };
  if (error.status === 404) return { kind: 'other', key: 'decide.gone' };
  if (error.status !== 409) return { kind: 'other', key: 'common:error.generic' };
  if (enrolment && enrolment.status !== 'pending')
    return { kind: 'decided', status: enrolment.status };
  if (enrolment && enrolment.seats > count.left)
    return { kind: 'full', seats: count.seats, left: count.left, asked: enrolment.seats };
  return { kind: 'other', key: 'decide.conflict', detail: error.problem.detail ?? '' };
}
