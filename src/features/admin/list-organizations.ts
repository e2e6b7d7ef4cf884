// The organizations list for staff: filtered by type and name, with the number of active users of each.
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { likeContains } from '../../platform/db/like.js';
import type { Locale, OrganizationType, Sector } from '../../platform/db/schema.js';
import { blankToUndefined, text } from '../../platform/http/validation.js';
import { ORGANIZATION_TYPES } from './create-organization.js';

export const LIST_LIMIT = 200;

export const organizationFilter = z.object({
  type: z.preprocess(blankToUndefined, z.enum(ORGANIZATION_TYPES).optional()),
  q: z.preprocess(blankToUndefined, text(200).optional()),
});
export type OrganizationFilter = z.output<typeof organizationFilter>;

export type OrganizationListItem = {
  id: string;
  type: OrganizationType;
  nameJa: string;
  nameEn: string;
  sector: Sector | null;
  activeUsers: number;
  disabled: boolean;
};

export async function listOrganizations(
  ctx: AppContext,
  actor: Actor,
  filter: OrganizationFilter,
  locale: Locale,
): Promise<{ items: OrganizationListItem[]; truncated: boolean }> {
  authorize(actor, 'organization.list');
  let q = ctx.db.selectFrom('organizations as o').select((eb) => [
    'o.id',
    'o.type',
    'o.name_ja',
    'o.name_en',
    'o.sector',
    'o.disabled_at',
    eb
      .selectFrom('users as u')
      .select((e) => e.fn.countAll<string>().as('n'))
      .whereRef('u.organization_id', '=', 'o.id')
      .where('u.disabled_at', 'is', null)
      .as('active_users'),
  ]);
  if (filter.type) q = q.where('o.type', '=', filter.type);
  if (filter.q) {
    const like = likeContains(filter.q);
    q = q.where((eb) => eb.or([eb('o.name_ja', 'ilike', like), eb('o.name_en', 'ilike', like)]));
  }
  const rows = await q
    .orderBy('o.type')
    .orderBy(locale === 'ja' ? 'o.name_ja' : 'o.name_en')
    .orderBy('o.id')
    .limit(LIST_LIMIT + 1)
    .execute();
  return {
    truncated: rows.length > LIST_LIMIT,
    items: rows.slice(0, LIST_LIMIT).map((r) => ({
      id: r.id,
      type: r.type,
      nameJa: r.name_ja,
      nameEn: r.name_en,
      sector: r.sector,
      activeUsers: Number(r.active_users ?? 0),
      disabled: r.disabled_at !== null,
    })),
  };
}
