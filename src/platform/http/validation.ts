// Form and query validation with zod, messages in the user's language, errors keyed by field name.
import { z } from 'zod';
import type { Locale } from '../db/schema.js';
import type { FieldErrors } from '../errors.js';
import { translator } from '../i18n/i18n.js';

const localeErrors = { ja: z.locales.ja().localeError, en: z.locales.en().localeError };

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
): Parsed<z.output<S>> {
  const r = schema.safeParse(input ?? {}, { error: localeErrors[locale] });
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, errors: fieldErrors(r.error, locale) };
}

/** Limits of a size issue, for messages such as 「{{min}}文字以上で入力してください」. */
function issueVars(issue: z.core.$ZodIssue): Record<string, unknown> {
  const i = issue as { minimum?: unknown; maximum?: unknown };
  return { min: i.minimum, max: i.maximum };
}

/** A message that names a catalog entry (`validation.url`, `accounts.errors.emailTaken`) rather than words. */
export function isCatalogKey(message: string): boolean {
  return /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/.test(message);
}

/** Our own refinements carry a catalog key (`validation.…`) as their message; zod's own are already worded. */
export function fieldErrors(error: z.ZodError, locale: Locale): FieldErrors {
  const t = translator(locale);
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    const list = out[key] ?? [];
    list.push(isCatalogKey(issue.message) ? t(issue.message, issueVars(issue)) : issue.message);
    out[key] = list;
  }
  return out;
}

/** Re-words zod issues in a locale (for errors raised by the schema compiler of JSON routes). */
export function localizeIssues(error: z.ZodError, locale: Locale): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    const msg = localeErrors[locale](issue as never);
    const worded = typeof msg === 'string' ? msg : (msg?.message ?? issue.message);
    const text = isCatalogKey(issue.message) ? translator(locale)(issue.message) : worded;
    const list = out[key] ?? [];
    list.push(text);
    out[key] = list;
  }
  return out;
}

/** An empty form field (or query parameter) is one not given: for `z.preprocess` before an optional schema. */
export const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** Like `blankToUndefined`, and a field of spaces only is not given either (filter boxes). */
export const spacesToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Strips C0/C1 control characters except tab and newlines, which forms legitimately carry. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'validation.controlChars' });

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
