import { useTranslation } from '../../lib/i18n/i18n';

interface Props {
  source: string;
  information: string;
  /** The list shows a short meaning beside the code; the report view the full wording. */
  full?: boolean;
}

/**
 * The 4×4 evaluation code (e.g. "B2") always with its meaning in words, for everyone:
 * a tooltip or an <abbr title> reaches neither keyboard nor screen-reader users.
 */
export function Evaluation({ source, information, full = false }: Props) {
  const { t } = useTranslation('reports');
  const code = `${source}${information}`;
  if (full)
    return (
      <>
        <strong className="evaluation-code">
          <bdi>{code}</bdi>
        </strong>
        <ul className="evaluation-meaning">
          <li>{t(`common:evaluation.source.${source}`)}</li>
          <li>{t(`common:evaluation.information.${information}`)}</li>
        </ul>
      </>
    );
  return (
    <span className="evaluation">
      <span className="visually-hidden">{t('evaluation.label')} </span>
      <strong className="evaluation-code">
        <bdi>{code}</bdi>
      </strong>{' '}
      <span className="muted">
        (
        {t('evaluation.short', {
          source: t(`evaluation.source.${source}`),
          information: t(`evaluation.information.${information}`),
        })}
        )
      </span>
    </span>
  );
}
