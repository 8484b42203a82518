import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../lib/i18n/i18n';

interface Props {
  teams: ReadonlyArray<{ teamId: string; teamName: string }>;
  current: string;
  onPick: (teamId: string) => void;
}

/**
 * Which of the caller's teams the page shows. A button applies the choice, so moving
 * through the options by keyboard does not replace the page under the user (WCAG 3.2.2).
 */
export function TeamPicker({ teams, current, onPick }: Props) {
  const { t } = useTranslation('team');
  const [choice, setChoice] = useState(current);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPick(choice);
  };
  return (
    <form className="team-picker row" onSubmit={submit}>
      <div className="field">
        <label className="field-label" htmlFor="team-picker">
          {t('picker.label')}
        </label>
        <select id="team-picker" value={choice} onChange={(event) => setChoice(event.target.value)}>
          {teams.map((team) => (
            <option key={team.teamId} value={team.teamId}>
              {team.teamName}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary">
        {t('picker.show')}
      </button>
    </form>
  );
}
