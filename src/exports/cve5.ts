// CVE JSON 5 (CVE Record Format 5.1): one CVE Record, state PUBLISHED, for ONE vulnerability of an advisory — what
// a CNA submits for that CVE ID (through CVE Services or Vulnogram). Pure: document in, record out.
//
// The CVE Program requires an English description (and keikai requires an English title too, which CVE
// consumers show); when either is missing the export refuses with MissingEnglishError naming the fields, in
// Japanese and English. The Japanese text travels as a second description (lang 'ja').
//
// assignerOrgId / providerMetadata.orgId: the CNA's UUID in the CVE Program's user registry (a CNA learns it
// when onboarded; setting KEIKAI_CVE_ASSIGNER_ORG_ID). Without one the record carries the placeholder
// PLACEHOLDER_ORG_ID, a syntactically valid UUID that CVE Services replaces with the uploader's organization on
// submission. assignerShortName / providerMetadata.shortName: the CNA's short name as given (setting
// KEIKAI_CVE_ASSIGNER_SHORT_NAME; by default cveShortName of the organization's English name). Dates:
// datePublished / datePublic = the advisory's first publication, dateUpdated = its last revision.
//
// Checked against the keikai-written 5.1 schema and the CVE Program's official 5.0.0 CNA container schema
// (src/exports/schema-check.ts, src/exports/schemas/README.md).
import type {
  AdvisoryDocument,
  AdvisoryProduct,
  AdvisoryVulnerability,
} from '../domain/advisory-document.js';
import { findCwe } from '../domain/cwe.js';
import { advisoryUrl, parseVers } from './common.js';
import { osvPackage, parsePurl } from './osv.js';

export const CVE5_DATA_VERSION = '5.1';
/** Used when the caller has no CNA organization UUID (see the header). */
export const PLACEHOLDER_ORG_ID = '00000000-0000-4000-8000-000000000000';

export class MissingEnglishError extends Error {
  readonly messages: { ja: string; en: string };
  constructor(readonly fields: readonly string[]) {
    const list = fields.join(', ');
    super(`CVE JSON 5 requires English: ${list}`);
    this.name = 'MissingEnglishError';
    this.messages = {
      ja: `CVE 5 には英語の説明が必要です: ${list}`,
      en: `CVE JSON 5 requires English: ${list}`,
    };
  }
}

export type CveAssigner = { orgId?: string | undefined; shortName: string };

type Json = Record<string, unknown>;

const SEVERITY = (s: string) => s.toUpperCase();

export { cveShortName } from '../domain/cve-names.js';

/** vers scheme → the versionType CVE records use for it */
const VERSION_TYPES: Readonly<Record<string, string>> = {
  npm: 'semver',
  cargo: 'semver',
  golang: 'semver',
  hex: 'semver',
  pub: 'semver',
  semver: 'semver',
  pypi: 'python',
  maven: 'maven',
  gem: 'custom',
  nuget: 'custom',
  composer: 'custom',
  deb: 'deb',
  rpm: 'rpm',
  generic: 'custom',
};

/** purl type → the package collection CVE names it by (collectionURL), for the ecosystems keikai knows */
export const COLLECTION_URLS: Readonly<Record<string, string>> = {
  npm: 'https://registry.npmjs.org',
  pypi: 'https://pypi.python.org',
  maven: 'https://repo.maven.apache.org/maven2',
  golang: 'https://pkg.go.dev',
  cargo: 'https://crates.io',
  gem: 'https://rubygems.org',
  nuget: 'https://nuget.org/packages',
  composer: 'https://packagist.org',
  hex: 'https://repo.hex.pm',
  pub: 'https://pub.dev',
};

function productVersions(p: AdvisoryProduct): Json[] {
  const vers = p.versionRange ? parseVers(p.versionRange) : null;
  const versionType = (vers && VERSION_TYPES[vers.scheme]) ?? (vers ? vers.scheme : 'custom');
  if (vers) {
    const lower = vers.constraints.find((c) => c.op === '>=' || c.op === '>');
    const upperLe = vers.constraints.find((c) => c.op === '<=');
    const upperLt = vers.constraints.find((c) => c.op === '<');
    const exact = vers.constraints.filter((c) => c.op === '=');
    const out: Json[] = exact.map((c) => ({ version: c.version, status: 'affected' }));
    if (lower || upperLe || upperLt) {
      const row: Json = { version: lower?.version ?? '0', status: 'affected', versionType };
      if (upperLt) row.lessThan = upperLt.version;
      else if (upperLe) row.lessThanOrEqual = upperLe.version;
      else if (p.fixedVersion) row.lessThan = p.fixedVersion;
      out.push(row);
    }
    if (out.length > 0) return out;
  }
  if (p.fixedVersion) return [{ version: '0', status: 'affected', lessThan: p.fixedVersion, versionType }];
  const text = (p.versions.en || p.versions.ja).trim();
  return text ? [{ version: text.slice(0, 1024), status: 'affected' }] : [];
}

function affected(doc: AdvisoryDocument, v: AdvisoryVulnerability): Json[] {
  return doc.products.map((p) => {
    const dev = doc.developers.find((d) => d.slug === p.developerSlug);
    const status = doc.vendorStatuses.find(
      (s) => s.developerSlug === p.developerSlug && s.vulnerabilityOrdinal === v.ordinal,
    )?.status;
    const row: Json = {
      vendor: (dev?.name.en || dev?.name.ja || p.developerSlug).slice(0, 512),
      product: (p.name.en || p.name.ja).slice(0, 2048),
    };
    const pkg = osvPackage(p);
    const type = p.purl ? parsePurl(p.purl)?.type : undefined;
    if (pkg && type && COLLECTION_URLS[type]) {
      row.collectionURL = COLLECTION_URLS[type];
      row.packageName = pkg.name;
    }
    if (p.cpe) row.cpes = [p.cpe];
    if (status === 'not_affected') {
      row.defaultStatus = 'unaffected';
      return row;
    }
    const versions = productVersions(p);
    if (versions.length > 0) row.versions = versions;
    row.defaultStatus = versions.length > 0 ? 'unaffected' : 'unknown';
    if (status === 'unknown' || status === 'under_investigation') row.defaultStatus = 'unknown';
    return row;
  });
}

function references(doc: AdvisoryDocument, v: AdvisoryVulnerability, publicUrl: string): Json[] {
  const out: Json[] = [];
  const seen = new Set<string>();
  const add = (url: string, name: string | null, tags: string[]) => {
    if (seen.has(url) || out.length >= 512) return;
    seen.add(url);
    const r: Json = { url };
    if (name) r.name = name.slice(0, 512);
    if (tags.length > 0) r.tags = tags;
    out.push(r);
  };
  add(advisoryUrl(publicUrl, doc), doc.id, ['third-party-advisory']);
  for (const s of doc.vendorStatuses) {
    if (s.vulnerabilityOrdinal === v.ordinal && s.url) add(s.url, null, ['vendor-advisory']);
  }
  for (const r of doc.references) {
    if (r.kind === 'cve') continue; // the record is the CVE itself
    add(r.url, r.title || null, r.kind === 'vendor' ? ['vendor-advisory'] : []);
  }
  return out;
}

/**
 * The CVE Record for `cveId`, which must be one of the advisory's vulnerabilities. `publicUrl` is the site's
 * base URL (for the advisory's reference).
 */
export function toCve5(doc: AdvisoryDocument, cveId: string, assigner: CveAssigner, publicUrl: string): Json {
  const v = doc.vulnerabilities.find((x) => x.cveId === cveId);
  if (!v) throw new RangeError(`${doc.id} has no vulnerability with ${cveId}`);
  const title = v.title.en.trim() || doc.title.en.trim();
  const description = v.description.en.trim() || doc.overview.en.trim();
  const missing: string[] = [];
  if (!title) missing.push(`vulnerabilities[${v.ordinal}].title.en`);
  if (!description) missing.push(`vulnerabilities[${v.ordinal}].description.en`);
  if (missing.length > 0) throw new MissingEnglishError(missing);

  const orgId = assigner.orgId ?? PLACEHOLDER_ORG_ID;
  const shortName = assigner.shortName;
  if (shortName.length < 2 || shortName.length > 32) {
    throw new RangeError(`a CVE short name has 2–32 characters, not ${JSON.stringify(shortName)}`);
  }
  const descriptions: Json[] = [{ lang: 'en', value: description.slice(0, 4096) }];
  const ja = (v.description.ja.trim() || doc.overview.ja.trim()).slice(0, 4096);
  if (ja) descriptions.push({ lang: 'ja', value: ja });

  const cna: Json = {
    providerMetadata: { orgId, shortName, dateUpdated: doc.lastUpdatedAt },
    title: title.slice(0, 256),
    descriptions,
    affected: affected(doc, v),
    references: references(doc, v, publicUrl),
    datePublic: doc.firstPublishedAt,
  };
  if ((cna.affected as Json[]).length === 0) {
    cna.affected = [{ vendor: 'n/a', product: 'n/a', defaultStatus: 'unknown' }];
  }
  if (v.cweId) {
    const cwe = findCwe(v.cweId);
    const d: Json = { lang: 'en', type: 'CWE', description: cwe ? `${cwe.id} ${cwe.name}` : v.cweId };
    if (/^CWE-[1-9][0-9]*$/.test(v.cweId)) d.cweId = v.cweId;
    cna.problemTypes = [{ descriptions: [d] }];
  }
  const metrics: Json[] = [];
  if (v.cvss40) {
    metrics.push({
      format: 'CVSS',
      scenarios: [{ lang: 'en', value: 'GENERAL' }],
      cvssV4_0: {
        version: '4.0',
        vectorString: v.cvss40.vector,
        baseScore: v.cvss40.score,
        baseSeverity: SEVERITY(v.cvss40.severity),
      },
    });
  }
  if (v.cvss31) {
    metrics.push({
      format: 'CVSS',
      scenarios: [{ lang: 'en', value: 'GENERAL' }],
      cvssV3_1: {
        version: '3.1',
        vectorString: v.cvss31.vector,
        baseScore: v.cvss31.score,
        baseSeverity: SEVERITY(v.cvss31.severity),
      },
    });
  }
  if (metrics.length > 0) cna.metrics = metrics;
  // the advisory's solution and workaround (対策方法 / ワークアラウンド), English first as for descriptions
  for (const [key, text] of [
    ['solutions', doc.solution],
    ['workarounds', doc.workaround],
  ] as const) {
    const list = [
      { lang: 'en', value: text.en.trim().slice(0, 4096) },
      { lang: 'ja', value: text.ja.trim().slice(0, 4096) },
    ].filter((d) => d.value.length > 0);
    if (list.length > 0) cna[key] = list;
  }
  const creditSeen = new Set<string>();
  const credits = doc.credits
    .map((c) => (c.en.trim() ? { lang: 'en', value: c.en.trim() } : { lang: 'ja', value: c.ja.trim() }))
    .filter((c) => c.value.length > 0 && !creditSeen.has(c.value) && Boolean(creditSeen.add(c.value)))
    .map((c) => ({ ...c, value: c.value.slice(0, 4096), type: 'finder' }));
  if (credits.length > 0) cna.credits = credits;
  cna.x_generator = { engine: 'keikai', advisory: doc.id, revision: doc.revision };

  return {
    dataType: 'CVE_RECORD',
    dataVersion: CVE5_DATA_VERSION,
    cveMetadata: {
      cveId,
      assignerOrgId: orgId,
      assignerShortName: shortName,
      state: 'PUBLISHED',
      datePublished: doc.firstPublishedAt,
      dateUpdated: doc.lastUpdatedAt,
    },
    containers: { cna },
  };
}
