import { useFormsT } from '../use-forms-t';
import { COUNTRY_LIST } from '../CodeLists';
import { TextField } from '../fields';
import { ObservationsEditor } from './ObservationsEditor';

/** The body of a monthly statistics report (MigrationStatisticsBodyDto). */
export function MigrationStatisticsFields() {
  const { t } = useFormsT();
  return (
    <>
      <div className="field-row">
        <TextField
          name="body.reportingCountry"
          label={t('stats.reportingCountry')}
          hint={t('countryHint')}
          width="code"
          list={COUNTRY_LIST}
          maxLength={3}
          code
        />
        <TextField
          name="body.period"
          label={t('stats.period')}
          hint={t('stats.periodHint')}
          type="month"
          width="short"
        />
      </div>
      <ObservationsEditor />
    </>
  );
}
