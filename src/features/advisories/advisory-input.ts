// The advisory editor's form, both ways: the working copy (AdvisoryContent) as flat form values, and posted form
// values checked strictly back into a working copy, with an error per field worded in the editor's language.
// Pure: no I/O. Nothing the browser posts is trusted: CVSS scores and severities are recomputed from the vector,
// CWE ids must be in the shipped list, purl and CPE follow their grammars, links are http(s) only, every text has
// an upper bound and no control characters, and the Japanese title is required.
//
// Field names (flat, as a form posts them):
//   title.ja title.en … contact.en receivedOn
//   dev.<i>.slug dev.<i>.nameJa dev.<i>.nameEn dev.<i>.remove
//   vuln.<i>.ordinal (hidden; blank for a new row) vuln.<i>.titleJa … vuln.<i>.exploited vuln.<i>.remove
//   product.<i>.key (hidden) product.<i>.developer … product.<i>.cpe product.<i>.remove
//   status.<slug>.<ordinal>.value|statementJa|statementEn|url
//   credit.<i>.ja credit.<i>.en   ref.<i>.kind ref.<i>.title ref.<i>.url
import type {
  AdvisoryContent,
  AdvisoryProduct,
  AdvisoryReference,
  AdvisoryVulnerability,
  Bilingual,
  CvssScore,
  PublicDeveloper,
  ReferenceKind,
  VendorStatus,
  VendorStatusValue,
} from '../../domain/advisory-document.js';
import { type CvssVersion, parseCvss } from '../../domain/cvss.js';
import { findCwe } from '../../domain/cwe.js';
import type { Locale } from '../../platform/db/schema.js';
import type { FieldErrors } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/i18n.js';
import { isCpe23 } from '../directory/cpe.js';
import { checkPurl } from '../directory/purl.js';

export const BILINGUAL_FIELDS = [
  'title',
  'overview',
  'description',
  'impact',
  'solution',
  'workaround',
  'contact',
] as const;
export type BilingualField = (typeof BILINGUAL_FIELDS)[number];

export const VENDOR_STATUSES: readonly VendorStatusValue[] = [
  'affected',
  'fixed',
  'not_affected',
  'under_investigation',
  'unknown',
];
export const REFERENCE_KINDS: readonly ReferenceKind[] = ['advisory', 'vendor', 'cve', 'cwe', 'other'];

/** Upper bounds of every text (characters). */
export const LIMITS = {
  title: 300,
  overview: 4000,
  description: 20000,
  impact: 20000,
  solution: 20000,
  workaround: 20000,
  contact: 2000,
  name: 300,
  versions: 1000,
  versionRange: 500,
  fixedVersion: 200,
  statement: 5000,
  credit: 300,
  url: 2000,
  rows: 100,
} as const;

export const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
export const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export type FormValues = Record<string, string>;

/** The working copy as the form's values (what the editor shows). */
export function contentToForm(c: AdvisoryContent): FormValues {
  const v: FormValues = {};
  for (const f of BILINGUAL_FIELDS) {
    v[`${f}.ja`] = c[f].ja;
    v[`${f}.en`] = c[f].en;
  }
  v.receivedOn = c.receivedOn ?? '';
  c.developers.forEach((d, i) => {
    v[`dev.${i}.slug`] = d.slug;
    v[`dev.${i}.nameJa`] = d.name.ja;
    v[`dev.${i}.nameEn`] = d.name.en;
  });
  c.vulnerabilities.forEach((x, i) => {
    const p = `vuln.${i}.`;
    v[`${p}ordinal`] = String(x.ordinal);
    v[`${p}titleJa`] = x.title.ja;
    v[`${p}titleEn`] = x.title.en;
    v[`${p}descriptionJa`] = x.description.ja;
    v[`${p}descriptionEn`] = x.description.en;
    v[`${p}cwe`] = x.cweId ?? '';
    v[`${p}cvss31`] = x.cvss31?.vector ?? '';
    v[`${p}cvss40`] = x.cvss40?.vector ?? '';
    v[`${p}cve`] = x.cveId ?? '';
    if (x.exploitedInTheWild) v[`${p}exploited`] = 'on';
  });
  c.products.forEach((x, i) => {
    const p = `product.${i}.`;
    v[`${p}key`] = x.key;
    v[`${p}developer`] = x.developerSlug;
    v[`${p}nameJa`] = x.name.ja;
    v[`${p}nameEn`] = x.name.en;
    v[`${p}versionsJa`] = x.versions.ja;
    v[`${p}versionsEn`] = x.versions.en;
    v[`${p}versionRange`] = x.versionRange ?? '';
    v[`${p}fixedVersion`] = x.fixedVersion ?? '';
    v[`${p}purl`] = x.purl ?? '';
    v[`${p}cpe`] = x.cpe ?? '';
  });
  for (const s of c.vendorStatuses) {
    const p = `status.${s.developerSlug}.${s.vulnerabilityOrdinal}.`;
    v[`${p}value`] = s.status;
    v[`${p}statementJa`] = s.statement.ja;
    v[`${p}statementEn`] = s.statement.en;
    v[`${p}url`] = s.url ?? '';
  }
  c.credits.forEach((x, i) => {
    v[`credit.${i}.ja`] = x.ja;
    v[`credit.${i}.en`] = x.en;
  });
  c.references.forEach((x, i) => {
    v[`ref.${i}.kind`] = x.kind;
    v[`ref.${i}.title`] = x.title;
    v[`ref.${i}.url`] = x.url;
  });
  return v;
}

/** The row indexes a list has in the values (`vuln.0.…`, `vuln.3.…` → [0, 3]), at most LIMITS.rows of them. */
export function rowIndexes(values: Record<string, unknown>, list: string): number[] {
  const re = new RegExp(`^${list}\\.(\\d{1,3})\\.`);
  const found = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = re.exec(k);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b).slice(0, LIMITS.rows + 1);
}

export type ParsedAdvisory = { ok: true; content: AdvisoryContent } | { ok: false; errors: FieldErrors };

const CVSS_ERROR_KEYS = {
  empty: 'empty',
  prefix: 'prefix',
  'version-mismatch': 'versionMismatch',
  syntax: 'syntax',
  'unknown-metric': 'unknownMetric',
  'duplicate-metric': 'duplicateMetric',
  'bad-value': 'badValue',
  'missing-metric': 'missingMetric',
} as const;

/** Posted values checked into a working copy, or every field's error (worded in `locale`). */
export function parseAdvisoryForm(raw: unknown, locale: Locale): ParsedAdvisory {
  const t = translator(locale);
  const body = (raw ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const fail = (field: string, key: string, vars: Record<string, unknown> = {}) => {
    const list = errors[field] ?? [];
    list.push(t(key, vars));
    errors[field] = list;
  };
  const get = (name: string): string => {
    const x = body[name];
    return typeof x === 'string' ? x.replace(/\r\n?/g, '\n').trim() : '';
  };
  /** A bounded text without control characters ('' when not given). */
  const text = (name: string, max: number): string => {
    const s = get(name);
    if (s.length > max) fail(name, 'advisories.errors.tooLong', { max });
    else if (CONTROL_CHARS.test(s)) fail(name, 'validation.controlChars');
    return s;
  };
  const optional = (name: string, max: number): string | null => text(name, max) || null;
  const url = (name: string): string | null => {
    const s = text(name, LIMITS.url);
    if (!s) return null;
    if (!isHttpUrl(s)) {
      fail(name, 'advisories.errors.url');
      return null;
    }
    return s;
  };
  const cvss = (name: string, version: CvssVersion): CvssScore | null => {
    const s = text(name, 300);
    if (!s) return null;
    const r = parseCvss(s, version);
    if (!r.ok) {
      fail(name, `coordination.errors.cvss.${CVSS_ERROR_KEYS[r.error]}`, { version, metric: r.metric ?? '' });
      return null;
    }
    return { vector: r.vector, score: r.baseScore, severity: r.severity };
  };
  const tooMany = (list: string, n: number) => {
    if (n > LIMITS.rows) fail(list, 'advisories.errors.tooManyRows', { max: LIMITS.rows });
  };
  const removed = (name: string) => get(name) === 'on';

  const bi = (f: BilingualField): Bilingual => ({
    ja: text(`${f}.ja`, LIMITS[f]),
    en: text(`${f}.en`, LIMITS[f]),
  });
  const top = Object.fromEntries(BILINGUAL_FIELDS.map((f) => [f, bi(f)])) as Record<
    BilingualField,
    Bilingual
  >;
  if (!top.title.ja && !errors['title.ja']) fail('title.ja', 'advisories.errors.titleJaRequired');
  const receivedOnRaw = text('receivedOn', 10);
  let receivedOn: string | null = null;
  if (receivedOnRaw) {
    if (DAY.test(receivedOnRaw) && !Number.isNaN(Date.parse(`${receivedOnRaw}T00:00:00Z`)))
      receivedOn = receivedOnRaw;
    else fail('receivedOn', 'advisories.errors.day');
  }

  // developers
  const developers: PublicDeveloper[] = [];
  const devRows = rowIndexes(body, 'dev');
  tooMany('dev', devRows.length);
  for (const i of devRows) {
    const p = `dev.${i}.`;
    if (removed(`${p}remove`)) continue;
    const slug = text(`${p}slug`, 80).toLowerCase();
    const nameJa = text(`${p}nameJa`, LIMITS.name);
    const nameEn = text(`${p}nameEn`, LIMITS.name);
    if (!slug && !nameJa && !nameEn) continue;
    if (!SLUG.test(slug)) fail(`${p}slug`, 'advisories.errors.slug');
    else if (developers.some((d) => d.slug === slug)) fail(`${p}slug`, 'advisories.errors.slugTaken');
    if (!nameJa) fail(`${p}nameJa`, 'advisories.errors.required');
    developers.push({ slug, name: { ja: nameJa, en: nameEn } });
  }
  const devSlugs = new Set(developers.map((d) => d.slug));

  // vulnerabilities: kept in their order, renumbered 1…n (statuses follow their vulnerability)
  const vulnerabilities: (AdvisoryVulnerability & { was: number | null })[] = [];
  const vulnRows = rowIndexes(body, 'vuln');
  tooMany('vuln', vulnRows.length);
  for (const i of vulnRows) {
    const p = `vuln.${i}.`;
    if (removed(`${p}remove`)) continue;
    const wasRaw = get(`${p}ordinal`);
    const was = /^\d{1,4}$/.test(wasRaw) ? Number(wasRaw) : null;
    const titleJa = text(`${p}titleJa`, LIMITS.title);
    const titleEn = text(`${p}titleEn`, LIMITS.title);
    const descriptionJa = text(`${p}descriptionJa`, LIMITS.description);
    const descriptionEn = text(`${p}descriptionEn`, LIMITS.description);
    const cweRaw = text(`${p}cwe`, 100);
    const cvss31Raw = get(`${p}cvss31`);
    const cvss40Raw = get(`${p}cvss40`);
    const cveRaw = text(`${p}cve`, 30).toUpperCase();
    const any =
      titleJa || titleEn || descriptionJa || descriptionEn || cweRaw || cvss31Raw || cvss40Raw || cveRaw;
    if (!any && was === null) continue; // an empty new row
    if (!titleJa) fail(`${p}titleJa`, 'advisories.errors.required');
    let cweId: string | null = null;
    if (cweRaw) {
      const found = findCwe(cweRaw);
      if (!found) fail(`${p}cwe`, 'coordination.errors.cweUnknown', { cwe: cweRaw });
      else if (found.deprecated) fail(`${p}cwe`, 'coordination.errors.cweDeprecated', { cwe: found.id });
      else cweId = found.id;
    }
    let cveId: string | null = null;
    if (cveRaw) {
      if (CVE_ID.test(cveRaw)) cveId = cveRaw;
      else fail(`${p}cve`, 'coordination.errors.cveId');
    }
    vulnerabilities.push({
      was,
      ordinal: 0,
      title: { ja: titleJa, en: titleEn },
      description: { ja: descriptionJa, en: descriptionEn },
      cweId,
      cvss31: cvss(`${p}cvss31`, '3.1'),
      cvss40: cvss(`${p}cvss40`, '4.0'),
      cveId,
      exploitedInTheWild: get(`${p}exploited`) === 'on',
    });
  }
  const ordinalOf = new Map<number, number>();
  vulnerabilities.forEach((v, n) => {
    v.ordinal = n + 1;
    if (v.was !== null && !ordinalOf.has(v.was)) ordinalOf.set(v.was, n + 1);
  });

  // products
  const products: AdvisoryProduct[] = [];
  const productRows = rowIndexes(body, 'product');
  tooMany('product', productRows.length);
  const usedKeys = new Set<string>();
  const pending: { i: number; product: Omit<AdvisoryProduct, 'key'>; key: string | null }[] = [];
  for (const i of productRows) {
    const p = `product.${i}.`;
    if (removed(`${p}remove`)) continue;
    const developerSlug = get(`${p}developer`);
    const nameJa = text(`${p}nameJa`, LIMITS.name);
    const nameEn = text(`${p}nameEn`, LIMITS.name);
    const versionsJa = text(`${p}versionsJa`, LIMITS.versions);
    const versionsEn = text(`${p}versionsEn`, LIMITS.versions);
    const versionRange = optional(`${p}versionRange`, LIMITS.versionRange);
    const fixedVersion = optional(`${p}fixedVersion`, LIMITS.fixedVersion);
    const purlRaw = text(`${p}purl`, 1000);
    const cpeRaw = text(`${p}cpe`, 1000);
    const any =
      nameJa || nameEn || versionsJa || versionsEn || versionRange || fixedVersion || purlRaw || cpeRaw;
    if (!any) continue;
    if (!devSlugs.has(developerSlug)) fail(`${p}developer`, 'advisories.errors.developer');
    if (!nameJa) fail(`${p}nameJa`, 'advisories.errors.required');
    if (versionRange && !/^vers:[a-z0-9.+-]+\/\S+$/i.test(versionRange))
      fail(`${p}versionRange`, 'advisories.errors.vers');
    let purl: string | null = null;
    if (purlRaw) {
      const r = checkPurl(purlRaw);
      if (r.ok) purl = r.purl;
      else fail(`${p}purl`, 'advisories.errors.purl');
    }
    let cpe: string | null = null;
    if (cpeRaw) {
      if (isCpe23(cpeRaw)) cpe = cpeRaw;
      else fail(`${p}cpe`, 'advisories.errors.cpe');
    }
    const keyRaw = get(`${p}key`);
    const key = /^p\d{1,4}$/.test(keyRaw) && !usedKeys.has(keyRaw) ? keyRaw : null;
    if (key) usedKeys.add(key);
    pending.push({
      i,
      key,
      product: {
        developerSlug,
        name: { ja: nameJa, en: nameEn },
        versions: { ja: versionsJa, en: versionsEn },
        versionRange,
        fixedVersion,
        purl,
        cpe,
      },
    });
  }
  let next = Math.max(0, ...[...usedKeys].map((k) => Number(k.slice(1)))) + 1;
  for (const x of pending) {
    const key = x.key ?? `p${next++}`;
    products.push({ key, ...x.product });
  }

  // statuses: one per developer × vulnerability that has something in it
  const vendorStatuses: VendorStatus[] = [];
  const statusKey = /^status\.([a-z0-9][a-z0-9-]{0,79})\.(\d{1,4})\.value$/;
  const seen = new Set<string>();
  for (const k of Object.keys(body)) {
    const m = statusKey.exec(k);
    if (!m) continue;
    const slug = m[1] as string;
    const was = Number(m[2]);
    const p = `status.${slug}.${was}.`;
    const value = get(`${p}value`);
    const statementJa = text(`${p}statementJa`, LIMITS.statement);
    const statementEn = text(`${p}statementEn`, LIMITS.statement);
    const link = url(`${p}url`);
    if (!VENDOR_STATUSES.includes(value as VendorStatusValue)) {
      fail(`${p}value`, 'advisories.errors.status');
      continue;
    }
    const ordinal = ordinalOf.get(was);
    // a status of a developer or vulnerability removed in the same edit goes with it
    if (!devSlugs.has(slug) || ordinal === undefined) continue;
    const id = `${slug}:${ordinal}`;
    if (seen.has(id)) continue;
    seen.add(id);
    vendorStatuses.push({
      developerSlug: slug,
      vulnerabilityOrdinal: ordinal,
      status: value as VendorStatusValue,
      statement: { ja: statementJa, en: statementEn },
      url: link,
    });
  }
  vendorStatuses.sort(
    (a, b) =>
      developers.findIndex((d) => d.slug === a.developerSlug) -
        developers.findIndex((d) => d.slug === b.developerSlug) ||
      a.vulnerabilityOrdinal - b.vulnerabilityOrdinal,
  );

  // credits and references
  const credits: Bilingual[] = [];
  const creditRows = rowIndexes(body, 'credit');
  tooMany('credit', creditRows.length);
  for (const i of creditRows) {
    const ja = text(`credit.${i}.ja`, LIMITS.credit);
    const en = text(`credit.${i}.en`, LIMITS.credit);
    if (ja || en) credits.push({ ja: ja || en, en });
  }
  const references: AdvisoryReference[] = [];
  const refRows = rowIndexes(body, 'ref');
  tooMany('ref', refRows.length);
  for (const i of refRows) {
    const p = `ref.${i}.`;
    const title = text(`${p}title`, LIMITS.title);
    const rawUrl = get(`${p}url`);
    if (!title && !rawUrl) continue;
    const kind = get(`${p}kind`) || 'other';
    if (!REFERENCE_KINDS.includes(kind as ReferenceKind)) fail(`${p}kind`, 'advisories.errors.referenceKind');
    const link = url(`${p}url`);
    if (!rawUrl) fail(`${p}url`, 'advisories.errors.required');
    if (link) references.push({ kind: kind as ReferenceKind, title: title || link, url: link });
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    content: {
      ...top,
      developers,
      products,
      vulnerabilities: vulnerabilities.map(({ was: _was, ...v }) => v),
      vendorStatuses,
      credits,
      references,
      receivedOn,
    },
  };
}

/** An absolute http(s) URL with a host (javascript:, data:, relative and protocol-relative links are refused). */
export function isHttpUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return (
      (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && /^https?:\/\//i.test(s)
    );
  } catch {
    return false;
  }
}
