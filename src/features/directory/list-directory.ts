// The directory list for staff: filtered by type, searched by name (ja/en) or domain, a page at a time.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { likeContains } from '../../platform/db/like.js';
import { spacesToUndefined, text } from '../../platform/http/validation.js';
import { DIRECTORY_TYPES, type DirectoryType } from './product-category.js';

export const DIRECTORY_PAGE_SIZE = 50;

export const directoryFilter = z.object({
  type: z.preprocess(spacesToUndefined, z.enum(DIRECTORY_TYPES).optional()),
  q: z.preprocess(spacesToUndefined, text(200).optional()),
  page: z.preprocess(spacesToUndefined, z.coerce.number().int().min(1).max(10_000).optional()),
});
export type DirectoryFilter = z.output<typeof directoryFilter>;

export type DirectoryListItem = {
  organizationId: string;
  type: DirectoryType;
  nameJa: string;
  nameEn: string;
  primaryEmail: string | null;
  hasEntry: boolean;
  hasKey: boolean;
  ndaSignedOn: string | null;
  domains: string[];
  pendingRequests: number;
  disabled: boolean;
};

export async function listDirectory(
  ctx: AppContext,
  actor: Actor,
  filter: DirectoryFilter,
): Promise<{ items: DirectoryListItem[]; page: number; hasNext: boolean }> {
  authorize(actor, 'directory.read');
  const page = filter.page ?? 1;
  let q = ctx.db
    .selectFrom('organizations as o')
    .leftJoin('directory_entries as e', 'e.organization_id', 'o.id')
    .select([
      'o.id',
      'o.type',
      'o.name_ja',
      'o.name_en',
      'o.disabled_at',
      'e.organization_id as entry_id',
      'e.emails',
      'e.pgp_fingerprint',
      'e.nda_signed_on',
      sql<string[]>`array(select d.domain from directory_domains d where d.organization_id = o.id
        and d.removed_at is null order by d.domain)`.as('domains'),
      sql<number>`(select count(*)::int from directory_change_requests r where r.organization_id = o.id
        and r.state = 'pending')`.as('pending'),
    ])
    .where('o.type', 'in', filter.type ? [filter.type] : [...DIRECTORY_TYPES]);
  if (filter.q) {
    const pattern = likeContains(filter.q.toLowerCase());
    q = q.where((eb) =>
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
  const rows = await q
    .orderBy('o.name_en')
    .orderBy('o.id')
    .limit(DIRECTORY_PAGE_SIZE + 1)
    .offset((page - 1) * DIRECTORY_PAGE_SIZE)
    .execute();
  return {
    page,
    hasNext: rows.length > DIRECTORY_PAGE_SIZE,
    items: rows.slice(0, DIRECTORY_PAGE_SIZE).map((r) => ({
      organizationId: r.id,
      type: r.type as DirectoryType,
      nameJa: r.name_ja,
      nameEn: r.name_en,
      primaryEmail: r.emails?.[0] ?? null,
      hasEntry: r.entry_id !== null,
      hasKey: r.pgp_fingerprint !== null,
      ndaSignedOn: r.nda_signed_on,
      domains: r.domains,
      pendingRequests: r.pending,
      disabled: r.disabled_at !== null,
    })),
  };
}
