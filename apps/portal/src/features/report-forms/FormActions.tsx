import { useFormsT } from './use-forms-t';
import type { Action } from './save';

interface FormActionsProps {
  actions: Action[];
  busy: boolean;
  onIntent: (action: Action) => void;
}

/**
 * The save buttons. All submit the form (so the rules run first); each click says what the
 * save is for. While a save runs, the buttons stay focusable but do nothing again.
 */
export function FormActions({ actions, busy, onIntent }: FormActionsProps) {
  const { t } = useFormsT();
  return (
    <div className="form-actions">
      <div className="row">
        {actions.map((action, index) => (
          <button
            key={action}
            type="submit"
            className={index === 0 && actions.length > 1 ? 'button button-secondary' : 'button'}
            aria-disabled={busy || undefined}
            onClick={() => onIntent(action)}
          >
            {t(`actions.${action}`)}
          </button>
        ))}
      </div>
      <p role="status" className="muted">
        {busy ? t('actions.saving') : ''}
      </p>
    </div>
  );
}
