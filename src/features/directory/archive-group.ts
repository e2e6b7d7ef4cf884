// The coordination body archives a group it no longer uses: kept (with its members) for the record, no longer
// listed nor offered when adding a group to a case; its name is free again.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { GROUP_KEEPING, liveGroup } from './group-store.js';

export async function archiveGroup(ctx: AppContext, actor: Actor, groupId: string): Promise<void> {
  authorize(actor, 'directory.manage', GROUP_KEEPING);
  const group = await liveGroup(ctx.db, groupId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('directory_groups')
      .set({ archived_at: now })
      .where('id', '=', group.id)
      .where('archived_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw new AppError('conflict', 'directory.errors.groupArchived');
    await appendEvent(trx, {
      streamType: 'directory_group',
      streamId: group.id,
      type: 'directory.group-archived',
      actorUserId: actor.userId,
      data: { name: group.name },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.group-archived',
      subject: { type: 'directory_group', id: group.id },
    });
  });
}
