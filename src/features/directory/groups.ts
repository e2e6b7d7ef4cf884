// Groups of developers (e.g. 「ルーター製品開発者」) that the coordination body adds to a case at once. The groups
// are the coordination body's: it keeps the developers and CSIRTs they hold.
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { liveGroup } from './group-store.js';

// the group use cases, each in its own file; re-exported for src/testing/world.ts, which imports them from here
export { addGroupMember } from './add-group-member.js';
export { archiveGroup } from './archive-group.js';
export { createGroup } from './create-group.js';
export { removeGroupMember } from './remove-group-member.js';
export { renameGroup } from './rename-group.js';

/** A group with its current members, for the group's page. */
export async function showGroup(ctx: AppContext, actor: Actor, groupId: string) {
  authorize(actor, 'directory.read');
  const group = await liveGroup(ctx.db, groupId);
  const members = await ctx.db
    .selectFrom('directory_group_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.type', 'o.name_ja', 'o.name_en', 'o.disabled_at', 'm.added_at'])
    .where('m.group_id', '=', group.id)
    .where('m.removed_at', 'is', null)
    .orderBy('o.name_en')
    .execute();
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    members: members.map((m) => ({
      organizationId: m.id,
      type: m.type,
      nameJa: m.name_ja,
      nameEn: m.name_en,
      disabled: m.disabled_at !== null,
      addedAt: m.added_at,
    })),
  };
}
