import { useTranslation } from '../../lib/i18n/i18n';
import type { Translate } from './schema-parts';

/** The feature's catalogue (`reportForms`) and the shared one (`common`), and the language. */
export function useFormsT(): { t: Translate; common: Translate; language: string } {
  const { t, i18n } = useTranslation('reportForms');
  const { t: common } = useTranslation();
  return { t, common, language: i18n.language };
}
