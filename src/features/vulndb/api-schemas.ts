// The public advisory API's documented shapes (zod, for the OpenAPI document): the AdvisoryDocument as
// published (src/domain/advisory-document.ts) and the summaries a search lists.
import { z } from 'zod';
import { apiError } from '../../platform/http/api-error.js';
import { KINDS, SEVERITIES } from './input.js';
import { type AdvisorySummary, COUNT_CAP } from './queries.js';

const instant = z.string().describe('An instant, ISO 8601 in UTC');
const bilingual = z.object({ ja: z.string(), en: z.string().describe('may be empty') });
const severity = z.enum(SEVERITIES);
const kind = z.enum(KINDS);
const cvss = z.object({ vector: z.string(), score: z.number(), severity }).nullable();

export const errors = { 400: apiError, 404: apiError };

export const advisoryDocument = z
  .object({
    id: z.string().describe('JVN#12345678, JVNVU#12345678, JVNDB-2026-000123'),
    kind,
    revision: z.number().int(),
    firstPublishedAt: instant,
    lastUpdatedAt: instant,
    revisions: z.array(z.object({ revision: z.number().int(), publishedAt: instant, note: bilingual })),
    sample: z.boolean().describe('a sample advisory of a demo, not a real one'),
    source: z
      .object({ name: z.string(), namespace: z.string(), trackingId: z.string(), url: z.string().nullable() })
      .nullable()
      .describe('for imported advisories: who published the original'),
    title: bilingual,
    overview: bilingual,
    description: bilingual,
    impact: bilingual,
    solution: bilingual,
    workaround: bilingual,
    developers: z.array(z.object({ slug: z.string(), name: bilingual })),
    products: z.array(
      z.object({
        key: z.string(),
        developerSlug: z.string(),
        name: bilingual,
        versions: bilingual,
        versionRange: z.string().nullable().describe('vers syntax'),
        fixedVersion: z.string().nullable(),
        purl: z.string().nullable(),
        cpe: z.string().nullable(),
      }),
    ),
    vulnerabilities: z.array(
      z.object({
        ordinal: z.number().int(),
        title: bilingual,
        description: bilingual,
        cweId: z.string().nullable(),
        cvss31: cvss,
        cvss40: cvss,
        cveId: z.string().nullable(),
        exploitedInTheWild: z.boolean(),
      }),
    ),
    vendorStatuses: z.array(
      z.object({
        developerSlug: z.string(),
        vulnerabilityOrdinal: z.number().int(),
        status: z.enum(['affected', 'fixed', 'not_affected', 'under_investigation', 'unknown']),
        statement: bilingual,
        url: z.string().nullable(),
      }),
    ),
    credits: z.array(bilingual),
    references: z.array(
      z.object({
        kind: z.enum(['cve', 'advisory', 'vendor', 'cwe', 'other']),
        title: z.string(),
        url: z.string(),
      }),
    ),
    contact: bilingual,
    receivedOn: z.string().nullable().describe('JST calendar day YYYY-MM-DD'),
  })
  .describe('A published advisory (脆弱性対策情報) at its current revision');

export const advisorySummary = z.object({
  id: z.string(),
  slug: z.string().describe('the URL form of the id'),
  kind,
  revision: z.number().int(),
  title: bilingual,
  firstPublishedAt: instant,
  lastUpdatedAt: instant,
  severity: severity.nullable(),
  score: z.number().nullable().describe('the highest CVSS v4.0 or v3.1 base score'),
  developers: z.array(z.object({ slug: z.string(), name: bilingual })),
  cveIds: z.array(z.string()),
  cweIds: z.array(z.string()),
  sample: z.boolean(),
  url: z.string().describe('the advisory page'),
  api: z.string().describe('this advisory in the API'),
});

export const advisoryList = z.object({
  items: z.array(advisorySummary),
  page: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int().describe(`matches, counted up to ${COUNT_CAP}`),
  totalCapped: z
    .boolean()
    .describe(
      `true when there are ${COUNT_CAP} matches or more: total is a lower bound, and only the first ${COUNT_CAP} can be paged to (narrow by published_from/published_to to read further)`,
    ),
  links: z.object({
    self: z.string(),
    first: z.string(),
    prev: z.string().nullable(),
    next: z.string().nullable(),
  }),
});

const text = (d: string) => z.string().optional().describe(d);

/** For the documentation; the handler checks the values itself (input.ts), as the pages do. */
export const listQuery = z.object({
  q: text('words to search for (Japanese from two characters; all words must appear, each as a phrase)'),
  page: text('1-based page number'),
  per_page: text('items per page, 1–100 (default 50)'),
  developer: text('a developer slug'),
  product: text('a product name, exact (case-insensitive)'),
  cwe: text('a CWE id, e.g. CWE-79'),
  severity: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('none, low, medium, high, critical: repeated or comma-separated'),
  kind: text('jvn, jvnvu or jvndb'),
  published_from: text('first published on or after this JST day, YYYY-MM-DD'),
  published_to: text('first published on or before this JST day, YYYY-MM-DD'),
});

export const idParams = z.object({
  id: z.string().describe('the slug (JVN12345678) or the id, URL-encoded (JVN%2312345678)'),
});

export function summaryJson(a: AdvisorySummary, publicUrl: string): z.input<typeof advisorySummary> {
  return {
    id: a.id,
    slug: a.slug,
    kind: a.kind,
    revision: a.revision,
    title: a.title,
    firstPublishedAt: a.firstPublishedAt.toISOString(),
    lastUpdatedAt: a.lastUpdatedAt.toISOString(),
    severity: a.severity,
    score: a.score,
    developers: a.developers,
    cveIds: a.cveIds,
    cweIds: a.cweIds,
    sample: a.sample,
    url: `${publicUrl}/advisories/${a.slug}`,
    api: `${publicUrl}/api/v1/advisories/${a.slug}`,
  };
}
