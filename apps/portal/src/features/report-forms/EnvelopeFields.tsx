import { useFormsT } from './use-forms-t';
import { RadioGroup } from './choices';
import { INFORMATION_CREDIBILITIES, SOURCE_RELIABILITIES } from './codes';
import { Checkbox, TextArea, TextField } from './fields';

/** Title, summary and urgency: what every report type carries. */
export function EnvelopeFields() {
  const { t } = useFormsT();
  return (
    <>
      <TextField name="title" label={t('envelope.title')} hint={t('envelope.titleHint')} />
      <TextArea
        name="summary"
        label={t('envelope.summary')}
        hint={t('envelope.summaryHint')}
        rows={4}
      />
      <Checkbox name="urgent" label={t('envelope.urgent')} hint={t('envelope.urgentHint')} />
    </>
  );
}

/** The 4×4 evaluation (source reliability, information credibility), with SIENA's meanings. */
export function EvaluationFields() {
  const { t, common } = useFormsT();
  return (
    <>
      <RadioGroup
        name="sourceReliability"
        legend={t('evaluation.source')}
        hint={t('evaluation.sourceHint')}
        options={SOURCE_RELIABILITIES.map((v) => ({
          value: v,
          label: common(`evaluation.source.${v}`),
        }))}
      />
      <RadioGroup
        name="informationCredibility"
        legend={t('evaluation.information')}
        hint={t('evaluation.informationHint')}
        options={INFORMATION_CREDIBILITIES.map((v) => ({
          value: v,
          label: common(`evaluation.information.${v}`),
        }))}
      />
    </>
  );
}
