import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAnnouncer } from '../../components/Announcer';
import { PageHeading } from '../../components/PageHeading';
import { useFormsT } from './use-forms-t';
import { abilitiesOf, useMe } from '../../lib/session/hooks';
import { REPORT_TYPES, type ReportType } from './codes';
import { emptyEnvelope } from './envelope-schema';
import { emptyBody } from './registry';
import { ReportForm } from './ReportForm';
import { TypeStep, type AuthorTeam } from './TypeStep';

/**
 * /reports/new: step 1 picks the type and the team (kept in the URL, so Back returns to
 * it), step 2 is the type's form. Only officers and leads author; others are told why.
 */
export function NewReportPage() {
  const { t, common } = useFormsT();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { toast } = useAnnouncer();
  const heading = <PageHeading title={t('new.title')}>{t('new.title')}</PageHeading>;
  if (me.isPending)
    return (
      <p className="loading" role="status">
        {common('loading')}
      </p>
    );
  const abilities = abilitiesOf(me.data);
  const teams: AuthorTeam[] = (me.data?.memberships ?? [])
    .filter((m) => abilities.authorTeamIds.includes(m.teamId))
    .map((m) => ({ id: m.teamId, name: m.teamName, lead: m.role === 'lead' }));
  if (teams.length === 0)
    return (
      <>
        {heading}
        <p className="notice">{t('new.cannotAuthor')}</p>
        <p>
          <Link to="/reports">{t('new.toReports')}</Link>
        </p>
      </>
    );

  const typeParam = params.get('type');
  const type = (REPORT_TYPES as readonly string[]).includes(typeParam ?? '')
    ? (typeParam as ReportType)
    : null;
  const team = teams.find((item) => item.id === params.get('team')) ?? null;
  if (!type || !team)
    return (
      <>
        {heading}
        <p className="lede">{t('new.lede')}</p>
        <TypeStep
          teams={teams}
          type={type}
          teamId={team?.id ?? null}
          onChoose={(ty, id) => setParams({ type: ty, team: id })}
        />
      </>
    );

  return (
    <>
      {heading}
      <dl className="summary-list">
        <dt>{t('step.type')}</dt>
        <dd>
          {common(`type.${type}`)}{' '}
          <Link to={`/reports/new?team=${team.id}`}>{t('step.change')}</Link>
        </dd>
        <dt>{t('step.team')}</dt>
        <dd>{team.name}</dd>
      </dl>
      <ReportForm
        key={`${type}:${team.id}`}
        type={type}
        team={team}
        defaultValues={{ ...emptyEnvelope(), body: emptyBody(type) }}
        actions={team.lead ? ['draft', 'submit', 'publish'] : ['draft', 'submit']}
        onSaved={(id, action) => {
          toast(t(`saved.${action}`));
          void navigate(`/reports/${id}`);
        }}
        onCreatedButRefused={(id, refusal) => {
          void navigate(`/reports/${id}/edit`, { replace: true, state: { refusal } });
        }}
      />
    </>
  );
}
