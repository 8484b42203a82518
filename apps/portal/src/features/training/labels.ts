import { useMemo } from 'react';
import { countryName } from '../../lib/countries';
import { formatDate } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';

/**
 * Words for an offer's codes: country names from lib/countries, language names from the
 * browser's Intl (DisplayNames).
 */
export function useTrainingLabels() {
  const { t, i18n } = useTranslation('training');
  const language = i18n.language;
  return useMemo(() => {
    const display = (type: 'language') => {
      try {
        return new Intl.DisplayNames([language === 'en' ? 'en-GB' : language], { type });
      } catch {
        return null;
      }
    };
    const languages = display('language');
    return {
      language,
      date: (iso: string | null | undefined) => formatDate(iso, language),
      country: (code: string) => countryName(code, language) ?? code,
      spoken: (code: string) => {
        try {
          return languages?.of(code) ?? code;
        } catch {
          return code;
        }
      },
      code: (list: 'topic' | 'deliveryMode', value: string) => t(`${list}.${value}`),
    };
  }, [language, t]);
}

export type TrainingLabels = ReturnType<typeof useTrainingLabels>;
