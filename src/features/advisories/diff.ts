// What changed between two copies of an advisory, field by field (for a re-review: since the last approved or
// published copy). Pure.
import type { AdvisoryContent } from '../../domain/advisory-document.js';
import { BILINGUAL_FIELDS } from './advisory-input.js';

export type FieldChange = { path: string; change: 'added' | 'removed' | 'changed' };

const s = (x: unknown) =>
  x === null || x === undefined ? '' : typeof x === 'string' ? x : JSON.stringify(x);

/** The copy as path → text, paths naming things by their stable keys (ordinal, product key, developer slug). */
export function flatten(c: AdvisoryContent): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of BILINGUAL_FIELDS) {
    m.set(`${f}.ja`, c[f].ja);
    m.set(`${f}.en`, c[f].en);
  }
  m.set('receivedOn', s(c.receivedOn));
  for (const d of c.developers) {
    m.set(`developer ${d.slug} name.ja`, d.name.ja);
    m.set(`developer ${d.slug} name.en`, d.name.en);
  }
  for (const v of c.vulnerabilities) {
    const p = `vulnerability ${v.ordinal}`;
    m.set(`${p} title.ja`, v.title.ja);
    m.set(`${p} title.en`, v.title.en);
    m.set(`${p} description.ja`, v.description.ja);
    m.set(`${p} description.en`, v.description.en);
    m.set(`${p} CWE`, s(v.cweId));
    m.set(`${p} CVSS 3.1`, s(v.cvss31?.vector));
    m.set(`${p} CVSS 4.0`, s(v.cvss40?.vector));
    m.set(`${p} CVE`, s(v.cveId));
    m.set(`${p} exploited`, v.exploitedInTheWild ? 'yes' : '');
  }
  for (const p of c.products) {
    const k = `product ${p.key}`;
    m.set(`${k} developer`, p.developerSlug);
    m.set(`${k} name.ja`, p.name.ja);
    m.set(`${k} name.en`, p.name.en);
    m.set(`${k} versions.ja`, p.versions.ja);
    m.set(`${k} versions.en`, p.versions.en);
    m.set(`${k} range`, s(p.versionRange));
    m.set(`${k} fixed`, s(p.fixedVersion));
    m.set(`${k} purl`, s(p.purl));
    m.set(`${k} CPE`, s(p.cpe));
  }
  for (const st of c.vendorStatuses) {
    const k = `status ${st.developerSlug}/${st.vulnerabilityOrdinal}`;
    m.set(`${k} value`, st.status);
    m.set(`${k} statement.ja`, st.statement.ja);
    m.set(`${k} statement.en`, st.statement.en);
    m.set(`${k} url`, s(st.url));
  }
  c.credits.forEach((x, i) => {
    m.set(`credit ${i + 1}.ja`, x.ja);
    m.set(`credit ${i + 1}.en`, x.en);
  });
  c.references.forEach((x, i) => {
    m.set(`reference ${i + 1}`, `${x.kind} ${x.title} ${x.url}`);
  });
  return m;
}

export function changedFields(before: AdvisoryContent, after: AdvisoryContent): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const out: FieldChange[] = [];
  for (const [path, value] of b) {
    const old = a.get(path);
    if (old === undefined) {
      if (value !== '') out.push({ path, change: 'added' });
    } else if (old !== value) {
      out.push({ path, change: old === '' ? 'added' : value === '' ? 'removed' : 'changed' });
    }
  }
  for (const [path, value] of a) if (!b.has(path) && value !== '') out.push({ path, change: 'removed' });
  return out;
}
