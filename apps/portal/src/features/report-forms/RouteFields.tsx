import { Fieldset } from '../../components/Field';
import { useFormContext } from 'react-hook-form';
import { useFormsT } from './use-forms-t';
import { COUNTRY_LIST } from './CodeLists';
import { TextField } from './fields';
import { messageAt } from './form-errors';

/** The optional route: origin, transit countries in order (one input, commas), destination. */
export function RouteFields({ name = 'body.route' }: { name?: string }) {
  const { t } = useFormsT();
  const { formState } = useFormContext();
  return (
    <Fieldset
      name={name}
      legend={t('route.legend')}
      hint={t('route.hint')}
      error={messageAt(formState.errors, name)}
    >
      <div className="field-row">
        <TextField
          name={`${name}.origin`}
          label={t('route.origin')}
          width="code"
          list={COUNTRY_LIST}
          maxLength={3}
          code
        />
        <TextField
          name={`${name}.destination`}
          label={t('route.destination')}
          width="code"
          list={COUNTRY_LIST}
          maxLength={3}
          code
        />
      </div>
      <TextField
        name={`${name}.transit`}
        label={t('route.transit')}
        hint={t('route.transitHint')}
        width="medium"
        code
      />
    </Fieldset>
  );
}
