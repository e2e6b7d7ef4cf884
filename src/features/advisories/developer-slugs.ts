// The public slug of a developer (/developers/:slug): the one the public database already has for the directory
// organization, else a lowercase slug of its English name, made unique against the public database and the other
// developers of the same advisory. Stable: the same organization gets the same slug every time.
import type { Database } from '../../platform/db/database.js';
import { SLUG } from './advisory-input.js';

/** 'Alpha Soft, Inc.' → 'alpha-soft-inc'; '' when nothing latin is left. */
export function baseSlug(nameEn: string): string {
  return nameEn
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Slugs for the organizations (in order), each unique; reads public_developers for the ones already public. */
export async function developerSlugs(
  db: Database,
  orgs: { organizationId: string; nameEn: string }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (orgs.length === 0) return out;
  const known = await db
    .selectFrom('public_developers')
    .select(['slug', 'organization_id'])
    .where(
      'organization_id',
      'in',
      orgs.map((o) => o.organizationId),
    )
    .execute();
  const used = new Set<string>();
  for (const k of known) {
    if (k.organization_id) {
      out.set(k.organization_id, k.slug);
      used.add(k.slug);
    }
  }
  for (const o of orgs) {
    if (out.has(o.organizationId)) continue;
    const base = baseSlug(o.nameEn) || `developer-${o.organizationId.slice(0, 8)}`;
    let slug = base;
    for (let n = 2; ; n++) {
      if (!used.has(slug)) {
        const taken = await db
          .selectFrom('public_developers')
          .select('organization_id')
          .where('slug', '=', slug)
          .executeTakeFirst();
        if (!taken || taken.organization_id === o.organizationId) break;
      }
      slug = `${base}-${n}`;
    }
    if (!SLUG.test(slug)) slug = `developer-${o.organizationId.slice(0, 8)}`;
    used.add(slug);
    out.set(o.organizationId, slug);
  }
  return out;
}

/**
 * The directory organization behind each developer slug of a case's advisory (for the publish step's
 * `developerOrganizations`): the case's parties (removed ones too), slugged the same way as at creation.
 */
export async function developerOrganizationsOf(
  db: Database,
  caseId: string,
): Promise<Record<string, string>> {
  const parties = await db
    .selectFrom('coordination_parties as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.organization_id', 'o.name_en'])
    .where('p.case_id', '=', caseId)
    .orderBy('p.added_at')
    .orderBy('p.id')
    .execute();
  const seen = new Set<string>();
  const orgs = parties
    .filter((p) => !seen.has(p.organization_id) && seen.add(p.organization_id))
    .map((p) => ({ organizationId: p.organization_id, nameEn: p.name_en }));
  const slugs = await developerSlugs(db, orgs);
  return Object.fromEntries([...slugs].map(([org, slug]) => [slug, org]));
}
