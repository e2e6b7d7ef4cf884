// What the group use cases share: who keeps groups, and a live (not archived) group by id.
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { isUuid } from './uuid.js';

/** Who keeps groups: the keeper of product developers. */
export const GROUP_KEEPING = { organizationType: 'product_developer' as const };

export async function liveGroup(db: Database, groupId: string) {
  if (!isUuid(groupId)) throw notFound();
  const g = await db
    .selectFrom('directory_groups')
    .select(['id', 'name', 'description', 'created_at'])
    .where('id', '=', groupId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!g) throw notFound();
  return g;
}
