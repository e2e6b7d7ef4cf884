// What the directory knows about each developer of a case's advisory, beyond the copy's own text: the
// organization's names, its products' names, and its web domains (the contact window addresses' domains, its web
// site, its registered domains). The pre-release masking and the editor's mention warnings use them.
import type { Database } from '../../platform/db/database.js';
import { developerOrganizationsOf } from './developer-slugs.js';
import { type DeveloperAliases, hostOf } from './prerelease-mask.js';

export async function developerAliases(db: Database, caseId: string): Promise<DeveloperAliases> {
  const bySlug = await developerOrganizationsOf(db, caseId);
  const orgIds = [...new Set(Object.values(bySlug))];
  if (orgIds.length === 0) return {};
  const [orgs, entries, domains, products] = await Promise.all([
    db.selectFrom('organizations').select(['id', 'name_ja', 'name_en']).where('id', 'in', orgIds).execute(),
    db
      .selectFrom('directory_entries')
      .select(['organization_id', 'emails', 'web_url'])
      .where('organization_id', 'in', orgIds)
      .execute(),
    db
      .selectFrom('directory_domains')
      .select(['organization_id', 'domain'])
      .where('organization_id', 'in', orgIds)
      .where('removed_at', 'is', null)
      .execute(),
    db
      .selectFrom('directory_products')
      .select(['organization_id', 'name_ja', 'name_en'])
      .where('organization_id', 'in', orgIds)
      .execute(),
  ]);
  const byOrg = new Map<string, { names: string[]; domains: string[] }>();
  const of = (id: string) => {
    const x = byOrg.get(id) ?? { names: [], domains: [] };
    byOrg.set(id, x);
    return x;
  };
  for (const o of orgs) of(o.id).names.push(o.name_ja, o.name_en);
  for (const p of products) of(p.organization_id).names.push(p.name_ja, p.name_en);
  for (const d of domains) of(d.organization_id).domains.push(d.domain);
  for (const e of entries) {
    const x = of(e.organization_id);
    for (const mail of e.emails ?? []) {
      const at = mail.lastIndexOf('@');
      if (at > 0) x.domains.push(mail.slice(at + 1).toLowerCase());
    }
    const h = e.web_url ? hostOf(e.web_url) : null;
    if (h) x.domains.push(h);
  }
  const out: DeveloperAliases = {};
  for (const [slug, org] of Object.entries(bySlug)) {
    const x = byOrg.get(org);
    if (x) out[slug] = { names: x.names.filter(Boolean), domains: x.domains.filter(Boolean) };
  }
  return out;
}
