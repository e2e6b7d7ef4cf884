// The search and filter parameters of /advisories, /developers/:slug and GET /api/v1/advisories, checked once
// for pages and API alike: a bad value is a field error worded in ja/en (vulndb.errors.*), never a 500 or a
// silently ignored filter.
import { z } from 'zod';
import type { AdvisoryKind, Severity } from '../../domain/advisory-document.js';
import { normaliseCweId } from '../../domain/cwe.js';
import type { Locale } from '../../platform/db/schema.js';
import { type Parsed, parseInput } from '../../platform/http/validation.js';
import { translator } from '../../platform/i18n/i18n.js';
import { type AdvisoryFilter, COUNT_CAP, isDeveloperSlug, MAX_PAGE_SIZE } from './queries.js';

export const SEVERITIES = [
  'none',
  'low',
  'medium',
  'high',
  'critical',
] as const satisfies readonly Severity[];
export const KINDS = ['jvn', 'jvnvu', 'jvndb'] as const satisfies readonly AdvisoryKind[];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const words = (max: number) =>
  z.preprocess(
    blank,
    z
      .string({ message: 'vulndb.errors.text' })
      .trim()
      .max(max, { message: 'vulndb.errors.tooLong' })
      .refine((s) => !CONTROL.test(s), { message: 'vulndb.errors.text' })
      .optional(),
  );

/** A real JST calendar day, YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
const day = z.preprocess(
  blank,
  z
    .string({ message: 'vulndb.errors.badDay' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'vulndb.errors.badDay' })
    .refine(
      (d) => {
        const at = Date.parse(`${d}T00:00:00Z`);
        return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === d && d >= '1990-01-01';
      },
      { message: 'vulndb.errors.badDay' },
    )
    .optional(),
);

const positive = (max: number, message: string) =>
  z.preprocess(
    blank,
    z
      .string({ message })
      .regex(/^\d{1,6}$/, { message })
      .transform(Number)
      .pipe(z.number().int().min(1, { message }).max(max, { message }))
      .optional(),
  );

/** One or several severities: repeated (?severity=high&severity=critical) or comma-separated. */
const severities = z.preprocess((v) => {
  const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((x) =>
    typeof x === 'string' ? x.split(',') : [x],
  );
  const kept = list.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== '');
  return kept.length ? [...new Set(kept)] : undefined;
}, z.array(z.enum(SEVERITIES, { message: 'vulndb.errors.severity' })).optional());

const query = z
  .object({
    q: words(200),
    developer: z.preprocess(
      blank,
      z
        .string({ message: 'vulndb.errors.developer' })
        .trim()
        .refine(isDeveloperSlug, { message: 'vulndb.errors.developer' })
        .optional(),
    ),
    product: words(300),
    cwe: z.preprocess(
      blank,
      z
        .string({ message: 'vulndb.errors.cwe' })
        .transform((s, c) => {
          const id = normaliseCweId(s);
          if (!id) {
            c.addIssue({ code: 'custom', message: 'vulndb.errors.cwe' });
            return z.NEVER;
          }
          return id;
        })
        .optional(),
    ),
    severity: severities,
    kind: z.preprocess(blank, z.enum(KINDS, { message: 'vulndb.errors.kind' }).optional()),
    published_from: day,
    published_to: day,
    page: positive(100_000, 'vulndb.errors.page'),
    per_page: positive(MAX_PAGE_SIZE, 'vulndb.errors.perPage'),
  })
  .superRefine((v, c) => {
    if (v.published_from && v.published_to && v.published_from > v.published_to)
      c.addIssue({ code: 'custom', path: ['published_to'], message: 'vulndb.errors.dayOrder' });
  });

export type ListQuery = { filter: AdvisoryFilter; page: number; perPage: number };

/**
 * The filter and page of a request's query string. `perPage` is fixed for pages (per_page ignored) and
 * defaults to `defaultPerPage` up to `maxPerPage` for the API. Pages past the counting cap are refused.
 */
export function parseListQuery(
  raw: unknown,
  locale: Locale,
  opts: { defaultPerPage: number; maxPerPage: number; perPageParam: boolean },
): Parsed<ListQuery> {
  const parsed = parseInput(query, raw ?? {}, locale);
  if (!parsed.ok) {
    // one field per parameter: severity.1 → severity
    const errors: Record<string, string[]> = {};
    for (const [k, list] of Object.entries(parsed.errors)) {
      const name = k.split('.')[0]!;
      errors[name] = [...new Set([...(errors[name] ?? []), ...list])];
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  const perPage = opts.perPageParam ? (v.per_page ?? opts.defaultPerPage) : opts.defaultPerPage;
  const page = v.page ?? 1;
  const errors: Record<string, string[]> = {};
  if (perPage > opts.maxPerPage) errors.per_page = [translate(locale, 'vulndb.errors.perPage')];
  if ((page - 1) * perPage >= COUNT_CAP) errors.page = [translate(locale, 'vulndb.errors.pageTooFar')];
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      filter: {
        q: v.q,
        developer: v.developer,
        product: v.product,
        cwe: v.cwe,
        severity: v.severity,
        kind: v.kind,
        publishedFrom: v.published_from,
        publishedTo: v.published_to,
      },
      page,
      perPage,
    },
  };
}

function translate(locale: Locale, key: string): string {
  return translator(locale)(key, { max: COUNT_CAP });
}

/** The query string of a filter (for links to other pages of the same search). */
export function filterParams(filter: AdvisoryFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.q) p.set('q', filter.q);
  if (filter.developer) p.set('developer', filter.developer);
  if (filter.product) p.set('product', filter.product);
  if (filter.cwe) p.set('cwe', filter.cwe);
  for (const s of filter.severity ?? []) p.append('severity', s);
  if (filter.kind) p.set('kind', filter.kind);
  if (filter.publishedFrom) p.set('published_from', filter.publishedFrom);
  if (filter.publishedTo) p.set('published_to', filter.publishedTo);
  return p;
}
