// CSAF 2.0 (OASIS Standard): a published advisory (AdvisoryDocument) as a `csaf_security_advisory` document, the
// machine-readable form the trusted provider serves under /.well-known/csaf/ (features/csaf-provider) and every
// advisory page links to. Pure: no I/O, the same input gives the same document (keys sorted, as the recommended
// test 6.2.13 asks), so the stored bytes, their hashes and signature can be made once at publication.
//
// Language (docs/decisions/0007-csaf-language.md): the signed document in the provider folder is Japanese, the
// advisory's source language, which every advisory has; an English rendition (source_lang 'ja') is made on request
// when the advisory has English text.
//
// Mapping, in short: developers → vendor branches, products → product_name branches with a product_version_range
// (vers) leaf for the affected range and a product_version leaf for the first fixed version; each developer's
// status per vulnerability → product_status of that developer's products (affected and fixed → known_affected,
// fixed also lists the fixed version as `fixed`; not_affected → known_not_affected; under_investigation and unknown
// → under_investigation) with remediations (fixed → vendor_fix, affected → none_available, the advisory's
// workaround → workaround for every affected product); CVSS 3.1 → scores.cvss_v3; CVSS 4.0, which CSAF 2.0 cannot
// carry, → a note with the vector and score.
import * as validatorCwe from '@secvisogram/csaf-validator-lib/cwe.js';
import {
  type AdvisoryDocument,
  type AdvisoryProduct,
  type AdvisoryVulnerability,
  advisorySlug,
  type Bilingual,
  type Severity,
  type VendorStatusValue,
} from '../domain/advisory-document.js';
import { parseCvss } from '../domain/cvss.js';
import { findCwe } from '../domain/cwe.js';

export type CsafLang = 'ja' | 'en';
export type CsafProvider = {
  /** the publisher's name (config.publication.csaf.publisherName) */
  name: string;
  /** the publisher's namespace URL (config.publication.csaf.publisherNamespace) */
  namespace: string;
  /** this deployment's public URL, without a trailing slash (config.publicUrl) */
  publicUrl: string;
};

export class CsafMappingError extends Error {
  constructor(
    readonly code: 'no-english' | 'no-vulnerabilities' | 'no-products',
    message: string,
  ) {
    super(message);
    this.name = 'CsafMappingError';
  }
}

// ---------- the CSAF 2.0 subset written here ----------

export type CsafNote = { category: string; text: string; title?: string };
export type CsafReference = { category: 'self' | 'external'; summary: string; url: string };
export type CsafProduct = {
  name: string;
  product_id: string;
  product_identification_helper?: { cpe?: string; purl?: string };
};
export type CsafBranch = { category: string; name: string; branches?: CsafBranch[]; product?: CsafProduct };
export type CsafCvssV3 = {
  version: '3.1';
  vectorString: string;
  baseScore: number;
  baseSeverity: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  [metric: string]: string | number;
};
export type CsafProductStatus = Partial<
  Record<'known_affected' | 'known_not_affected' | 'fixed' | 'under_investigation', string[]>
>;
export type CsafRemediation = {
  category: 'vendor_fix' | 'workaround' | 'mitigation' | 'none_available';
  details: string;
  product_ids: string[];
  url?: string;
};
export type CsafVulnerability = {
  cve?: string;
  cwe?: { id: string; name: string };
  ids: { system_name: string; text: string }[];
  notes: CsafNote[];
  product_status: CsafProductStatus;
  release_date: string;
  remediations?: CsafRemediation[];
  scores?: { cvss_v3: CsafCvssV3; products: string[] }[];
  threats?: { category: 'exploit_status' | 'impact'; details: string; product_ids?: string[] }[];
  title?: string;
};
export type CsafDocument = {
  document: {
    acknowledgments?: { names: string[] }[];
    category: 'csaf_security_advisory';
    csaf_version: '2.0';
    distribution: { tlp: { label: 'WHITE'; url: string } };
    lang: CsafLang;
    notes?: CsafNote[];
    publisher: { category: 'coordinator'; contact_details?: string; name: string; namespace: string };
    references: CsafReference[];
    source_lang?: CsafLang;
    title: string;
    tracking: {
      current_release_date: string;
      generator: { engine: { name: string } };
      id: string;
      initial_release_date: string;
      revision_history: { date: string; number: string; summary: string }[];
      status: 'final';
      version: string;
    };
  };
  product_tree: { branches: CsafBranch[] };
  vulnerabilities: CsafVulnerability[];
};

// ---------- file names and URLs of the trusted-provider layout ----------

/** CSAF §5.1: the tracking id lower-cased, every run of other than [+\-a-z0-9] → '_', then '.json'. */
export function csafFilename(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** The year folder: the UTC year of the initial release date. */
export function csafYear(doc: Pick<AdvisoryDocument, 'firstPublishedAt'>): number {
  return new Date(doc.firstPublishedAt).getUTCFullYear();
}

export const CSAF_WHITE_PATH = '/.well-known/csaf/white';

/** Where the trusted provider serves the (signed, Japanese) document of an advisory. */
export function csafDocumentUrl(publicUrl: string, doc: Pick<AdvisoryDocument, 'id' | 'firstPublishedAt'>) {
  return `${publicUrl}${CSAF_WHITE_PATH}/${csafYear(doc)}/${csafFilename(doc.id)}`;
}

/** The English rendition (unsigned, made on request). */
export function csafEnglishUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/advisories/${advisorySlug(id)}/csaf.json?lang=en`;
}

/** Whether an English rendition can be made: the advisory has an English title (English may be empty). */
export function csafEnglishAvailable(doc: Pick<AdvisoryDocument, 'title'>): boolean {
  return doc.title.en.trim() !== '';
}

// ---------- the words the mapping adds, in both languages ----------

const SEVERITY_JA: Record<Severity, string> = {
  none: 'なし',
  low: '注意',
  medium: '警告',
  high: '重要',
  critical: '緊急',
};

const WORDS = {
  ja: {
    overview: '概要',
    description: '詳細情報',
    impact: '想定される影響',
    solution: '対策方法',
    workaround: 'ワークアラウンド',
    noFix: '公開時点で、開発者による修正は提供されていません。',
    investigating: '公開時点で、開発者は影響の有無を確認中であり、修正は提供されていません。',
    vendorFix: '開発者が提供する情報をもとに、修正を適用してください。',
    exploited: 'この脆弱性を悪用した攻撃が確認されています。',
    statement: (vendor: string) => `開発者の見解（${vendor}）`,
    sample: 'これは keikai のデモ用のサンプルであり、実在する脆弱性の情報ではありません。',
    sampleTitle: 'サンプル',
    source: (name: string, id: string) => `この情報は ${name} が ${id} として公開したものです。`,
    sourceTitle: '出典',
    sourceRef: (name: string, id: string) => `${name} による元の情報（${id}）`,
    advisoryPage: (id: string) => `${id}（脆弱性対策情報のページ）`,
    csafDocument: (id: string) => `${id} の CSAF 文書`,
    japaneseOriginal: (id: string) => `${id} の CSAF 文書（日本語、署名付きの原本）`,
    cvss4: (score: number, severity: Severity, vector: string) =>
      `CVSS v4.0 基本値: ${score.toFixed(1)}（${SEVERITY_JA[severity]}） ${vector}`,
    revision: (n: number, _ja: string) => `第 ${n} 版`,
  },
  en: {
    overview: 'Overview',
    description: 'Description',
    impact: 'Impact',
    solution: 'Solution',
    workaround: 'Workaround',
    noFix: 'No fix is available from the developer at the time of publication.',
    investigating:
      'At the time of publication the developer is still investigating whether this product is affected; no fix is available.',
    vendorFix: 'Apply the fix provided by the developer.',
    exploited: 'Exploitation of this vulnerability in the wild has been reported.',
    statement: (vendor: string) => `Statement of ${vendor}`,
    sample: 'This is a sample advisory of the keikai demo, not a real vulnerability.',
    sampleTitle: 'Sample',
    source: (name: string, id: string) => `Originally published by ${name} as ${id}.`,
    sourceTitle: 'Source',
    sourceRef: (name: string, id: string) => `Original advisory by ${name} (${id})`,
    advisoryPage: (id: string) => `${id} (advisory page)`,
    csafDocument: (id: string) => `CSAF document of ${id}`,
    japaneseOriginal: (id: string) => `CSAF document of ${id} in Japanese (the signed original)`,
    cvss4: (score: number, severity: Severity, vector: string) =>
      `CVSS v4.0 base score: ${score.toFixed(1)} (${severity.toUpperCase()}) ${vector}`,
    revision: (n: number, ja: string) => `Revision ${n} (change note in Japanese: ${ja})`,
  },
} as const;

// ---------- CWE and CVSS ----------

/** The validator's CWE catalogue (test 6.1.11 requires id and name as it spells them). */
const VALIDATOR_CWE = new Map(validatorCwe.weaknesses.map((w) => [w.id, w.name]));

/**
 * `{id, name}` for a real CWE weakness the validator knows; null for NVD's pseudo-ids, for CWE categories (which
 * CSAF 2.0's `cwe` may not name; 6.1.11 refuses them) and for anything unknown — those go into a note instead.
 */
export function csafCwe(cweId: string | null): { id: string; name: string } | null {
  if (!cweId) return null;
  const entry = findCwe(cweId);
  const name = entry?.id.startsWith('CWE-') ? VALIDATOR_CWE.get(entry.id) : undefined;
  return entry && name ? { id: entry.id, name } : null;
}

const V3_FIELDS: Record<string, [string, Record<string, string>]> = {
  AV: ['attackVector', { N: 'NETWORK', A: 'ADJACENT_NETWORK', L: 'LOCAL', P: 'PHYSICAL' }],
  AC: ['attackComplexity', { L: 'LOW', H: 'HIGH' }],
  PR: ['privilegesRequired', { N: 'NONE', L: 'LOW', H: 'HIGH' }],
  UI: ['userInteraction', { N: 'NONE', R: 'REQUIRED' }],
  S: ['scope', { U: 'UNCHANGED', C: 'CHANGED' }],
  C: ['confidentialityImpact', { H: 'HIGH', L: 'LOW', N: 'NONE' }],
  I: ['integrityImpact', { H: 'HIGH', L: 'LOW', N: 'NONE' }],
  A: ['availabilityImpact', { H: 'HIGH', L: 'LOW', N: 'NONE' }],
};

/**
 * The cvss_v3 object of a CVSS 3.1 vector: version, vector, base score and severity computed here (6.1.9 checks
 * them against FIRST's calculator) and the base metrics spelled out (6.1.10 checks they agree with the vector).
 * Null for a vector that does not parse.
 */
export function csafCvssV3(vector: string): CsafCvssV3 | null {
  const parsed = parseCvss(vector, '3.1');
  if (!parsed.ok) return null;
  const out: CsafCvssV3 = {
    version: '3.1',
    vectorString: parsed.vector,
    baseScore: parsed.baseScore,
    baseSeverity: parsed.severity.toUpperCase() as CsafCvssV3['baseSeverity'],
  };
  for (const part of parsed.vector.split('/').slice(1)) {
    const [name, value] = part.split(':') as [string, string];
    const field = V3_FIELDS[name];
    const spelled = field?.[1][value];
    if (field && spelled) out[field[0]] = spelled;
  }
  return out;
}

// ---------- helpers ----------

/** Objects with their keys sorted (recommended test 6.2.13) and undefined members left out. */
function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(KEY_ORDER.compare)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out as T;
  }
  return value;
}
const KEY_ORDER = new Intl.Collator('en');

/** The stored and served text of a CSAF document: sorted keys, two-space indentation, a final newline. */
export function csafJson(doc: CsafDocument): string {
  return `${JSON.stringify(sortKeys(doc), null, 2)}\n`;
}

const CVE_ID = /^CVE-[0-9]{4}-[0-9]{4,}$/;

/** `pkg:npm/foo` + '1.2.4' → `pkg:npm/foo@1.2.4`; null when the purl already names a version. */
export function purlAtVersion(purl: string, version: string): string | null {
  const end = purl.search(/[?#]/);
  const head = end < 0 ? purl : purl.slice(0, end);
  const tail = end < 0 ? '' : purl.slice(end);
  const lastSegment = head.slice(head.lastIndexOf('/') + 1);
  if (lastSegment.includes('@') || lastSegment === '') return null;
  return `${head}@${encodeURIComponent(version)}${tail}`;
}

type Vendor = { slug: string; name: string; products: AdvisoryProduct[] };
type ProductIds = { range: string; fixed: string | null };

const productId = (p: AdvisoryProduct) => `CSAFPID-${p.key}`;
const fixedProductId = (p: AdvisoryProduct) => `CSAFPID-${p.key}-fixed`;
const vendorProductId = (slug: string) => `CSAFPID-vendor-${slug}`;

// ---------- the mapping ----------

/**
 * The advisory as a CSAF 2.0 security advisory in one language. Japanese (the default) is the signed document of
 * the trusted provider; English is a rendition (source_lang 'ja') and needs an English title (CsafMappingError
 * 'no-english' otherwise — csafEnglishAvailable says in advance). Empty English texts are left out, names
 * (developers, products, credits) fall back to Japanese.
 */
export function toCsaf(
  doc: AdvisoryDocument,
  provider: CsafProvider,
  opts: { lang?: CsafLang } = {},
): CsafDocument {
  const lang: CsafLang = opts.lang ?? 'ja';
  const w = WORDS[lang];
  if (lang === 'en' && !csafEnglishAvailable(doc)) {
    throw new CsafMappingError('no-english', `${doc.id} has no English title: no English CSAF can be made`);
  }
  if (doc.vulnerabilities.length === 0) {
    throw new CsafMappingError('no-vulnerabilities', `${doc.id} names no vulnerability`);
  }
  /** the text in this language ('' when empty) */
  const text = (b: Bilingual) => (lang === 'ja' ? b.ja : b.en).trim();
  /** a name: the English one falls back to the Japanese */
  const name = (b: Bilingual) => text(b) || b.ja.trim();

  // vendors: the advisory's developers, then any developer a product or a status names that the list lacks
  const vendors: Vendor[] = [];
  const vendorBySlug = new Map<string, Vendor>();
  const addVendor = (slug: string, vendorName: string) => {
    if (vendorBySlug.has(slug)) return;
    const v: Vendor = { slug, name: vendorName || slug, products: [] };
    vendors.push(v);
    vendorBySlug.set(slug, v);
  };
  for (const d of doc.developers) addVendor(d.slug, name(d.name));
  for (const p of doc.products) addVendor(p.developerSlug, p.developerSlug);
  for (const s of doc.vendorStatuses) addVendor(s.developerSlug, s.developerSlug);
  for (const p of doc.products) vendorBySlug.get(p.developerSlug)!.products.push(p);
  const withStatus = new Set(doc.vendorStatuses.map((s) => s.developerSlug));
  // a developer with neither products nor statuses says nothing about any product: left out of the tree
  const treeVendors = vendors.filter((v) => v.products.length > 0 || withStatus.has(v.slug));

  // product tree
  const idsOf = new Map<string, ProductIds[]>(); // vendor slug → its products' ids
  const branches: CsafBranch[] = treeVendors.map((v) => {
    if (v.products.length === 0) {
      idsOf.set(v.slug, [{ range: vendorProductId(v.slug), fixed: null }]);
      return {
        category: 'vendor',
        name: v.name,
        product: { name: v.name, product_id: vendorProductId(v.slug) },
      };
    }
    const ids: ProductIds[] = [];
    const byName = new Map<string, AdvisoryProduct[]>();
    for (const p of v.products) {
      const key = name(p.name);
      byName.set(key, [...(byName.get(key) ?? []), p]);
    }
    const productBranches: CsafBranch[] = [...byName].map(([named, products]) => {
      const productName = named || products[0]!.key;
      const only = products.length === 1 ? products[0]! : null;
      const fullName = (version: string) => [v.name, productName, version].filter((x) => x !== '').join(' ');
      const helper = (purl: string | null, cpe: string | null) =>
        purl || cpe ? { purl: purl ?? undefined, cpe: cpe ?? undefined } : undefined;
      for (const p of products) {
        ids.push({ range: productId(p), fixed: p.fixedVersion ? fixedProductId(p) : null });
      }
      // one product without a machine-readable range or fixed version: the product itself, its versions in the name
      if (only && !only.versionRange && !only.fixedVersion) {
        return {
          category: 'product_name',
          name: productName,
          product: {
            name: fullName(text(only.versions)),
            product_id: productId(only),
            product_identification_helper: helper(only.purl, only.cpe),
          },
        };
      }
      const leaves: CsafBranch[] = [];
      for (const p of products) {
        const versionsText = text(p.versions);
        leaves.push({
          category: 'product_version_range',
          name: p.versionRange ?? (versionsText || '*'),
          product: {
            name: fullName(versionsText || p.versionRange || ''),
            product_id: productId(p),
            product_identification_helper: helper(p.purl, p.cpe),
          },
        });
        if (p.fixedVersion) {
          const fixedPurl = p.purl ? purlAtVersion(p.purl, p.fixedVersion) : null;
          leaves.push({
            category: 'product_version',
            name: p.fixedVersion,
            product: {
              name: fullName(p.fixedVersion),
              product_id: fixedProductId(p),
              product_identification_helper: helper(fixedPurl, null),
            },
          });
        }
      }
      return { category: 'product_name', name: productName, branches: leaves };
    });
    idsOf.set(v.slug, ids);
    return { category: 'vendor', name: v.name, branches: productBranches };
  });

  const vulnerabilities = [...doc.vulnerabilities]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((v) => mapVulnerability(v));

  function mapVulnerability(v: AdvisoryVulnerability): CsafVulnerability {
    const status: Required<CsafProductStatus> = {
      known_affected: [],
      known_not_affected: [],
      fixed: [],
      under_investigation: [],
    };
    const remediations: CsafRemediation[] = [];
    const notes: CsafNote[] = [];
    const description = text(v.description) || text(v.title) || text(doc.overview) || text(doc.title);
    notes.push({ category: 'description', text: description, title: text(v.title) || undefined });

    for (const vendor of treeVendors) {
      const s = doc.vendorStatuses.find(
        (x) => x.developerSlug === vendor.slug && x.vulnerabilityOrdinal === v.ordinal,
      );
      const value: VendorStatusValue = s?.status ?? 'unknown';
      const ids = idsOf.get(vendor.slug) ?? [];
      const ranges = ids.map((i) => i.range);
      const fixed = ids.flatMap((i) => (i.fixed ? [i.fixed] : []));
      const statement = s ? text(s.statement) : '';
      if (statement) notes.push({ category: 'other', text: statement, title: w.statement(vendor.name) });
      switch (value) {
        case 'fixed':
        case 'affected': {
          status.known_affected.push(...ranges);
          status.fixed.push(...fixed);
          const url = s?.url ?? undefined;
          remediations.push(
            value === 'fixed'
              ? {
                  category: 'vendor_fix',
                  details: statement || text(doc.solution) || w.vendorFix,
                  product_ids: ranges,
                  url,
                }
              : { category: 'none_available', details: statement || w.noFix, product_ids: ranges, url },
          );
          break;
        }
        case 'not_affected':
          status.known_not_affected.push(...ranges, ...fixed);
          break;
        default:
          status.under_investigation.push(...ranges, ...fixed);
          remediations.push({
            category: 'none_available',
            details: statement || w.investigating,
            product_ids: [...ranges, ...fixed],
            url: s?.url ?? undefined,
          });
      }
    }
    const product_status: CsafProductStatus = Object.fromEntries(
      Object.entries(status).filter(([, ids]) => ids.length > 0),
    );
    if (Object.keys(product_status).length === 0) {
      throw new CsafMappingError(
        'no-products',
        `${doc.id}: vulnerability ${v.ordinal} concerns no product (no developer, product or status)`,
      );
    }
    const workaround = text(doc.workaround);
    if (workaround && status.known_affected.length > 0) {
      remediations.push({ category: 'workaround', details: workaround, product_ids: status.known_affected });
    }

    const scored = [...status.known_affected, ...status.under_investigation];
    const cvssV3 = v.cvss31 ? csafCvssV3(v.cvss31.vector) : null;
    if (v.cvss40) {
      notes.push({
        category: 'other',
        title: 'CVSS v4.0',
        text: w.cvss4(v.cvss40.score, v.cvss40.severity, v.cvss40.vector),
      });
    }
    const cwe = csafCwe(v.cweId);
    if (v.cweId && !cwe) notes.push({ category: 'other', title: 'CWE', text: cweNoteText(v.cweId) });

    const threats: NonNullable<CsafVulnerability['threats']> = [];
    const impact = text(doc.impact);
    if (impact) threats.push({ category: 'impact', details: impact });
    if (v.exploitedInTheWild) {
      threats.push({
        category: 'exploit_status',
        details: w.exploited,
        product_ids: status.known_affected.length > 0 ? status.known_affected : undefined,
      });
    }

    const ids = [{ system_name: 'JVN', text: doc.id }];
    if (doc.source && doc.source.trackingId !== doc.id) {
      ids.push({ system_name: doc.source.name, text: doc.source.trackingId });
    }
    return {
      cve: v.cveId && CVE_ID.test(v.cveId) ? v.cveId : undefined,
      cwe: cwe ?? undefined,
      ids,
      notes,
      product_status,
      release_date: doc.firstPublishedAt,
      remediations: remediations.length > 0 ? remediations : undefined,
      scores: cvssV3 && scored.length > 0 ? [{ cvss_v3: cvssV3, products: scored }] : undefined,
      threats: threats.length > 0 ? threats : undefined,
      title: text(v.title) || undefined,
    };
  }

  // document-level notes
  const notes: CsafNote[] = [];
  const note = (category: string, title: string, body: string) => {
    if (body) notes.push({ category, title, text: body });
  };
  note('summary', w.overview, text(doc.overview));
  note('details', w.description, text(doc.description));
  note('general', w.impact, text(doc.impact));
  note('general', w.solution, text(doc.solution));
  note('general', w.workaround, text(doc.workaround));
  if (doc.sample) note('general', w.sampleTitle, w.sample);
  if (doc.source) note('general', w.sourceTitle, w.source(doc.source.name, doc.source.trackingId));

  // references: this advisory's page and CSAF document first (self), then the advisory's own references
  const page = `${provider.publicUrl}/advisories/${advisorySlug(doc.id)}`;
  const references: CsafReference[] = [{ category: 'self', summary: w.advisoryPage(doc.id), url: page }];
  if (lang === 'ja') {
    references.push({
      category: 'self',
      summary: w.csafDocument(doc.id),
      url: csafDocumentUrl(provider.publicUrl, doc),
    });
  } else {
    references.push(
      { category: 'self', summary: w.csafDocument(doc.id), url: csafEnglishUrl(provider.publicUrl, doc.id) },
      {
        category: 'external',
        summary: w.japaneseOriginal(doc.id),
        url: csafDocumentUrl(provider.publicUrl, doc),
      },
    );
  }
  if (doc.source?.url) {
    references.push({
      category: 'external',
      summary: w.sourceRef(doc.source.name, doc.source.trackingId),
      url: doc.source.url,
    });
  }
  const seen = new Set(references.map((r) => r.url));
  for (const r of doc.references) {
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    references.push({ category: 'external', summary: r.title.trim() || r.url, url: r.url });
  }

  const revisions = [...doc.revisions].sort((a, b) => a.revision - b.revision);
  const credits = doc.credits.map(name).filter((n) => n !== '');

  return sortKeys({
    document: {
      acknowledgments: credits.length > 0 ? [{ names: credits }] : undefined,
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      lang,
      notes: notes.length > 0 ? notes : undefined,
      publisher: {
        category: 'coordinator',
        contact_details: text(doc.contact) || undefined,
        name: provider.name,
        namespace: provider.namespace,
      },
      references,
      source_lang: lang === 'en' ? 'ja' : undefined,
      title: text(doc.title),
      tracking: {
        current_release_date: doc.lastUpdatedAt,
        generator: { engine: { name: 'keikai' } },
        id: doc.id,
        initial_release_date: doc.firstPublishedAt,
        revision_history: revisions.map((r) => ({
          date: r.publishedAt,
          number: String(r.revision),
          summary: text(r.note) || w.revision(r.revision, r.note.ja.trim()),
        })),
        status: 'final',
        version: String(doc.revision),
      },
    },
    product_tree: { branches },
    vulnerabilities,
  });
}

function cweNoteText(cweId: string): string {
  const entry = findCwe(cweId);
  return entry ? `${entry.id}: ${entry.name.trim()}` : cweId;
}
