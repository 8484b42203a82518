import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAnnouncer } from '../../components/Announcer';
import { PageHeading } from '../../components/PageHeading';
import type { Schemas } from '../../lib/api/client';
import { isApiError } from '../../lib/api/problem';
import { useFormsT } from './use-forms-t';
import { abilitiesOf, useMe } from '../../lib/session/hooks';
import { NotFoundPage } from '../not-found';
import type { ReportFormValues } from './registry';
import { bodyValues } from './registry';
import type { Refusal } from './refusal';
import { ReportForm } from './ReportForm';
import type { Action } from './save';
import { useReport, useTeams } from './queries';

function valuesOf(report: Schemas['ReportDto']): ReportFormValues {
  return {
    title: report.title,
    summary: report.summary,
    urgent: report.urgent,
    sourceReliability: report.sourceReliability,
    informationCredibility: report.informationCredibility,
    tlp: report.tlp,
    distribution: {
      teamIds: report.distribution?.teamIds ?? [],
      userIds: report.distribution?.userIds ?? [],
    },
    body: bodyValues(report.type, report.body),
  };
}

/**
 * /reports/:id/edit: a draft (author or lead) or, for a lead of the authoring team, an
 * amendment of a published report. Submitted and withdrawn reports are not editable.
 */
export function EditReportPage() {
  const { id = '' } = useParams();
  const { t, common } = useFormsT();
  const location = useLocation();
  const navigate = useNavigate();
  const { toast } = useAnnouncer();
  // Read once: the refusal belongs to the arrival from the new-report page, not to reloads.
  const [refusal] = useState(
    () => (location.state as { refusal?: Refusal } | null)?.refusal ?? null,
  );
  const report = useReport(id);
  const me = useMe();
  const teams = useTeams();

  if (report.isPending || me.isPending)
    return (
      <p className="loading" role="status">
        {common('loading')}
      </p>
    );
  if (isApiError(report.error, 404)) return <NotFoundPage />;
  if (!report.data)
    return (
      <div className="alert" role="alert">
        {common('error.generic')}
      </div>
    );

  const r = report.data;
  const abilities = abilitiesOf(me.data);
  const lead = abilities.leadTeamIds.includes(r.teamId);
  // An author may have left the team since; the network's team list still names it.
  const teamName =
    me.data?.memberships.find((m) => m.teamId === r.teamId)?.teamName ??
    teams.data?.items.find((item) => item.id === r.teamId)?.name ??
    '';
  const amend = r.status === 'published';
  const locked = r.status === 'submitted' || r.status === 'withdrawn' || (amend && !lead);
  const title = locked
    ? t('edit.lockedTitle')
    : amend
      ? t('edit.amendTitle')
      : t('edit.draftTitle');
  const heading = <PageHeading title={title}>{title}</PageHeading>;
  const back = <Link to={`/reports/${r.id}`}>{t('edit.back', { title: r.title })}</Link>;

  if (locked)
    return (
      <>
        {heading}
        <p className="notice">{t(`edit.locked.${amend ? 'notLead' : r.status}`)}</p>
        <p>{back}</p>
      </>
    );

  const actions: Action[] = amend
    ? ['amend']
    : [
        'draft',
        ...(me.data?.id === r.authorId ? (['submit'] as const) : []),
        ...(lead ? (['publish'] as const) : []),
      ];
  return (
    <>
      {heading}
      <dl className="summary-list">
        <dt>{t('step.type')}</dt>
        <dd>{common(`type.${r.type}`)}</dd>
        <dt>{t('step.team')}</dt>
        <dd>{teamName}</dd>
        <dt>{t('edit.status')}</dt>
        <dd>{t('edit.version', { status: common(`status.${r.status}`), version: r.version })}</dd>
      </dl>
      {amend ? <p className="notice">{t('edit.amendNotice')}</p> : null}
      {refusal && !amend ? <p className="notice">{t('saved.draftKept')}</p> : null}
      {r.returnComment && !amend ? (
        <div className="notice">
          <p>{t('edit.returned')}</p>
          <p className="user-text" dir="auto">
            {r.returnComment}
          </p>
        </div>
      ) : null}
      <ReportForm
        type={r.type}
        team={{ id: r.teamId, name: teamName }}
        defaultValues={valuesOf(r)}
        report={r}
        actions={actions}
        initialRefusal={refusal}
        onSaved={(saved, action) => {
          toast(t(`saved.${action}`));
          void navigate(`/reports/${saved}`);
        }}
        onCreatedButRefused={() => undefined}
      />
      <p>{back}</p>
    </>
  );
}
