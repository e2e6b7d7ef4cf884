// Japanese (default) and English. Catalogs are TypeScript objects: the English one must have every key the
// Japanese one has, or the build fails. i18next does the lookup and {{interpolation}}.
import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../db/schema.js';
import { catalogs } from './catalogs.js';

export const LOCALES: readonly Locale[] = ['ja', 'en'];
export const DEFAULT_LOCALE: Locale = 'ja';

const instance = i18next.createInstance();
await instance.init({
  resources: { ja: { translation: catalogs.ja }, en: { translation: catalogs.en } },
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  // output is escaped by the JSX renderer; escaping here too would double-escape
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export type T = TFunction;

/**
 * i18next's t with the texts asked for by key alone (no options: no interpolation, count or context) kept once
 * looked up. i18next resolves a key anew on every call (namespaces, key paths, fallbacks, post-processing), a few
 * µs each, and a page asks for a hundred or more: for an advisory page not yet cached this was a fifth of the
 * server's CPU (bench/README.md). The catalogs never change at run time, so the answer never does either.
 * Bounded, in case a key is ever built from data.
 */
function rememberingPlainTexts(t: TFunction): TFunction {
  const call = t as unknown as (...args: unknown[]) => unknown;
  const texts = new Map<string, string>();
  const lookUp = (key: unknown, ...rest: unknown[]): unknown => {
    if (rest.length === 0 && typeof key === 'string') {
      const known = texts.get(key);
      if (known !== undefined) return known;
      const text = call(key);
      if (typeof text === 'string' && texts.size < PLAIN_TEXTS_MAX) texts.set(key, text);
      return text;
    }
    return call(key, ...rest);
  };
  return lookUp as unknown as TFunction;
}
const PLAIN_TEXTS_MAX = 10_000;

const fixed = {
  ja: rememberingPlainTexts(instance.getFixedT('ja')),
  en: rememberingPlainTexts(instance.getFixedT('en')),
} as const;

export function translator(locale: Locale): T {
  return fixed[locale];
}

export function isLocale(v: unknown): v is Locale {
  return v === 'ja' || v === 'en';
}

/** Picks ja or en from an Accept-Language header; Japanese unless English is preferred over it. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      // weights run from 0 to 1; an unreadable one counts as 0, q=0 means "not this language"
      const weight = q ? Math.min(Number(q.slice(2)) || 0, 1) : 1;
      return { lang: (tag ?? '').trim().split('-')[0], q: weight };
    })
    .filter((x) => (x.lang === 'ja' || x.lang === 'en') && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? 'en' : 'ja';
}
