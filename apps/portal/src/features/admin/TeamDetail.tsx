import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../lib/i18n/i18n';
import { useMe } from '../../lib/session/hooks';
import { TeamMembersManager } from '../team';
import { useFormErrors } from './form';
import { useUpdateTeam, type Capital, type Team, type TeamChanges } from './queries';
import { checkTeam, TeamFields, type TeamField, type TeamValues } from './TeamFields';

const FIELDS = ['name', 'capitalId', 'description', 'active'] as const;

/** One team for administrators: rename, move, describe, deactivate; then its members. */
export function TeamDetail({ team, capitals }: { team: Team; capitals: readonly Capital[] }) {
  const { t } = useTranslation('admin');
  const { data: me } = useMe();
  return (
    <section aria-labelledby="team-heading">
      <p>
        <Link to="?tab=teams">{t('teams.back')}</Link>
      </p>
      <h2 id="team-heading">
        <span dir="auto">{team.name}</span>
      </h2>
      {!team.active ? <p className="notice">{t('teams.inactiveNote')}</p> : null}
      <TeamForm key={team.id} team={team} capitals={capitals} />
      <TeamMembersManager teamId={team.id} teamName={team.name} meId={me?.id} asAdmin level={3} />
    </section>
  );
}

function TeamForm({ team, capitals }: { team: Team; capitals: readonly Capital[] }) {
  const form = useFormErrors('team', FIELDS);
  const { t } = form;
  const update = useUpdateTeam(team.id);
  const [values, setValues] = useState<TeamValues>({
    name: team.name,
    capitalId: team.capitalId,
    description: team.description,
  });
  const [active, setActive] = useState(team.active);
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(false);
    const found = checkTeam(values);
    if (!form.check(Object.fromEntries(Object.entries(found).map(([k, key]) => [k, t(key)]))))
      return;
    // Only what changed, so the audit names each change.
    const changes: TeamChanges = {
      ...(values.name.trim() !== team.name ? { name: values.name.trim() } : {}),
      ...(values.capitalId !== team.capitalId ? { capitalId: values.capitalId } : {}),
      ...(values.description.trim() !== team.description
        ? { description: values.description.trim() }
        : {}),
      ...(active !== team.active ? { active } : {}),
    };
    if (Object.keys(changes).length === 0) return setSaved(true);
    update.mutate(changes, {
      onSuccess: () => setSaved(true),
      onError: (error) =>
        form.refuse(error, (e) =>
          e.status === 409 ? { field: 'name', key: 'teams.taken' } : undefined,
        ),
    });
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="admin-form"
      aria-labelledby="team-details-heading"
    >
      <h3 id="team-details-heading">{t('teams.details')}</h3>
      <div role="status">{saved ? <p className="notice">{t('teams.saved')}</p> : null}</div>
      {form.top}
      <TeamFields
        form="team"
        values={values}
        errors={form.errors}
        capitals={capitals}
        onChange={(field: TeamField, value) => setValues((v) => ({ ...v, [field]: value }))}
      />
      <div className="field" data-invalid={form.errors.active ? 'true' : undefined}>
        <label className="choice">
          <input
            id="field-team-active"
            type="checkbox"
            checked={active}
            aria-describedby="field-team-active-hint"
            onChange={(event) => setActive(event.target.checked)}
          />
          {t('teams.activeLabel')}
        </label>
        <p className="field-hint" id="field-team-active-hint">
          {t('teams.activeHint')}
        </p>
        {form.errors.active ? <p className="field-error">{form.errors.active}</p> : null}
      </div>
      <button type="submit" className="button" aria-disabled={update.isPending || undefined}>
        {update.isPending ? t('saving') : t('teams.save')}
      </button>
    </form>
  );
}
