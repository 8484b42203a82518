import { alpha3ToAlpha2 } from 'i18n-iso-countries';
import { useMemo } from 'react';
import { formatDate } from '../../lib/format';
import { useTranslation } from '../../lib/i18n/i18n';

/**
 * Words for an offer's codes. Country and language names come from the browser's Intl
 * (DisplayNames), so this screen carries no name tables of its own; only the alpha-3 to
 * alpha-2 mapping comes from the maintained country list.
 */
export function useTrainingLabels() {
  const { t, i18n } = useTranslation('training');
  const language = i18n.language;
  return useMemo(() => {
    const display = (type: 'region' | 'language') => {
      try {
        return new Intl.DisplayNames([language === 'en' ? 'en-GB' : language], { type });
      } catch {
        return null;
      }
    };
    const regions = display('region');
    const languages = display('language');
    return {
      language,
      date: (iso: string | null | undefined) => formatDate(iso, language),
      country: (code: string) => {
        const alpha2 = alpha3ToAlpha2(code);
        return (alpha2 && regions?.of(alpha2)) || code;
      },
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
