// The coordination body takes a member out of a group (kept with its removal time).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { GROUP_KEEPING, liveGroup } from './group-store.js';
import { isUuid } from './uuid.js';

export async function removeGroupMember(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  organizationId: string,
): Promise<void> {
  authorize(actor, 'directory.manage', GROUP_KEEPING);
  const group = await liveGroup(ctx.db, groupId);
  if (!isUuid(organizationId)) throw notFound();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('directory_group_members')
      .set({ removed_at: now })
      .where('group_id', '=', group.id)
      .where('organization_id', '=', organizationId)
      .where('removed_at', 'is', null)
      .returning('organization_id')
      .executeTakeFirst();
    if (!r) throw notFound();
    await appendEvent(trx, {
      streamType: 'directory_group',
      streamId: group.id,
      type: 'directory.group-member-removed',
      actorUserId: actor.userId,
      data: { organizationId },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.group-member-removed',
      subject: { type: 'directory_group', id: group.id },
      detail: { organizationId },
    });
  });
}
