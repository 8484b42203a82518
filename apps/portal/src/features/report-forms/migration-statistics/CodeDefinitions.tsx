import { BORDER_TYPES, STATISTICS_INDICATORS } from '../codes';
import { codeOptions } from '../options';
import { useFormsT } from '../use-forms-t';

/** The table's selects show labels only; what each code means is one click away. */
export function CodeDefinitions() {
  const { t } = useFormsT();
  const lists = [
    { title: t('stats.indicator'), options: codeOptions(t, 'indicator', STATISTICS_INDICATORS) },
    { title: t('stats.borderType'), options: codeOptions(t, 'borderType', BORDER_TYPES) },
  ];
  return (
    <details className="code-definitions">
      <summary>{t('stats.codesTitle')}</summary>
      {lists.map((list) => (
        <div key={list.title}>
          <p className="field-label">{list.title}</p>
          <dl className="summary-list">
            {list.options.map((o) => (
              <div key={o.value} className="definition">
                <dt>{o.label}</dt>
                <dd>{o.hint}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </details>
  );
}
