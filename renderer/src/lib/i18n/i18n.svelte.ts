// Japanese and English for every visible string. The language defaults to the system's (navigator.languages,
// which Electron sets from the OS) and the user's choice is kept in localStorage.
import shell from './messages/shell';
import learn from './messages/learn';
import train from './messages/train';
import charts from './messages/charts';
import history from './messages/history';
import compare from './messages/compare';
import clipping from './messages/clipping';
import diagnostics from './messages/diagnostics';
import papers from './messages/papers';
import options from './messages/options';
import workshop from './messages/workshop';
import grid from './messages/grid';
import engineer from './messages/engineer';

export type Locale = 'ja' | 'en';
export const LOCALES: Locale[] = ['ja', 'en'];
const STORAGE_KEY = 'gradient-lab.locale';

const catalogs = [shell, learn, train, charts, history, compare, clipping, diagnostics, papers, options, workshop, grid, engineer];
type Catalog = { en: Record<string, string>; ja: Record<string, string> };
const messages: Record<Locale, Record<string, string>> = { en: {}, ja: {} };
for (const c of catalogs as Catalog[]) {
  Object.assign(messages.en, c.en);
  Object.assign(messages.ja, c.ja);
}

/**
 * Every English message, key → its literal text, derived from the message modules (each `en` is `as const`
 * and each `ja` must have exactly its keys): a key that is missing or misspelt anywhere fails the typecheck.
 */
type English = typeof shell.en & typeof learn.en & typeof train.en & typeof charts.en & typeof history.en & typeof compare.en & typeof clipping.en & typeof diagnostics.en & typeof papers.en & typeof options.en & typeof workshop.en & typeof grid.en & typeof engineer.en;
export type MessageKey = keyof English;

/** The `{name}` placeholders of a message text, as a union of names. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** What `t` needs for a key: nothing for plain texts, every placeholder (and only those) otherwise. */
export type MessageArgs<K extends MessageKey> = [Placeholders<English[K]>] extends [never] ? [] : [params: Record<Placeholders<English[K]>, string | number>];

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


/** Translate a key, filling its {name} placeholders (typed: a missing or unknown parameter fails the typecheck). */
export function t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  const text = messages[i18n.locale][key] ?? messages.en[key] ?? key;
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Whether a computed key names a message (for keys built at run time, e.g. from a unit's id). */
export function isMessageKey(key: string): key is MessageKey {
  return key in messages.en;
}

/** A computed key's text without parameters, or `fallback` when no message has that key. */
export function tComputed(key: string, fallback: string = key): string {
  return isMessageKey(key) ? (messages[i18n.locale][key] ?? messages.en[key] ?? fallback) : fallback;
}

/** Format a number for the current locale. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(i18n.locale, options).format(value);
}
