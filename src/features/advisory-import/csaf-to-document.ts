// A CSAF 2.0 document from any publisher → the AdvisoryDocument the public database stores (a JVNDB entry).
// Pure: no I/O. The caller validates the document first (src/exports/csaf-validate.ts) and assigns the id;
// this mapping still refuses, with a CsafMappingError, what it cannot make sense of (so that a caller that
// skipped validation never writes half a document).
//
// Languages: CSAF has one language per document (document.lang). Text in a Japanese document (lang ja, ja-JP …)
// goes into `.ja`, any other language into `.en`. Names (developers, products, credited people) are the same in
// both languages and go into both.
import { createHash } from 'node:crypto';
import type {
  AdvisoryDocument,
  AdvisoryProduct,
  AdvisoryReference,
  AdvisoryRevision,
  AdvisoryVulnerability,
  Bilingual,
  CvssScore,
  PublicDeveloper,
  ReferenceKind,
  VendorStatus,
  VendorStatusValue,
} from '../../domain/advisory-document.js';
import { parseCvss } from '../../domain/cvss.js';
import { normaliseCweId } from '../../domain/cwe.js';
import { XML_FORBIDDEN } from '../../exports/common.js';
import { isCpe23 } from '../directory/cpe.js';
import { checkPurl } from '../directory/purl.js';

export class CsafMappingError extends Error {
  override name = 'CsafMappingError';
}

// ---- the parts of CSAF 2.0 read here (loosely typed: the validator has checked the real schema) ----

type Note = { category?: string; text?: string; title?: string };
type Reference = { category?: string; summary?: string; url?: string };
type Acknowledgment = { names?: string[]; organization?: string; summary?: string };
type Helper = { purl?: string; cpe?: string };
type FullProductName = { product_id?: string; name?: string; product_identification_helper?: Helper };
type Branch = { category?: string; name?: string; branches?: Branch[]; product?: FullProductName };
type Relationship = {
  product_reference?: string;
  relates_to_product_reference?: string;
  full_product_name?: FullProductName;
};
type ProductStatus = Partial<
  Record<
    | 'first_affected'
    | 'first_fixed'
    | 'fixed'
    | 'known_affected'
    | 'known_not_affected'
    | 'last_affected'
    | 'recommended'
    | 'under_investigation',
    string[]
  >
>;
type Remediation = { category?: string; details?: string; product_ids?: string[]; url?: string };
type CvssObject = { vectorString?: string; version?: string };
type Score = { cvss_v3?: CvssObject; cvss_v4?: CvssObject; products?: string[] };
type Vulnerability = {
  cve?: string;
  cwe?: { id?: string; name?: string };
  title?: string;
  notes?: Note[];
  product_status?: ProductStatus;
  remediations?: Remediation[];
  scores?: Score[];
  // CSAF 2.1 drafts: metrics[].content.cvss_v3 / cvss_v4
  metrics?: { content?: { cvss_v3?: CvssObject; cvss_v4?: CvssObject }; products?: string[] }[];
  threats?: { category?: string; details?: string; product_ids?: string[] }[];
  references?: Reference[];
  acknowledgments?: Acknowledgment[];
};

export type Csaf = {
  document?: {
    category?: string;
    csaf_version?: string;
    lang?: string;
    title?: string;
    publisher?: { name?: string; namespace?: string; contact_details?: string };
    tracking?: {
      id?: string;
      status?: string;
      version?: string;
      initial_release_date?: string;
      current_release_date?: string;
      revision_history?: { date?: string; number?: string; summary?: string }[];
    };
    notes?: Note[];
    references?: Reference[];
    acknowledgments?: Acknowledgment[];
    distribution?: { tlp?: { label?: string } };
  };
  product_tree?: {
    branches?: Branch[];
    full_product_names?: FullProductName[];
    relationships?: Relationship[];
  };
  vulnerabilities?: Vulnerability[];
};

/** What identifies an imported advisory across runs: whose it is and their id for it. */
export type CsafKey = { namespace: string; trackingId: string };

/** The publisher's namespace and tracking id, or a mapping error when the document has none. */
export function csafKey(input: unknown): CsafKey {
  const d = (input as Csaf | null)?.document;
  const namespace = d?.publisher?.namespace;
  const trackingId = d?.tracking?.id;
  if (typeof namespace !== 'string' || namespace.trim() === '') {
    throw new CsafMappingError('document.publisher.namespace is missing');
  }
  if (typeof trackingId !== 'string' || trackingId.trim() === '') {
    throw new CsafMappingError('document.tracking.id is missing');
  }
  return { namespace: namespace.trim(), trackingId: trackingId.trim() };
}

/** TLP labels a public database may hold (TLP:WHITE in CSAF 2.0, TLP:CLEAR in 2.1); no label means public. */
const PUBLIC_TLP = new Set(['WHITE', 'CLEAR']);

/** The document's TLP label when it is not one a public database may hold, else null. */
export function nonPublicTlp(input: unknown): string | null {
  const label = (input as Csaf | null)?.document?.distribution?.tlp?.label;
  return typeof label === 'string' && !PUBLIC_TLP.has(label.toUpperCase()) ? label : null;
}

// ---- developer slugs ----

const SLUG_MAX = 80;

/** a-z0-9 words joined by '-', from any text (accents dropped, everything else a separator) */
function slugWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/**
 * The public slug of a vendor named in another publisher's CSAF: the publisher's host (www. dropped) and the
 * vendor's name, e.g. https://www.example-cert.org + "Example Networks, Inc." → example-cert-org-example-networks-inc.
 * Stable (the same publisher and name always give the same slug, so re-imports update the same developer),
 * kept apart from other publishers' vendors and from keikai's own developers by the prefix, and always
 * within ^[a-z0-9][a-z0-9-]{0,79}$: a name with no Latin letters (株式会社…) or a slug too long ends in a
 * short hash of the name instead.
 */
export function vendorSlug(namespace: string, vendor: string): string {
  let host = namespace;
  try {
    host = new URL(namespace).hostname;
  } catch {
    // a namespace that is not a URL (the schema requires one; be lenient): use it as it is
  }
  const prefix =
    slugWords(host.replace(/^www\./, ''))
      .slice(0, 40)
      .replace(/-+$/, '') || 'csaf';
  const name = slugWords(vendor);
  const whole = `${prefix}-${name}`;
  if (name !== '' && whole.length <= SLUG_MAX) return whole;
  const kept = name.slice(0, SLUG_MAX - prefix.length - 12).replace(/-+$/, '');
  return [prefix, kept, shortHash(vendor.normalize('NFC'))].filter(Boolean).join('-');
}

// ---- helpers ----

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

function instant(value: unknown, what: string): string {
  const s = str(value);
  const t = Date.parse(s);
  if (s === '' || Number.isNaN(t))
    throw new CsafMappingError(`${what} is not a date: ${JSON.stringify(value)}`);
  return new Date(t).toISOString();
}

function referenceKind(url: string): ReferenceKind {
  if (/^https:\/\/(www\.)?cve\.org\/|nvd\.nist\.gov\/vuln\/detail\/CVE-/i.test(url)) return 'cve';
  if (/cwe\.mitre\.org\//i.test(url)) return 'cwe';
  return 'advisory';
}

/** The highest-scoring valid vector of a version among the vulnerability's scores. */
function bestScore(vectors: string[], version: '3.1' | '4.0'): CvssScore | null {
  let best: CvssScore | null = null;
  for (const raw of vectors) {
    // CVSS 3.0 vectors have the same metrics as 3.1; they are scored as 3.1 (the figures can differ in the
    // first decimal; the vector published is the 3.1 one, which is what keikai shows and exports)
    const vector = version === '3.1' ? raw.replace(/^CVSS:3\.0\//, 'CVSS:3.1/') : raw;
    const r = parseCvss(vector, version);
    if (r.ok && (!best || r.baseScore > best.score)) {
      best = { vector: r.vector, score: r.baseScore, severity: r.severity };
    }
  }
  return best;
}

// ---- the mapping ----

export type MapInput = {
  /** the JVNDB id the caller allocated (or the one already given to this advisory) */
  id: string;
  /** where the document was read from, when that is a public https URL (used without a self reference) */
  url?: string | null;
};

export function csafToDocument(input: unknown, { id, url = null }: MapInput): AdvisoryDocument {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CsafMappingError('not a JSON object');
  }
  const csaf = input as Csaf;
  const d = csaf.document;
  if (!d || typeof d !== 'object') throw new CsafMappingError('document is missing');
  const key = csafKey(csaf);
  const tracking = d.tracking ?? {};
  if (tracking.status === 'draft')
    throw new CsafMappingError('document.tracking.status is draft (not published)');

  const japanese = str(d.lang).toLowerCase().startsWith('ja');
  /** text in the document's language */
  const text = (t: unknown): Bilingual => {
    const s = str(t);
    return japanese ? { ja: s, en: '' } : { ja: '', en: s };
  };
  /** a name, the same in both languages */
  const name = (t: unknown): Bilingual => ({ ja: str(t), en: str(t) });
  /** several texts in the document's language, one paragraph each */
  const paragraphs = (ts: unknown[]): Bilingual => text(uniq(ts.map(str).filter(Boolean)).join('\n\n'));
  /**
   * A text the public database requires in Japanese (the title, a revision's note): an English-only source
   * has no Japanese, so its English text stands in for it rather than leaving the Japanese page blank.
   */
  const required = (t: unknown): Bilingual => {
    const s = str(t);
    return japanese ? { ja: s, en: '' } : { ja: s, en: s };
  };

  const title = str(d.title);
  if (title === '') throw new CsafMappingError('document.title is missing');

  // -- revisions: numbered 1, 2, 3 … in date order, or by the publisher's own numbers when they are all
  //    whole numbers ≥ 1 (integer versioning), so the revision is the one the publisher gives
  const history = [...(tracking.revision_history ?? [])]
    .map((h) => ({
      date: instant(h.date, 'a revision_history date'),
      number: str(h.number),
      summary: h.summary,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || compareVersions(a.number, b.number));
  if (history.length === 0) throw new CsafMappingError('document.tracking.revision_history is empty');
  const integers = history.every((h) => /^[1-9]\d{0,5}$/.test(h.number));
  const numbers = integers ? history.map((h) => Number(h.number)) : history.map((_, i) => i + 1);
  if (integers && new Set(numbers).size !== numbers.length) {
    throw new CsafMappingError('document.tracking.revision_history numbers repeat');
  }
  const revisions: AdvisoryRevision[] = history.map((h, i) => ({
    revision: numbers[i]!,
    publishedAt: h.date,
    note: required(str(h.summary) || (i === 0 ? 'Initial release' : `Revision ${h.number}`)),
  }));
  const version = str(tracking.version);
  const revision = integers && /^[1-9]\d{0,5}$/.test(version) ? Number(version) : numbers.at(-1)!;
  if (!revisions.some((r) => r.revision === revision)) {
    throw new CsafMappingError(`document.tracking.version ${version} is not in revision_history`);
  }
  const firstPublishedAt = instant(tracking.initial_release_date, 'document.tracking.initial_release_date');
  const lastUpdatedAt = instant(tracking.current_release_date, 'document.tracking.current_release_date');

  // -- product tree: vendors → developers; product names → products; every product id → its product
  const publisherName = str(d.publisher?.name) || key.namespace;
  const developers = new Map<string, PublicDeveloper>();
  const developer = (vendor: string): string => {
    const slug = vendorSlug(key.namespace, vendor);
    if (!developers.has(slug)) developers.set(slug, { slug, name: name(vendor) });
    return slug;
  };
  type Draft = {
    key: string;
    developerSlug: string;
    name: string;
    versions: { name: string; productIds: string[] }[];
    productIds: string[];
    purl: string | null;
    cpe: string | null;
  };
  const drafts: Draft[] = [];
  const productOf = new Map<string, Draft>();
  const helper = (draft: Draft, h: Helper | undefined) => {
    const purl = str(h?.purl);
    if (!draft.purl && purl) {
      const c = checkPurl(purl);
      if (c.ok) draft.purl = c.purl;
    }
    const cpe = str(h?.cpe);
    if (!draft.cpe && cpe && isCpe23(cpe)) draft.cpe = cpe;
  };
  const newDraft = (vendor: string, productName: string): Draft => {
    const draft: Draft = {
      key: `p${drafts.length + 1}`,
      developerSlug: developer(vendor),
      name: productName,
      versions: [],
      productIds: [],
      purl: null,
      cpe: null,
    };
    drafts.push(draft);
    return draft;
  };
  const claim = (draft: Draft, product: FullProductName | undefined, versionName: string | null) => {
    const pid = str(product?.product_id);
    if (pid) {
      productOf.set(pid, draft);
      draft.productIds.push(pid);
    }
    helper(draft, product?.product_identification_helper);
    if (versionName) {
      draft.versions.push({ name: versionName, productIds: pid ? [pid] : [] });
    }
  };
  /** Walks a branch: vendor sets the developer, product_name starts a product, versions below belong to it. */
  const walk = (b: Branch, vendor: string, draft: Draft | null) => {
    const bname = str(b.name);
    let v = vendor;
    let p = draft;
    if (b.category === 'vendor' && bname) {
      v = bname;
      p = null;
    } else if ((b.category === 'product_name' || b.category === 'product_family') && bname && !p) {
      p = newDraft(v, bname);
    } else if (b.category === 'product_name' && bname && p) {
      // a product name below a product family: the family + the name
      p = newDraft(v, `${p.name} ${bname}`);
    }
    if (b.product) {
      const target = p ?? newDraft(v, str(b.product.name) || bname);
      const isVersion = b.category === 'product_version' || b.category === 'product_version_range';
      claim(target, b.product, isVersion ? bname : null);
    }
    for (const child of b.branches ?? []) walk(child, v, p);
  };
  for (const b of csaf.product_tree?.branches ?? []) walk(b, publisherName, null);
  // products outside the branches: under the publisher as their developer
  for (const fpn of csaf.product_tree?.full_product_names ?? []) {
    if (productOf.has(str(fpn.product_id))) continue;
    claim(newDraft(publisherName, str(fpn.name) || str(fpn.product_id)), fpn, null);
  }
  // relationships (a component installed on a platform …) name a new product id: it belongs to the product
  // of its product_reference
  for (const r of csaf.product_tree?.relationships ?? []) {
    const base = productOf.get(str(r.product_reference));
    const pid = str(r.full_product_name?.product_id);
    if (base && pid && !productOf.has(pid)) {
      productOf.set(pid, base);
      base.productIds.push(pid);
    }
  }

  const vulns = Array.isArray(csaf.vulnerabilities) ? csaf.vulnerabilities : [];
  const statusIds = (v: Vulnerability, ...which: (keyof ProductStatus)[]) =>
    new Set(which.flatMap((w) => (Array.isArray(v.product_status?.[w]) ? v.product_status[w] : [])));
  const AFFECTED = ['known_affected', 'first_affected', 'last_affected'] as const;
  const FIXED = ['fixed', 'first_fixed'] as const;

  const affected = new Set(vulns.flatMap((v) => [...statusIds(v, ...AFFECTED)]));
  const fixed = new Set(vulns.flatMap((v) => [...statusIds(v, ...FIXED)]));
  const products: AdvisoryProduct[] = drafts.map((p) => {
    const affectedVersions = p.versions.filter((x) => x.productIds.some((id) => affected.has(id)));
    const fixedVersions = p.versions.filter((x) => x.productIds.some((id) => fixed.has(id)));
    const shown = affectedVersions.length > 0 ? affectedVersions : p.versions;
    return {
      key: p.key,
      developerSlug: p.developerSlug,
      name: name(p.name),
      versions: name(uniq(shown.map((x) => x.name)).join(', ')),
      versionRange: null,
      fixedVersion: fixedVersions[0]?.name ?? null,
      purl: p.purl,
      cpe: p.cpe,
    };
  });

  // -- vulnerabilities
  const vulnerabilities: AdvisoryVulnerability[] = vulns.map((v, i) => {
    const scores = [
      ...(v.scores ?? []).map((s) => ({ v3: s.cvss_v3, v4: s.cvss_v4 })),
      ...(v.metrics ?? []).map((m) => ({ v3: m.content?.cvss_v3, v4: m.content?.cvss_v4 })),
    ];
    const cwe = str(v.cwe?.id);
    const cveId = str(v.cve);
    const vnotes = (v.notes ?? []).filter((n) => n.category === 'description' || n.category === 'summary');
    return {
      ordinal: i + 1,
      title: text(str(v.title) || cveId || title),
      description: paragraphs(vnotes.map((n) => n.text)),
      cweId: cwe ? normaliseCweId(cwe) : null,
      cvss31: bestScore(scores.map((s) => str(s.v3?.vectorString)).filter(Boolean), '3.1'),
      cvss40: bestScore(scores.map((s) => str(s.v4?.vectorString)).filter(Boolean), '4.0'),
      cveId: /^CVE-\d{4}-\d{4,}$/.test(cveId) ? cveId : null,
      // CSAF 2.0 has no agreed "exploited in the wild" flag (threats are free text): never claimed on import
      exploitedInTheWild: false,
    };
  });

  // -- each developer's status per vulnerability, from the statuses of its products
  const vendorStatuses: VendorStatus[] = [];
  vulns.forEach((v, i) => {
    const sets: [VendorStatusValue, Set<string>][] = [
      ['fixed', statusIds(v, ...FIXED)],
      ['affected', statusIds(v, ...AFFECTED)],
      ['under_investigation', statusIds(v, 'under_investigation')],
      ['not_affected', statusIds(v, 'known_not_affected')],
    ];
    for (const slug of developers.keys()) {
      const ids = new Set(drafts.filter((p) => p.developerSlug === slug).flatMap((p) => p.productIds));
      const status = sets.find(([, s]) => [...s].some((id) => ids.has(id)))?.[0];
      if (!status) continue;
      const remedies = (v.remediations ?? []).filter(
        (r) => !r.product_ids || r.product_ids.length === 0 || r.product_ids.some((id) => ids.has(id)),
      );
      const notAffected = (v.threats ?? []).filter(
        (t) => t.category === 'impact' && (t.product_ids ?? []).some((id) => ids.has(id)),
      );
      vendorStatuses.push({
        developerSlug: slug,
        vulnerabilityOrdinal: i + 1,
        status,
        statement: paragraphs(
          status === 'not_affected' ? notAffected.map((t) => t.details) : remedies.map((r) => r.details),
        ),
        url: remedies.map((r) => str(r.url)).find((u) => /^https?:\/\//.test(u)) ?? null,
      });
    }
  });

  // -- texts of the whole advisory
  const notes = d.notes ?? [];
  const notesOf = (...categories: string[]) =>
    notes.filter((n) => categories.includes(str(n.category))).map((n) => n.text);
  let description = notesOf('description', 'details');
  if (description.length === 0) description = vulns.flatMap((v) => (v.notes ?? []).map((n) => n.text));
  const remediations = vulns.flatMap((v) => v.remediations ?? []);
  const remedyText = (...categories: string[]) =>
    paragraphs(remediations.filter((r) => categories.includes(str(r.category))).map((r) => r.details));

  // -- references: the publisher's other links (the self link is the source), vulnerabilities' links
  const self = (d.references ?? []).find((r) => r.category === 'self' && /^https:\/\//.test(str(r.url)));
  const references: AdvisoryReference[] = [];
  const seen = new Set<string>();
  for (const r of [...(d.references ?? []), ...vulns.flatMap((v) => v.references ?? [])]) {
    const u = str(r.url);
    if (r === self || !/^https?:\/\//.test(u) || seen.has(u)) continue;
    seen.add(u);
    references.push({ kind: referenceKind(u), title: str(r.summary) || u, url: u });
  }

  // -- credits: the people and organizations acknowledged
  const acks = [...(d.acknowledgments ?? []), ...vulns.flatMap((v) => v.acknowledgments ?? [])];
  const credits = uniq(
    acks.flatMap((a) => {
      const names = (a.names ?? []).map(str).filter(Boolean);
      const org = str(a.organization);
      if (names.length === 0) return org ? [org] : [];
      return names.map((n) => (org ? `${n} (${org})` : n));
    }),
  ).map(name);

  const doc: AdvisoryDocument = {
    id,
    kind: 'jvndb',
    revision,
    firstPublishedAt,
    lastUpdatedAt,
    revisions,
    sample: false,
    source: {
      name: publisherName,
      namespace: key.namespace,
      trackingId: key.trackingId,
      url: self ? str(self.url) : url && /^https:\/\//.test(url) ? url : null,
    },
    // An English-only source has no Japanese title; the public database requires one (title_ja), so the
    // English title stands in for it (see `required`).
    title: required(title),
    overview: paragraphs(notesOf('summary')),
    description: paragraphs(description),
    // impact statements about affected products (a not-affected product's is its developer's statement)
    impact: paragraphs(
      vulns.flatMap((v) => {
        const notAffected = statusIds(v, 'known_not_affected');
        return (v.threats ?? [])
          .filter((t) => {
            const ids = t.product_ids ?? [];
            return t.category === 'impact' && !(ids.length > 0 && ids.every((id) => notAffected.has(id)));
          })
          .map((t) => t.details);
      }),
    ),
    solution: remedyText('vendor_fix', 'none_available', 'no_fix_planned'),
    workaround: remedyText('workaround', 'mitigation'),
    developers: [...developers.values()],
    products,
    vulnerabilities,
    vendorStatuses,
    credits,
    references,
    contact: text(d.publisher?.contact_details),
    receivedOn: null,
  };
  const bad = xmlForbiddenAt(doc);
  if (bad) {
    throw new CsafMappingError(
      `${bad.path} contains a character XML 1.0 does not allow (U+${bad.code}): it would break the JVNRSS and Atom feeds`,
    );
  }
  return doc;
}

/**
 * Where the mapped document carries a character XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF,
 * lone surrogates), or null. Such a document is refused rather than silently changed: the feeds would drop
 * the character anyway (exports/common.ts xmlSafe), but the publisher's text should reach readers as written.
 */
export function xmlForbiddenAt(value: unknown, path = 'advisory'): { path: string; code: string } | null {
  // the path is put together only for the string found: this runs on every imported document
  const found = forbiddenIn(value);
  if (!found) return null;
  const at = found.keys.reduceRight<string>(
    (p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${k}`),
    path,
  );
  return { path: at, code: found.code };
}

/** The first string below `value` with a character XML 1.0 forbids: the keys to it (innermost first) and the code. */
function forbiddenIn(value: unknown): { keys: (string | number)[]; code: string } | null {
  if (typeof value === 'string') {
    const m = XML_FORBIDDEN.exec(value);
    return m ? { keys: [], code: m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = forbiddenIn(value[i]);
      if (r) {
        r.keys.push(i);
        return r;
      }
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const r = forbiddenIn((value as Record<string, unknown>)[k]);
      if (r) {
        r.keys.push(k);
        return r;
      }
    }
  }
  return null;
}

/** Orders version numbers as numbers where they are ("1.10.0" after "1.9.0"), else as text. */
function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
