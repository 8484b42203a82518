import { useMemo, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { useTranslation } from '../../lib/i18n/i18n';
import { useFormErrors } from './form';
import { useCapitals, useCreateCapital, type Capital } from './queries';
import { timeZoneGroups, zoneLabel } from './timezones';

/** Capitals: where teams sit, each with its IANA time zone (report dates are read there). */
export function CapitalsSection() {
  const { t } = useTranslation('admin');
  const capitals = useCapitals();
  return (
    <>
      <section aria-labelledby="capitals-heading">
        <h2 id="capitals-heading">{t('tab.capitals')}</h2>
        {capitals.isPending ? (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        ) : capitals.isError ? (
          <div className="alert" role="alert">
            <p>{t('loadFailed')}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void capitals.refetch()}
            >
              {t('common:retry')}
            </button>
          </div>
        ) : capitals.data.length === 0 ? (
          <p className="muted">{t('capitals.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('capitals.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('capitals.name')}</th>
                  <th scope="col">{t('capitals.country')}</th>
                  <th scope="col">{t('capitals.timezone')}</th>
                </tr>
              </thead>
              <tbody>
                {capitals.data.map((capital) => (
                  <tr key={capital.id}>
                    <th scope="row" dir="auto">
                      {capital.name}
                    </th>
                    <td>
                      <bdi>{capital.countryCode}</bdi>
                    </td>
                    <td>
                      <bdi>{capital.timezone}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CapitalForm />
    </>
  );
}

const FIELDS = ['name', 'countryCode', 'timezone'] as const;
const EMPTY = { name: '', countryCode: '', timezone: '' };

function CapitalForm() {
  const form = useFormErrors('capital', FIELDS);
  const { t, errors, nameOf } = form;
  const create = useCreateCapital();
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<Capital | null>(null);
  // About 420 zones, each labelled with its offset: worked out once.
  const groups = useMemo(
    () =>
      timeZoneGroups().map((g) => ({
        ...g,
        zones: g.zones.map((z) => ({ z, label: zoneLabel(z) })),
      })),
    [],
  );
  const set = (field: keyof typeof EMPTY, value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const code = values.countryCode.trim().toUpperCase();
    const ok = form.check({
      ...(!values.name.trim() ? { name: t('check.capitalNameRequired') } : {}),
      ...(!/^[A-Z]{3}$/.test(code) ? { countryCode: t('check.countryCode') } : {}),
      ...(!values.timezone ? { timezone: t('check.timezoneRequired') } : {}),
    });
    if (!ok) return;
    create.mutate(
      { name: values.name.trim(), countryCode: code, timezone: values.timezone },
      {
        onSuccess: (capital) => {
          setCreated(capital);
          setValues(EMPTY);
        },
        onError: (error) =>
          form.refuse(error, (e) =>
            e.status === 409 ? { field: 'name', key: 'capitals.taken' } : undefined,
          ),
      },
    );
  };

  return (
    <section aria-labelledby="create-capital-heading">
      <h2 id="create-capital-heading">{t('capitals.create')}</h2>
      <div role="status" className={created ? 'notice' : undefined}>
        {created ? t('capitals.created', { name: created.name, timezone: created.timezone }) : null}
      </div>
      <form onSubmit={submit} noValidate className="admin-form">
        {form.top}
        <Field
          name={nameOf('name')}
          label={t('capitals.name')}
          hint={t('capitals.nameHint')}
          error={errors.name}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              dir="auto"
              maxLength={120}
              value={values.name}
              onChange={(event) => set('name', event.target.value)}
            />
          )}
        </Field>
        <Field
          name={nameOf('countryCode')}
          label={t('capitals.country')}
          hint={t('capitals.countryHint')}
          error={errors.countryCode}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              className="input-code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={3}
              value={values.countryCode}
              onChange={(event) => set('countryCode', event.target.value)}
            />
          )}
        </Field>
        <Field
          name={nameOf('timezone')}
          label={t('capitals.timezone')}
          hint={t('capitals.timezoneHint')}
          error={errors.timezone}
        >
          {(control) => (
            <select
              {...control}
              value={values.timezone}
              onChange={(event) => set('timezone', event.target.value)}
            >
              <option value="">{t('capitals.chooseZone')}</option>
              {groups.map((group) => (
                <optgroup key={group.area} label={group.area}>
                  {group.zones.map(({ z, label }) => (
                    <option key={z} value={z}>
                      {label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t('saving') : t('capitals.submit')}
        </button>
      </form>
    </section>
  );
}
