// OSV (Open Source Vulnerability format, schema 1.7): the optional export for advisories about open-source
// packages. Pure: document in, records out.
//
// Model: OSV describes one vulnerability per record (its aliases are other ids of the SAME vulnerability), so an
// advisory yields one record per vulnerability. Ids follow OSV's `<DATABASE>-<ENTRY>` form from the advisory id:
// JVN#12345678 → JVN-12345678, JVNVU#12345678 → JVNVU-12345678, JVNDB-2026-000123 stays; an advisory with
// several vulnerabilities gets `-<ordinal>` appended to each (JVN-12345678-2). Only products whose package URL
// type maps to an OSV ecosystem appear under `affected`; an advisory with none is not applicable
// (isOsvApplicable) — most JVN advisories are about commercial products and devices.
import type {
  AdvisoryDocument,
  AdvisoryProduct,
  AdvisoryVulnerability,
} from '../domain/advisory-document.js';
import { advisoryUrl, parseVers } from './common.js';

export const OSV_SCHEMA_VERSION = '1.7.0';

/** purl type → OSV ecosystem, and whether the ecosystem's versions are SemVer (range type SEMVER). */
export const ECOSYSTEMS: Readonly<Record<string, { ecosystem: string; semver: boolean }>> = {
  npm: { ecosystem: 'npm', semver: true },
  pypi: { ecosystem: 'PyPI', semver: false },
  maven: { ecosystem: 'Maven', semver: false },
  golang: { ecosystem: 'Go', semver: true },
  cargo: { ecosystem: 'crates.io', semver: true },
  gem: { ecosystem: 'RubyGems', semver: false },
  nuget: { ecosystem: 'NuGet', semver: false },
  composer: { ecosystem: 'Packagist', semver: false },
  hex: { ecosystem: 'Hex', semver: true },
  pub: { ecosystem: 'Pub', semver: true },
};

export type PurlParts = { type: string; namespace: string | null; name: string };

/** The type, namespace and name of a package URL (version, qualifiers and subpath dropped). */
export function parsePurl(purl: string): PurlParts | null {
  const m = /^pkg:\/*([^?#]+)/i.exec(purl.trim());
  if (!m) return null;
  let path = m[1]!;
  const at = path.lastIndexOf('@');
  if (at > path.lastIndexOf('/')) path = path.slice(0, at);
  const segs = path.split('/').filter((s) => s !== '');
  if (segs.length < 2) return null;
  try {
    const type = segs[0]!.toLowerCase();
    const name = decodeURIComponent(segs[segs.length - 1]!);
    const ns = segs.slice(1, -1).map((s) => decodeURIComponent(s));
    return { type, namespace: ns.length > 0 ? ns.join('/') : null, name };
  } catch {
    return null;
  }
}

/** The OSV package of a product, when its purl is of an ecosystem OSV knows. */
export function osvPackage(
  p: Pick<AdvisoryProduct, 'purl'>,
): { ecosystem: string; name: string; purl: string; semver: boolean } | null {
  const parts = p.purl ? parsePurl(p.purl) : null;
  const eco = parts ? ECOSYSTEMS[parts.type] : undefined;
  if (!parts || !eco) return null;
  const { namespace, name } = parts;
  const full =
    parts.type === 'maven'
      ? namespace
        ? `${namespace}:${name}`
        : name
      : parts.type === 'pypi'
        ? name.toLowerCase().replace(/[-_.]+/g, '-')
        : namespace
          ? `${namespace}/${name}`
          : name;
  const purl = `pkg:${parts.type}/${namespace ? `${namespace.split('/').map(encodeURIComponent).join('/')}/` : ''}${encodeURIComponent(name)}`;
  return { ecosystem: eco.ecosystem, name: full, purl, semver: eco.semver };
}

export function isOsvApplicable(doc: Pick<AdvisoryDocument, 'products'>): boolean {
  return doc.products.some((p) => osvPackage(p) !== null);
}

/** JVN#12345678 → JVN-12345678 (OSV ids are PREFIX-ENTRY). */
export function osvBaseId(advisoryId: string): string {
  return advisoryId.replace(/#/g, '-').replace(/[^A-Za-z0-9._-]+/g, '');
}

type Json = Record<string, unknown>;

function events(p: AdvisoryProduct): Json[] {
  const vers = p.versionRange ? parseVers(p.versionRange) : null;
  const lower = vers?.constraints.find((c) => c.op === '>=' || c.op === '>');
  const lt = vers?.constraints.find((c) => c.op === '<');
  const le = vers?.constraints.find((c) => c.op === '<=');
  const out: Json[] = [{ introduced: lower?.version ?? '0' }];
  if (p.fixedVersion) out.push({ fixed: p.fixedVersion });
  else if (lt) out.push({ fixed: lt.version });
  else if (le) out.push({ last_affected: le.version });
  return out;
}

function record(doc: AdvisoryDocument, v: AdvisoryVulnerability | null, publicUrl: string): Json {
  const many = doc.vulnerabilities.length > 1;
  const id = v && many ? `${osvBaseId(doc.id)}-${v.ordinal}` : osvBaseId(doc.id);
  const en = (a: string, b: string) => a.trim() || b.trim();
  const summary = v
    ? en(v.title.en, doc.title.en) || en(v.title.ja, doc.title.ja)
    : doc.title.en.trim() || doc.title.ja;
  const details = v
    ? en(v.description.en, doc.overview.en) || en(v.description.ja, doc.overview.ja)
    : doc.overview.en.trim() || doc.overview.ja;

  const rec: Json = {
    schema_version: OSV_SCHEMA_VERSION,
    id,
    modified: doc.lastUpdatedAt,
    published: doc.firstPublishedAt,
  };
  if (v?.cveId) rec.aliases = [v.cveId];
  if (many) {
    rec.related = doc.vulnerabilities.filter((x) => x !== v).map((x) => `${osvBaseId(doc.id)}-${x.ordinal}`);
  }
  rec.summary = summary.slice(0, 500);
  rec.details = details;
  const severity: Json[] = [];
  if (v?.cvss31) severity.push({ type: 'CVSS_V3', score: v.cvss31.vector });
  if (v?.cvss40) severity.push({ type: 'CVSS_V4', score: v.cvss40.vector });
  if (severity.length > 0) rec.severity = severity;

  const affected: Json[] = [];
  for (const p of doc.products) {
    const pkg = osvPackage(p);
    if (!pkg) continue;
    const status = v
      ? doc.vendorStatuses.find(
          (s) => s.developerSlug === p.developerSlug && s.vulnerabilityOrdinal === v.ordinal,
        )?.status
      : undefined;
    if (status === 'not_affected') continue;
    const exact = (p.versionRange ? parseVers(p.versionRange)?.constraints : [])?.filter((c) => c.op === '=');
    const item: Json = { package: { ecosystem: pkg.ecosystem, name: pkg.name, purl: pkg.purl } };
    // only listed versions (vers:…/=1.0.1|=1.0.2) and no fix: `versions` alone, no range claiming all versions
    const onlyListed =
      exact && exact.length > 0 && exact.length === parseVers(p.versionRange ?? '')?.constraints.length;
    if (!onlyListed || p.fixedVersion) {
      item.ranges = [{ type: pkg.semver ? 'SEMVER' : 'ECOSYSTEM', events: events(p) }];
    }
    if (exact && exact.length > 0) item.versions = exact.map((c) => c.version);
    item.database_specific = { product: p.name.en || p.name.ja, versions: p.versions.en || p.versions.ja };
    affected.push(item);
  }
  if (affected.length > 0) rec.affected = affected;

  const refs: Json[] = [{ type: 'ADVISORY', url: advisoryUrl(publicUrl, doc) }];
  const seen = new Set(refs.map((r) => r.url));
  const addRef = (type: string, url: string) => {
    if (!seen.has(url)) {
      seen.add(url);
      refs.push({ type, url });
    }
  };
  for (const s of doc.vendorStatuses) {
    if (s.url && (!v || s.vulnerabilityOrdinal === v.ordinal)) addRef('ADVISORY', s.url);
  }
  for (const r of doc.references) {
    addRef(r.kind === 'advisory' || r.kind === 'vendor' ? 'ADVISORY' : 'WEB', r.url);
  }
  rec.references = refs;
  const credits = [...new Set(doc.credits.map((c) => c.en.trim() || c.ja.trim()).filter(Boolean))];
  if (credits.length > 0) rec.credits = credits.map((name) => ({ name, type: 'FINDER' }));
  rec.database_specific = {
    advisory_id: doc.id,
    revision: doc.revision,
    url: advisoryUrl(publicUrl, doc),
    ...(v?.cweId ? { cwe_ids: [v.cweId] } : {}),
  };
  return rec;
}

/** The OSV records of an advisory: one per vulnerability (or one for an advisory without any). */
export function toOsv(doc: AdvisoryDocument, publicUrl: string): Json[] {
  if (doc.vulnerabilities.length === 0) return [record(doc, null, publicUrl)];
  return doc.vulnerabilities.map((v) => record(doc, v, publicUrl));
}
