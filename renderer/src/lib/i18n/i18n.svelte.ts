// Japanese and English for every visible string. The language defaults to the system's (navigator.languages,
// which Electron sets from the OS) and the user's choice is kept in localStorage.
import shell from './messages/shell';
import learn from './messages/learn';
import train from './messages/train';
import charts from './messages/charts';
import history from './messages/history';
import compare from './messages/compare';

export type Locale = 'ja' | 'en';
export const LOCALES: Locale[] = ['ja', 'en'];
const STORAGE_KEY = 'gradient-lab.locale';

const catalogs = [shell, learn, train, charts, history, compare];
type Catalog = { en: Record<string, string>; ja: Record<string, string> };
const messages: Record<Locale, Record<string, string>> = { en: {}, ja: {} };
for (const c of catalogs as Catalog[]) {
  Object.assign(messages.en, c.en);
  Object.assign(messages.ja, c.ja);
}

export type MessageKey = keyof typeof shell.en;

function systemLocale(): Locale {
  const langs = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  return langs.some((l) => l?.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

function storedLocale(): Locale | undefined {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'ja' || v === 'en' ? v : undefined;
  } catch {
    return undefined;
  }
}

export const i18n = $state<{ locale: Locale }>({ locale: storedLocale() ?? systemLocale() });

export function setLocale(locale: Locale): void {
  i18n.locale = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this session only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}


/** Translate a key, filling {name} placeholders. Unknown keys show as the key itself, never blank. */
export function t(key: string, params?: Record<string, string | number>): string {
  const text = messages[i18n.locale][key] ?? messages.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Format a number for the current locale. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(i18n.locale, options).format(value);
}
