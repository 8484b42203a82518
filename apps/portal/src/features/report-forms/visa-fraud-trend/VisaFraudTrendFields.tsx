import { useFormsT } from '../use-forms-t';
import { COUNTRY_LIST } from '../CodeLists';
import { RadioGroup } from '../choices';
import { DIRECTIONS, DOCUMENT_TYPES, FRAUD_TYPES, TRENDS } from '../codes';
import { TextField } from '../fields';
import { codeOptions } from '../options';
import { RouteFields } from '../RouteFields';
import { TextList } from '../TextList';
import { DetectionPoints } from './DetectionPoints';

/** The body of a visa and document fraud trend (VisaFraudTrendBodyDto). */
export function VisaFraudTrendFields() {
  const { t } = useFormsT();
  return (
    <>
      <RadioGroup
        name="body.documentType"
        legend={t('visa.documentType')}
        options={codeOptions(t, 'documentType', DOCUMENT_TYPES)}
      />
      <TextField
        name="body.issuingCountry"
        label={t('visa.issuingCountry')}
        hint={t('countryHint')}
        width="code"
        list={COUNTRY_LIST}
        maxLength={3}
        code
      />
      <RadioGroup
        name="body.fraudType"
        legend={t('visa.fraudType')}
        options={codeOptions(t, 'fraudType', FRAUD_TYPES)}
      />
      <div className="field-row">
        <TextField
          name="body.personsDetected"
          label={t('visa.personsDetected')}
          hint={t('visa.personsHint')}
          width="short"
          inputMode="numeric"
        />
        <TextField
          name="body.documentsDetected"
          label={t('visa.documentsDetected')}
          hint={t('visa.documentsHint')}
          width="short"
          inputMode="numeric"
        />
      </div>
      <RadioGroup
        name="body.direction"
        legend={t('visa.direction')}
        options={codeOptions(t, 'direction', DIRECTIONS)}
      />
      <div className="field-row">
        <TextField
          name="body.periodStart"
          label={t('visa.periodStart')}
          hint={t('pastDateHint')}
          type="date"
          width="short"
        />
        <TextField
          name="body.periodEnd"
          label={t('visa.periodEnd')}
          hint={t('pastDateHint')}
          type="date"
          width="short"
        />
      </div>
      <TextField
        name="body.holderNationalities"
        label={t('visa.holderNationalities')}
        hint={t('visa.holderNationalitiesHint')}
        width="medium"
        code
      />
      <DetectionPoints />
      <RouteFields />
      <TextList
        name="body.compromisedFeatures"
        legend={t('visa.compromisedFeatures')}
        hint={t('visa.compromisedFeaturesHint')}
        itemKey="visa.feature"
        maxItems={30}
        maxLength={200}
      />
      <RadioGroup
        name="body.trend"
        legend={t('visa.trend')}
        options={codeOptions(t, 'trend', TRENDS)}
      />
      <TextList
        name="body.indicators"
        legend={t('visa.indicators')}
        hint={t('visa.indicatorsHint')}
        itemKey="visa.indicator"
        maxItems={30}
        maxLength={1000}
      />
    </>
  );
}
