import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'ra-core';
import { en, zh } from './catalog';

/** zh-CN by default; English switchable from the user menu. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? en : zh) as TranslationMessages,
  'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: false },
);
