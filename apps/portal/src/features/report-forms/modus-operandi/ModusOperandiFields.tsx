import { useFormsT } from '../use-forms-t';
import { CheckboxGroup, RadioGroup } from '../choices';
import { CRIME_TYPES, MO_METHODS, TRANSPORT_MODES } from '../codes';
import { TextArea, TextField } from '../fields';
import { codeOptions } from '../options';
import { RouteFields } from '../RouteFields';
import { TextList } from '../TextList';

/** The body of a modus operandi (ModusOperandiBodyDto): patterns, never people. */
export function ModusOperandiFields() {
  const { t } = useFormsT();
  return (
    <>
      <RadioGroup
        name="body.crimeType"
        legend={t('modus.crimeType')}
        options={codeOptions(t, 'crimeType', CRIME_TYPES)}
      />
      <CheckboxGroup
        name="body.transportModes"
        legend={t('modus.transportModes')}
        hint={t('chooseOneOrMore')}
        options={codeOptions(t, 'transportMode', TRANSPORT_MODES)}
      />
      <RouteFields />
      <CheckboxGroup
        name="body.methods"
        legend={t('modus.methods')}
        hint={t('chooseOneOrMore')}
        options={codeOptions(t, 'method', MO_METHODS)}
      />
      <TextArea
        name="body.description"
        label={t('modus.description')}
        hint={t('modus.descriptionHint')}
        rows={10}
      />
      <TextList
        name="body.indicators"
        legend={t('modus.indicators')}
        hint={t('modus.indicatorsHint')}
        itemKey="modus.indicator"
        maxItems={30}
        maxLength={1000}
      />
      <TextList
        name="body.countermeasures"
        legend={t('modus.countermeasures')}
        hint={t('modus.countermeasuresHint')}
        itemKey="modus.countermeasure"
        maxItems={30}
        maxLength={1000}
      />
      <TextField
        name="body.firstObserved"
        label={t('modus.firstObserved')}
        hint={t('modus.firstObservedHint')}
        type="date"
        width="short"
      />
    </>
  );
}
