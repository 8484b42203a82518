import { useEffect, useRef, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { Fieldset } from '../../components/Field';
import { useFormsT } from './use-forms-t';
import { messageAt } from './form-errors';
import { usePeopleByIds, usePeopleSearch, type Person } from './queries';

const NAME = 'distribution.userIds';

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * RED recipients, found by name: a search box, its results as "Add" buttons, the chosen
 * people as a list with "Remove" buttons. Everything is a native control, so Tab, Enter and
 * Space do what they always do; the result count is announced.
 */
export function RecipientPeople() {
  const { t } = useFormsT();
  const { control, formState } = useFormContext();
  const { field } = useController({ control, name: NAME });
  const chosen = (field.value as string[] | undefined) ?? [];
  const [text, setText] = useState('');
  const [known, setKnown] = useState<Record<string, Person>>({});
  const search = usePeopleSearch(useDebounced(text, 250));
  const named = usePeopleByIds(chosen.filter((id) => !known[id]));
  const searchRef = useRef<HTMLInputElement>(null);
  const nameOf = (id: string) => known[id] ?? named.data?.find((p) => p.id === id);
  const describe = (p: Person) =>
    [p.displayName, `(${p.memberCode})`, p.teams?.map((team) => team.teamName).join(', ')]
      .filter(Boolean)
      .join(' ');
  const results = (search.data ?? []).filter((p) => !chosen.includes(p.id));

  const add = (person: Person) => {
    setKnown((map) => ({ ...map, [person.id]: person }));
    field.onChange([...chosen, person.id]);
    searchRef.current?.focus();
  };
  const remove = (id: string) => {
    field.onChange(chosen.filter((v) => v !== id));
    searchRef.current?.focus();
  };

  let status = '';
  if (text.trim().length >= 2)
    status = search.isFetching
      ? t('people.searching')
      : search.isError
        ? t('people.failed')
        : results.length === 0 && (search.data ?? []).length > 0
          ? t('people.allAdded')
          : t('people.found', { count: results.length });

  return (
    <Fieldset
      name={NAME}
      legend={t('people.legend')}
      hint={t('people.hint')}
      error={messageAt(formState.errors, NAME)}
    >
      {chosen.length ? (
        <ul className="people-chosen" aria-label={t('people.chosen')}>
          {chosen.map((id) => {
            const person = nameOf(id);
            const name = person?.displayName ?? t('people.unknown');
            return (
              <li key={id}>
                <span dir="auto">{person ? describe(person) : name}</span>
                <button type="button" className="button-link" onClick={() => remove(id)}>
                  {t('people.remove', { name })}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('people.none')}</p>
      )}
      <div className="field">
        <label className="field-label" htmlFor="people-search">
          {t('people.search')}
        </label>
        <p className="field-hint" id="people-search-hint">
          {t('people.searchHint')}
        </p>
        <input
          ref={searchRef}
          id="people-search"
          type="search"
          autoComplete="off"
          value={text}
          aria-describedby="people-search-hint people-search-status"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter here searches; it must not save the whole report.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </div>
      <p id="people-search-status" role="status" className="field-hint">
        {status}
      </p>
      {results.length ? (
        <ul className="people-results">
          {results.map((person) => (
            <li key={person.id}>
              <button type="button" className="button button-secondary" onClick={() => add(person)}>
                {t('people.add', { name: describe(person) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Fieldset>
  );
}
