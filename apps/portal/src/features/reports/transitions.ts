import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { ApiError, type FieldError } from '../../lib/api/problem';
import type { Report } from './codes';
import { reportKeys } from './queries';

export type TransitionName = 'submit' | 'return' | 'publish' | 'withdraw';

export interface TransitionRequest {
  id: string;
  action: TransitionName;
  /** The return comment or the withdrawal reason. */
  text?: string;
}

function send({ id, action, text = '' }: TransitionRequest): Promise<Report> {
  const path = { path: { id } };
  switch (action) {
    case 'submit':
      return unwrap(api.POST('/api/v1/reports/{id}/submit', { params: path }));
    case 'publish':
      return unwrap(api.POST('/api/v1/reports/{id}/publish', { params: path }));
    case 'return':
      return unwrap(
        api.POST('/api/v1/reports/{id}/return', { params: path, body: { comment: text } }),
      );
    case 'withdraw':
      return unwrap(
        api.POST('/api/v1/reports/{id}/withdraw', { params: path, body: { reason: text } }),
      );
  }
}

/** One lifecycle step; afterwards the report, its history and every list are read again. */
export function useReportTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (report) => {
      queryClient.setQueryData(reportKeys.report(report.id), report);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reportKeys.report(report.id) }),
        queryClient.invalidateQueries({ queryKey: reportKeys.lists }),
      ]);
    },
    onError: async (error, request) => {
      // 404: the report is gone for this caller (withdrawn access, deleted team role); the
      // view reads it again and becomes the Not found page, the lists drop it.
      if (error instanceof ApiError && error.status === 404)
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: reportKeys.report(request.id) }),
          queryClient.invalidateQueries({ queryKey: reportKeys.lists }),
        ]);
    },
  });
}

/** How a refused step is shown: on fields, as an alert, or as a toast. */
export type Refusal =
  | { kind: 'fields'; errors: FieldError[] }
  | { kind: 'conflict'; detail: string; existingReportId: string | null }
  | { kind: 'forbidden' }
  | { kind: 'gone' }
  | { kind: 'failed' };

export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ApiError)) return { kind: 'failed' };
  const { status, problem } = error;
  if ((status === 422 || status === 400) && error.fieldErrors.length > 0)
    return { kind: 'fields', errors: error.fieldErrors };
  if (status === 409 || status === 422) {
    const existing = problem.existingReportId;
    return {
      kind: 'conflict',
      detail: problem.detail ?? problem.title ?? '',
      existingReportId: typeof existing === 'string' ? existing : null,
    };
  }
  if (status === 403) return { kind: 'forbidden' };
  if (status === 404) return { kind: 'gone' };
  return { kind: 'failed' };
}
