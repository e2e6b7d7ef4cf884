// The directory's public reads (名簿の窓口): what other features (coordination, website, portal) need to know about
// a party. These take no actor — callers are use cases that have already authorized.
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import { likeContains } from '../../platform/db/like.js';
import type { Locale, OrganizationType } from '../../platform/db/schema.js';
import { hostAndParents, normaliseHostname } from './hostname.js';
import type { ProductCategory } from './product-category.js';
import { isUuid } from './uuid.js';

export { PRODUCT_CATEGORIES, type ProductCategory } from './product-category.js';

export type ContactWindow = {
  organizationId: string;
  type: OrganizationType;
  nameJa: string;
  nameEn: string;
  /** the first is the primary address */
  emails: string[];
  phone: string | null;
  /** the language to write mail in */
  locale: Locale;
  languages: Locale[];
  pgpPublicKey: string | null;
  pgpFingerprint: string | null;
  /** YYYY-MM-DD */
  ndaSignedOn: string | null;
  ndaVersion: string | null;
  relayViaOrganizationId: string | null;
  operatorKind: string | null;
};

/**
 * The entry's contact window; without an entry, the addresses of the organization's active users.
 * The OpenPGP key was checked (public, not expired, not revoked) when stored; callers encrypting much later may
 * check its expiry again with openpgp.
 */
export async function getContactWindow(db: Database, organizationId: string): Promise<ContactWindow | null> {
  const org = await db
    .selectFrom('organizations')
    .leftJoin('directory_entries as e', 'e.organization_id', 'organizations.id')
    .select([
      'organizations.id',
      'organizations.type',
      'organizations.name_ja',
      'organizations.name_en',
      'e.organization_id as entry_id',
      'e.emails',
      'e.phone',
      'e.locale',
      'e.languages',
      'e.pgp_public_key',
      'e.pgp_fingerprint',
      'e.nda_signed_on',
      'e.nda_version',
      'e.relay_via_organization_id',
      'e.operator_kind',
    ])
    .where('organizations.id', '=', organizationId)
    .executeTakeFirst();
  if (!org) return null;
  const base = { organizationId: org.id, type: org.type, nameJa: org.name_ja, nameEn: org.name_en };
  if (org.entry_id && org.emails && org.emails.length > 0) {
    return {
      ...base,
      emails: org.emails,
      phone: org.phone ?? null,
      locale: org.locale ?? 'ja',
      languages: org.languages ?? [org.locale ?? 'ja'],
      pgpPublicKey: org.pgp_public_key ?? null,
      pgpFingerprint: org.pgp_fingerprint ?? null,
      ndaSignedOn: org.nda_signed_on ?? null,
      ndaVersion: org.nda_version ?? null,
      relayViaOrganizationId: org.relay_via_organization_id ?? null,
      operatorKind: org.operator_kind ?? null,
    };
  }
  const users = await db
    .selectFrom('users')
    .select(['email', 'locale'])
    .where('organization_id', '=', organizationId)
    .where('disabled_at', 'is', null)
    .orderBy(sql`case when role = 'org_admin' then 0 else 1 end`)
    .orderBy('created_at')
    .execute();
  const locale = org.locale ?? users[0]?.locale ?? 'ja';
  return {
    ...base,
    emails: users.map((u) => u.email),
    phone: org.phone ?? null,
    locale,
    languages: org.languages ?? [locale],
    pgpPublicKey: null,
    pgpFingerprint: null,
    ndaSignedOn: org.nda_signed_on ?? null,
    ndaVersion: org.nda_version ?? null,
    relayViaOrganizationId: org.relay_via_organization_id ?? null,
    operatorKind: org.operator_kind ?? null,
  };
}

/** Website operators holding the host or one of its parent domains, the most specific domain first. */
export async function findOperatorsByHost(
  db: Database,
  host: string,
): Promise<{ organizationId: string; nameJa: string; nameEn: string; domain: string }[]> {
  let h = host.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(h)) h = `http://${h}`;
  let hostname: string | null;
  try {
    hostname = normaliseHostname(new URL(h).hostname);
  } catch {
    hostname = null;
  }
  if (!hostname) return [];
  const candidates = hostAndParents(hostname);
  const rows = await db
    .selectFrom('directory_domains as d')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .select(['o.id', 'o.name_ja', 'o.name_en', 'd.domain'])
    .where('d.domain', 'in', candidates)
    .where('d.removed_at', 'is', null)
    .where('o.disabled_at', 'is', null)
    .where('o.type', '=', 'website_operator')
    .execute();
  return rows
    .sort((a, b) => b.domain.length - a.domain.length || a.name_en.localeCompare(b.name_en))
    .map((r) => ({ organizationId: r.id, nameJa: r.name_ja, nameEn: r.name_en, domain: r.domain }));
}

export type DirectoryProduct = {
  id: string;
  organizationId: string;
  nameJa: string;
  nameEn: string;
  purl: string | null;
  cpe: string | null;
  category: ProductCategory;
};

/** A developer's current products (retired ones left out), by English name. */
export async function productsOf(db: Database, organizationId: string): Promise<DirectoryProduct[]> {
  const rows = await db
    .selectFrom('directory_products')
    .select(['id', 'organization_id', 'name_ja', 'name_en', 'purl', 'cpe', 'category'])
    .where('organization_id', '=', organizationId)
    .where('retired_at', 'is', null)
    .orderBy('name_en')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    nameJa: r.name_ja,
    nameEn: r.name_en,
    purl: r.purl,
    cpe: r.cpe,
    category: r.category,
  }));
}

/**
 * The organization ids of a group's current members (disabled organizations left out). An id that is not a live
 * group's — an archived group, or not even a UUID, as a form may post — has no members.
 */
export async function groupMembers(db: Database, groupId: string): Promise<string[]> {
  if (!isUuid(groupId)) return [];
  const rows = await db
    .selectFrom('directory_group_members as m')
    .innerJoin('directory_groups as g', 'g.id', 'm.group_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select('o.id')
    .where('m.group_id', '=', groupId)
    .where('g.archived_at', 'is', null)
    .where('m.removed_at', 'is', null)
    .where('o.disabled_at', 'is', null)
    .orderBy('o.name_en')
    .execute();
  return rows.map((r) => r.id);
}

/** The groups that are not archived, by name, with their current member counts. */
export async function listGroups(db: Database): Promise<{ id: string; name: string; memberCount: number }[]> {
  const rows = await db
    .selectFrom('directory_groups as g')
    .leftJoin('directory_group_members as m', (j) =>
      j.onRef('m.group_id', '=', 'g.id').on('m.removed_at', 'is', null),
    )
    .leftJoin('organizations as o', (j) =>
      j.onRef('o.id', '=', 'm.organization_id').on('o.disabled_at', 'is', null),
    )
    .select(['g.id', 'g.name', (eb) => eb.fn.count<string>('o.id').as('member_count')])
    .where('g.archived_at', 'is', null)
    .groupBy(['g.id', 'g.name'])
    .orderBy('g.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, memberCount: Number(r.member_count) }));
}

/** Parties of one type whose name (ja or en) — or, for website operators, a domain — contains q. */
export async function searchParties(
  db: Database,
  opts: { type: OrganizationType; q?: string; limit?: number },
): Promise<{ organizationId: string; nameJa: string; nameEn: string }[]> {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 200);
  const q = opts.q?.trim().toLowerCase() ?? '';
  let query = db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name_ja', 'o.name_en'])
    .where('o.type', '=', opts.type)
    .where('o.disabled_at', 'is', null);
  if (q !== '') {
    const pattern = likeContains(q);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(o.name_ja)`, 'like', pattern),
        eb(sql`lower(o.name_en)`, 'like', pattern),
        eb.exists(
          eb
            .selectFrom('directory_domains as d')
            .select('d.id')
            .whereRef('d.organization_id', '=', 'o.id')
            .where('d.removed_at', 'is', null)
            .where('d.domain', 'like', pattern),
        ),
      ]),
    );
  }
  const rows = await query.orderBy('o.name_en').orderBy('o.id').limit(limit).execute();
  return rows.map((r) => ({ organizationId: r.id, nameJa: r.name_ja, nameEn: r.name_en }));
}
