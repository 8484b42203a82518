import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useFormErrors } from './form';
import { useCreateTeam, type Capital, type Team } from './queries';
import { checkTeam, TeamFields, type TeamField, type TeamValues } from './TeamFields';

const FIELDS = ['name', 'capitalId', 'description'] as const;
const EMPTY: TeamValues = { name: '', capitalId: '', description: '' };

/** POST /teams: a taken name (409) is said on the name field. */
export function CreateTeamForm({ capitals }: { capitals: readonly Capital[] }) {
  const form = useFormErrors('newTeam', FIELDS);
  const { t } = form;
  const create = useCreateTeam();
  const [values, setValues] = useState<TeamValues>(EMPTY);
  const [created, setCreated] = useState<Team | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const found = checkTeam(values);
    const words = Object.fromEntries(Object.entries(found).map(([k, key]) => [k, t(key)]));
    if (!form.check(words)) return;
    create.mutate(
      {
        name: values.name.trim(),
        capitalId: values.capitalId,
        description: values.description.trim(),
      },
      {
        onSuccess: (team) => {
          setCreated(team);
          setValues(EMPTY);
        },
        onError: (error) =>
          form.refuse(error, (e) =>
            e.status === 409 ? { field: 'name', key: 'teams.taken' } : undefined,
          ),
      },
    );
  };

  return (
    <section aria-labelledby="create-team-heading">
      <h2 id="create-team-heading" tabIndex={-1}>
        {t('teams.create')}
      </h2>
      <div role="status" className={created ? 'notice' : undefined}>
        {created ? (
          <>
            {t('teams.created', { name: created.name })}{' '}
            <Link to={`?tab=teams&team=${created.id}`}>
              {t('teams.openCreated', { name: created.name })}
            </Link>
          </>
        ) : null}
      </div>
      {capitals.length === 0 ? <p className="notice">{t('teams.noCapitals')}</p> : null}
      <form onSubmit={submit} noValidate className="admin-form">
        {form.top}
        <TeamFields
          form="newTeam"
          values={values}
          errors={form.errors}
          capitals={capitals}
          onChange={(field: TeamField, value) => setValues((v) => ({ ...v, [field]: value }))}
        />
        <button type="submit" className="button" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t('saving') : t('teams.submit')}
        </button>
      </form>
    </section>
  );
}
