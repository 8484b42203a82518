import { useEffect, useRef, useState } from 'react';
import { useAnnouncer } from '../../components/Announcer';
import { fieldId } from '../../lib/forms';
import { useTranslation } from '../../lib/i18n/i18n';
import { membershipRefusal } from './refusal';
import {
  usePeopleSearch,
  useSetRole,
  type Person,
  type TeamMember,
  type TeamRole,
} from './queries';

interface Props {
  teamId: string;
  teamName: string;
  members: readonly TeamMember[];
  meId: string | undefined;
  asAdmin: boolean;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * An existing person into the team: the role first, then a search by name whose results
 * are "Add" buttons (native controls: Tab, Enter and Space as always); the number found
 * is said in a status region. Leads are offered officer and observer only.
 */
export function AddPerson({ teamId, teamName, members, meId, asAdmin }: Props) {
  const { t } = useTranslation('team');
  const { announce } = useAnnouncer();
  const roles: TeamRole[] = asAdmin ? ['lead', 'officer', 'observer'] : ['officer', 'observer'];
  const [role, setRole] = useState<TeamRole>('officer');
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const search = usePeopleSearch(useDebounced(text, 250));
  const add = useSetRole(teamId);
  const roleOf = new Map(members.map((member) => [member.userId, member.role]));
  const idBase = `add-${teamId}`;
  const searchRef = useRef<HTMLInputElement>(null);

  const send = (person: Person) => {
    if (add.isPending) return;
    setRefusal(null);
    const from = document.activeElement;
    add.mutate(
      { userId: person.id, role },
      {
        onSuccess: () => {
          announce(
            t('add.added', {
              name: person.displayName,
              role: t(`roleInline.${role}`),
              team: teamName,
            }),
          );
          // The button pressed gives way to "Already in the team": the focus goes back to
          // the search for the next person, unless the user has gone elsewhere meanwhile.
          const now = document.activeElement;
          if (now === from || now === null || now === document.body) searchRef.current?.focus();
        },
        onError: (error) =>
          setRefusal(
            t(
              membershipRefusal(error, { userId: person.id, meId, role, previous: null, asAdmin }),
              {
                name: person.displayName,
              },
            ),
          ),
      },
    );
  };

  const people = search.data ?? [];
  let status = '';
  if (text.trim().length >= 2)
    status = search.isFetching
      ? t('add.searching')
      : search.isError
        ? t('add.failed')
        : t('add.found', { count: people.length });

  return (
    <div className="add-person">
      <fieldset className="fieldset">
        <legend>{t('add.role')}</legend>
        {!asAdmin ? <p className="field-hint">{t('add.roleHint')}</p> : null}
        {roles.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${idBase}-role`}
              value={value}
              checked={role === value}
              onChange={() => setRole(value)}
            />
            {t(`role.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={fieldId(`${idBase}-q`)}>
          {t('add.search')}
        </label>
        <p className="field-hint" id={fieldId(`${idBase}-q-hint`)}>
          {t('add.searchHint')}
        </p>
        <input
          ref={searchRef}
          id={fieldId(`${idBase}-q`)}
          type="search"
          autoComplete="off"
          maxLength={100}
          aria-describedby={fieldId(`${idBase}-q-hint`)}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      {refusal ? (
        <p className="alert" role="alert">
          {refusal}
        </p>
      ) : null}
      {text.trim().length >= 2 && people.length > 0 ? (
        <ul className="people-results" aria-label={t('add.results')}>
          {people.map((person) => {
            const current = roleOf.get(person.id);
            return (
              <li key={person.id}>
                <span>
                  <span dir="auto">{person.displayName}</span> (<bdi>{person.memberCode}</bdi>)
                  {person.teams.length > 0 ? (
                    <span className="muted">
                      {' · '}
                      <span dir="auto">{person.teams.map((team) => team.teamName).join(', ')}</span>
                    </span>
                  ) : null}
                </span>
                {person.id === meId ? (
                  <span className="muted">{t('add.self')}</span>
                ) : current === role ? (
                  <span className="muted">
                    {t('add.already', { role: t(`roleInline.${current}`) })}
                  </span>
                ) : current === 'lead' && !asAdmin ? (
                  <span className="muted">{t('members.leadUntouchable')}</span>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-disabled={add.isPending || undefined}
                    onClick={() => send(person)}
                  >
                    {t(current ? 'add.change' : 'add.add', { role: t(`roleInline.${role}`) })}
                    <span className="visually-hidden">
                      {' '}
                      {t('members.whom', { name: person.displayName })}
                    </span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
