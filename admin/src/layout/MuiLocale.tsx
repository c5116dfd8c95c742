import { enUS, type Localization, zhCN } from '@mui/material/locale';
import { type Theme, ThemeProvider } from '@mui/material/styles';
import { type ReactNode, useCallback, useEffect } from 'react';
import { useLocaleState } from 'react-admin';

const LOCALES: Record<string, Localization> = { zh: zhCN, en: enUS };

/**
 * MUI's own words in the console's language: its components' default texts (an autocomplete's
 * "No options", "Loading…", "Clear", an alert's "Close", pagination labels) are English unless the
 * theme carries a locale. react-admin's theme is fixed at start-up while the language switches from
 * the user menu, so the locale's default props are laid over the outer theme here, per language.
 * Only the components' defaultProps are merged (a shallow copy of the outer theme, not createTheme
 * over react-admin's whole theme). The page's `lang` follows too (screen readers, hyphenation).
 */
export const MuiLocale = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  const localization = LOCALES[locale] ?? zhCN;
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);
  const theme = useCallback((outer: Theme) => withLocalization(outer, localization), [localization]);
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
};

type Components = Record<string, { defaultProps?: Record<string, unknown> } & Record<string, unknown>>;

export function withLocalization(outer: Theme, localization: Localization): Theme {
  const components: Components = { ...((outer.components ?? {}) as Components) };
  for (const [name, own] of Object.entries((localization.components ?? {}) as Components)) {
    components[name] = { ...components[name], defaultProps: { ...components[name]?.defaultProps, ...own.defaultProps } };
  }
  return { ...outer, components } as Theme;
}
