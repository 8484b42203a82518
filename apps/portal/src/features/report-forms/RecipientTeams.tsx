import { Controller, useFormContext } from 'react-hook-form';
import { Fieldset } from '../../components/Field';
import { useFormsT } from './use-forms-t';
import { fieldId } from '../../lib/forms';
import { messageAt } from './form-errors';
import { useTeams } from './queries';

const NAME = 'distribution.teamIds';

/** AMBER recipients: the network's active teams; the authoring team is fixed, always included. */
export function RecipientTeams({ team }: { team: { id: string; name: string } }) {
  const { t } = useFormsT();
  const { control, formState } = useFormContext();
  const teams = useTeams();
  const base = fieldId(NAME);
  const others = (teams.data?.items ?? []).filter((item) => item.active && item.id !== team.id);
  return (
    <Fieldset
      name={NAME}
      legend={t('handling.teams')}
      hint={t('handling.teamsHint')}
      error={messageAt(formState.errors, NAME)}
    >
      <div className="choices">
        <div className="choice-item">
          <div className="choice">
            <input
              type="checkbox"
              id={`${base}-own`}
              checked
              disabled
              aria-describedby={`${base}-own-hint`}
            />
            <label htmlFor={`${base}-own`}>{team.name}</label>
          </div>
          <p id={`${base}-own-hint`} className="field-hint choice-hint">
            {t('handling.ownTeam')}
          </p>
        </div>
        {teams.isPending ? <p className="loading">{t('loadingList')}</p> : null}
        {teams.isError ? <p role="alert">{t('handling.teamsFailed')}</p> : null}
        <Controller
          control={control}
          name={NAME}
          render={({ field }) => {
            const chosen = (field.value as string[] | undefined) ?? [];
            return (
              <>
                {others.map((item) => (
                  <div key={item.id} className="choice">
                    <input
                      type="checkbox"
                      id={`${base}-${item.id}`}
                      checked={chosen.includes(item.id)}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked
                            ? [...chosen, item.id]
                            : chosen.filter((id) => id !== item.id),
                        )
                      }
                      onBlur={field.onBlur}
                    />
                    <label htmlFor={`${base}-${item.id}`}>{item.name}</label>
                  </div>
                ))}
              </>
            );
          }}
        />
      </div>
    </Fieldset>
  );
}
