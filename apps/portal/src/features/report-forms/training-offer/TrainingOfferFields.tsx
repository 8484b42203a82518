import { useFormContext, useWatch } from 'react-hook-form';
import { Fieldset } from '../../../components/Field';
import { useFormsT } from '../use-forms-t';
import { COUNTRY_LIST } from '../CodeLists';
import { RadioGroup } from '../choices';
import { DELIVERY_MODES, TRAINING_TOPICS } from '../codes';
import { SelectField, TextArea, TextField } from '../fields';
import { messageAt } from '../form-errors';
import { codeOptions } from '../options';
import { useMembers } from '../queries';

/** The body of a training offer (TrainingOfferBodyDto). An online course has no location. */
export function TrainingOfferFields() {
  const { t } = useFormsT();
  const { control, formState } = useFormContext();
  const mode = useWatch({ control, name: 'body.deliveryMode' }) as string;
  const members = useMembers();
  const providers = (members.data?.items ?? []).map((m) => ({
    value: m.code,
    label: `${m.name} (${m.code})`,
  }));
  return (
    <>
      <RadioGroup
        name="body.topic"
        legend={t('training.topic')}
        options={codeOptions(t, 'topic', TRAINING_TOPICS)}
      />
      <SelectField
        name="body.provider"
        label={t('training.provider')}
        hint={t('training.providerHint')}
        options={providers}
        placeholder={members.isPending ? t('loadingList') : t('choose')}
      />
      <RadioGroup
        name="body.deliveryMode"
        legend={t('training.deliveryMode')}
        options={codeOptions(t, 'deliveryMode', DELIVERY_MODES)}
      />
      {mode === 'online' ? (
        <p className="notice">{t('training.onlineNoLocation')}</p>
      ) : (
        <Fieldset
          name="body.location"
          legend={t('training.location')}
          hint={t('training.locationHint')}
          error={messageAt(formState.errors, 'body.location')}
        >
          <div className="field-row">
            <TextField
              name="body.location.city"
              label={t('training.city')}
              width="medium"
              maxLength={120}
            />
            <TextField
              name="body.location.country"
              label={t('training.country')}
              width="code"
              list={COUNTRY_LIST}
              maxLength={3}
              code
            />
          </div>
        </Fieldset>
      )}
      <div className="field-row">
        <TextField
          name="body.startDate"
          label={t('training.startDate')}
          hint={t('training.startDateHint')}
          type="date"
          width="short"
        />
        <TextField
          name="body.endDate"
          label={t('training.endDate')}
          hint={t('training.endDateHint')}
          type="date"
          width="short"
        />
        <TextField
          name="body.applicationDeadline"
          label={t('training.applicationDeadline')}
          hint={t('training.deadlineHint')}
          type="date"
          width="short"
        />
      </div>
      <TextField
        name="body.seats"
        label={t('training.seats')}
        hint={t('training.seatsHint')}
        width="short"
        inputMode="numeric"
      />
      <TextField
        name="body.languages"
        label={t('training.languages')}
        hint={t('training.languagesHint')}
        width="medium"
        code={false}
      />
      <TextArea
        name="body.eligibility"
        label={t('training.eligibility')}
        hint={t('training.eligibilityHint')}
        rows={3}
      />
    </>
  );
}
