// The advisory (脆弱性対策情報) as the public sees it: the one model the publish step writes into the public
// database, the public pages and the JSON API show, and every export (CSAF 2.0, CVE 5, OSV, JVNRSS, Atom) is
// mapped from. The editor's working copy is the same content without the publication metadata
// (AdvisoryContent). Imported advisories (from CSAF elsewhere) are mapped into this model too.
//
// Every text a person reads is bilingual. Japanese is required; English may be empty ('') while an advisory is
// being written or when an imported advisory has none — the exports that need English (CVE 5) say so.
// Pure types and rules only: no I/O.

export type Bilingual = { ja: string; en: string };

/** JVN# (domestic report), JVNVU# (coordinated, multi-vendor or overseas), JVNDB- (database entry). */
export type AdvisoryKind = 'jvn' | 'jvnvu' | 'jvndb';

export type Severity = 'none' | 'low' | 'medium' | 'high' | 'critical';

export type CvssScore = { vector: string; score: number; severity: Severity };

/** A developer as published: a stable public slug (for /developers/:slug) and the directory names. */
export type PublicDeveloper = { slug: string; name: Bilingual };

/** An affected product. `key` is stable within the advisory (p1, p2 …) and is what statuses refer to. */
export type AdvisoryProduct = {
  key: string;
  developerSlug: string;
  name: Bilingual;
  /** affected versions as people read them, e.g. 「1.0.0 から 1.2.3 まで」 / "1.0.0 through 1.2.3" */
  versions: Bilingual;
  /** machine-readable affected range in vers syntax (e.g. `vers:npm/>=1.0.0|<=1.2.3`), when known */
  versionRange: string | null;
  /** the first fixed version, when there is one */
  fixedVersion: string | null;
  /** package URL (purl spec), checked before saving */
  purl: string | null;
  /** CPE 2.3 formatted string, checked before saving */
  cpe: string | null;
};

export type AdvisoryVulnerability = {
  /** 1, 2, 3 … within the advisory */
  ordinal: number;
  title: Bilingual;
  description: Bilingual;
  /** CWE-79, or NVD-CWE-Other / NVD-CWE-noinfo */
  cweId: string | null;
  cvss31: CvssScore | null;
  cvss40: CvssScore | null;
  cveId: string | null;
  /** exploited in the wild — published only when agreed with the developer */
  exploitedInTheWild: boolean;
};

/**
 * A developer's status per vulnerability (ベンダ情報), as published. 'fixed' means a fix or update is
 * available; 'not_affected' is published with the developer's statement; 'unknown' covers no answer.
 */
export type VendorStatusValue = 'affected' | 'fixed' | 'not_affected' | 'under_investigation' | 'unknown';

export type VendorStatus = {
  developerSlug: string;
  vulnerabilityOrdinal: number;
  status: VendorStatusValue;
  statement: Bilingual;
  /** the developer's own advisory or update page, if any */
  url: string | null;
};

export type ReferenceKind = 'cve' | 'advisory' | 'vendor' | 'cwe' | 'other';
export type AdvisoryReference = { kind: ReferenceKind; title: string; url: string };

export type AdvisoryRevision = { revision: number; publishedAt: string; note: Bilingual };

/** What the editor writes and reviewers approve (the working copy). */
export type AdvisoryContent = {
  title: Bilingual;
  overview: Bilingual;
  description: Bilingual;
  impact: Bilingual;
  solution: Bilingual;
  workaround: Bilingual;
  developers: PublicDeveloper[];
  products: AdvisoryProduct[];
  vulnerabilities: AdvisoryVulnerability[];
  vendorStatuses: VendorStatus[];
  /** credit to the finder: only as the finder consented, with the name they chose (謝辞) */
  credits: Bilingual[];
  references: AdvisoryReference[];
  /** 連絡先 / contact for questions about the advisory */
  contact: Bilingual;
  /** 届出受理日 or the CSIRT's received day (JST, YYYY-MM-DD), when the advisory comes from a case */
  receivedOn: string | null;
};

/** The published advisory at one revision. Dates are ISO 8601 UTC instants. */
export type AdvisoryDocument = AdvisoryContent & {
  /** JVN#12345678, JVNVU#12345678, JVNDB-2026-000123 */
  id: string;
  kind: AdvisoryKind;
  revision: number;
  firstPublishedAt: string;
  lastUpdatedAt: string;
  /** every published revision, oldest first; the last one is `revision` */
  revisions: AdvisoryRevision[];
  /** a sample advisory of the demo (shown with a banner, never in a production database) */
  sample: boolean;
  /** for imported advisories: who published the original and where */
  source: { name: string; namespace: string; trackingId: string; url: string | null } | null;
};

/** The URL form of an ID: JVN#12345678 → JVN12345678; JVNDB-2026-000123 stays as it is. */
export function advisorySlug(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '');
}

const SEVERITY_RANK: Record<Severity, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** The advisory's headline severity: the highest of its vulnerabilities' v4.0 or v3.1 base scores. */
export function highestScore(doc: Pick<AdvisoryContent, 'vulnerabilities'>): CvssScore | null {
  let best: CvssScore | null = null;
  for (const v of doc.vulnerabilities) {
    for (const s of [v.cvss40, v.cvss31]) {
      if (s && (!best || s.score > best.score || SEVERITY_RANK[s.severity] > SEVERITY_RANK[best.severity])) {
        best = s;
      }
    }
  }
  return best;
}

/** An empty working copy (the editor fills it from the case). */
export function emptyContent(): AdvisoryContent {
  const blank = (): Bilingual => ({ ja: '', en: '' });
  return {
    title: blank(),
    overview: blank(),
    description: blank(),
    impact: blank(),
    solution: blank(),
    workaround: blank(),
    developers: [],
    products: [],
    vulnerabilities: [],
    vendorStatuses: [],
    credits: [],
    references: [],
    contact: blank(),
    receivedOn: null,
  };
}
