import { useTranslation } from '../../lib/i18n/i18n';
import type { Translate } from './schema-parts';

/**
 * The feature's catalogue (`reportForms`) and the shared one (`common`), typed loosely:
 * keys here are built from code values (`codes.trend.new.label`), which i18next's key
 * types cannot follow.
 */
export function useFormsT(): { t: Translate; common: Translate; language: string } {
  const { t, i18n } = useTranslation('reportForms');
  const { t: common } = useTranslation();
  return {
    t: t as unknown as Translate,
    common: common as unknown as Translate,
    language: i18n.language,
  };
}
