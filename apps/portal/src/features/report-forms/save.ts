import { api, unwrap, type Schemas } from '../../lib/api/client';
import type { ReportType } from './codes';
import { distributionFor, type Distribution } from './envelope-schema';
import type { ReportPayload } from './registry';

export type Action = 'draft' | 'submit' | 'publish' | 'amend';
type Report = Schemas['ReportDto'];

export type Outcome =
  | { ok: true; id: string }
  /** `saved`: the report exists (created or changed) but the submit or publish was refused. */
  | { ok: false; error: unknown; saved: string | null };

const ENVELOPE = [
  'title',
  'summary',
  'urgent',
  'sourceReliability',
  'informationCredibility',
  'tlp',
] as const;

function sameDistribution(a: Distribution, b: Distribution): boolean {
  const key = (d: Distribution) =>
    d === null
      ? ''
      : 'teamIds' in d
        ? `t:${[...d.teamIds].sort().join()}`
        : `u:${[...d.userIds].sort().join()}`;
  return key(a) === key(b);
}

/** The stored distribution in the form the request takes (AMBER's own team left out). */
function storedDistribution(report: Report): Distribution {
  return distributionFor(
    report.tlp,
    { teamIds: report.distribution?.teamIds ?? [], userIds: report.distribution?.userIds ?? [] },
    report.teamId,
  );
}

/** PATCH carries the envelope fields that changed and the whole body. */
export function changes(report: Report, payload: ReportPayload): Schemas['UpdateReportDto'] {
  const patch: Record<string, unknown> = {};
  for (const key of ENVELOPE) if (payload[key] !== report[key]) patch[key] = payload[key];
  const distribution = distributionFor(payload.tlp, payload.distribution, report.teamId);
  if ('tlp' in patch || !sameDistribution(distribution, storedDistribution(report)))
    patch.distribution = distribution;
  patch.body = payload.body;
  return patch;
}

async function transition(id: string, action: Action): Promise<void> {
  const path = { params: { path: { id } } };
  if (action === 'submit') await unwrap(api.POST('/api/v1/reports/{id}/submit', path));
  if (action === 'publish') await unwrap(api.POST('/api/v1/reports/{id}/publish', path));
}

/** New report: create the draft, then submit or publish it if asked. */
export async function createReport(
  type: ReportType,
  teamId: string,
  payload: ReportPayload,
  action: Action,
): Promise<Outcome> {
  const { distribution: lists, ...envelope } = payload;
  const distribution = distributionFor(payload.tlp, lists, teamId);
  let id: string;
  try {
    const created = await unwrap(
      api.POST('/api/v1/reports', {
        body: {
          ...envelope,
          type,
          teamId,
          ...(distribution ? { distribution } : {}),
          body: payload.body as Schemas['CreateReportDto']['body'],
        },
      }),
    );
    id = created.id;
  } catch (error) {
    return { ok: false, error, saved: null };
  }
  try {
    await transition(id, action);
    return { ok: true, id };
  } catch (error) {
    return { ok: false, error, saved: id };
  }
}

/** A draft or a published report (amendment): PATCH, then submit or publish a draft if asked. */
export async function updateReport(
  report: Report,
  payload: ReportPayload,
  action: Action,
): Promise<Outcome> {
  try {
    await unwrap(
      api.PATCH('/api/v1/reports/{id}', {
        params: { path: { id: report.id } },
        body: changes(report, payload),
      }),
    );
  } catch (error) {
    return { ok: false, error, saved: null };
  }
  try {
    await transition(report.id, action);
    return { ok: true, id: report.id };
  } catch (error) {
    return { ok: false, error, saved: report.id };
  }
}
