import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Field, Fieldset } from '../../components/Field';
import { fieldId } from '../../lib/forms';
import { useFormsT } from './use-forms-t';
import { REPORT_TYPES, type ReportType } from './codes';

export interface AuthorTeam {
  id: string;
  name: string;
  lead: boolean;
}

interface TypeStepProps {
  teams: AuthorTeam[];
  type: ReportType | null;
  teamId: string | null;
  onChoose: (type: ReportType, teamId: string) => void;
}

/** Step 1: what kind of report, and for which team (only teams the caller may author for). */
export function TypeStep({ teams, type, teamId, onChoose }: TypeStepProps) {
  const { t, common } = useFormsT();
  const [chosen, setChosen] = useState<ReportType | null>(type);
  const [team, setTeam] = useState(teamId ?? teams[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const base = fieldId('type');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setError(t('step.typeRequired'));
    onChoose(chosen, team);
  };

  return (
    <>
      <ErrorSummary items={error ? [{ fieldId: base, message: error }] : []} />
      <form noValidate onSubmit={submit} className="report-form">
        <Fieldset name="type" legend={t('step.type')} error={error ?? undefined}>
          <div className="choices">
            {REPORT_TYPES.map((value) => (
              <div key={value} className="choice-item">
                <div className="choice">
                  <input
                    type="radio"
                    name="type"
                    id={`${base}-${value}`}
                    value={value}
                    checked={chosen === value}
                    onChange={() => {
                      setChosen(value);
                      setError(null);
                    }}
                    aria-describedby={`${base}-${value}-hint`}
                  />
                  <label htmlFor={`${base}-${value}`}>{common(`type.${value}`)}</label>
                </div>
                <p id={`${base}-${value}-hint`} className="field-hint choice-hint">
                  {t(`step.hints.${value}`)}
                </p>
              </div>
            ))}
          </div>
        </Fieldset>
        {teams.length === 1 ? (
          <dl className="summary-list">
            <dt>{t('step.team')}</dt>
            <dd>{teams[0]?.name}</dd>
          </dl>
        ) : (
          <Field name="teamId" label={t('step.team')} hint={t('step.teamHint')}>
            {(aria) => (
              <select
                {...aria}
                value={team}
                onChange={(event) => setTeam(event.target.value)}
                className="input-medium"
              >
                {teams.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <button type="submit" className="button">
          {t('step.continue')}
        </button>
      </form>
    </>
  );
}
