// The coordination body renames a group (or rewrites its description); names stay unique among live groups.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { groupInput } from './entry-input.js';
import { fieldError, isUniqueViolation } from './entry-store.js';
import { GROUP_KEEPING, liveGroup } from './group-store.js';

export async function renameGroup(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  raw: { name: string; description?: string | null },
): Promise<void> {
  authorize(actor, 'directory.manage', GROUP_KEEPING);
  const group = await liveGroup(ctx.db, groupId);
  const input = groupInput.parse(raw);
  const changed = [
    ...(input.name !== group.name ? ['name'] : []),
    ...(input.description !== group.description ? ['description'] : []),
  ];
  if (changed.length === 0) throw new AppError('validation', 'directory.errors.nothingChanged');
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('directory_groups')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
        .where('archived_at', 'is', null)
        .where('id', '!=', group.id)
        .executeTakeFirst();
      if (taken) throw fieldError('name', 'directory.validation.groupTaken');
      const r = await trx
        .updateTable('directory_groups')
        .set({ name: input.name, description: input.description })
        .where('id', '=', group.id)
        .where('archived_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!r) throw new AppError('conflict', 'directory.errors.groupArchived');
      await appendEvent(trx, {
        streamType: 'directory_group',
        streamId: group.id,
        type: 'directory.group-renamed',
        actorUserId: actor.userId,
        data: { from: group.name, name: input.name, changed },
        at: now,
      });
      await audit(trx, {
        actor,
        action: 'directory.group-renamed',
        subject: { type: 'directory_group', id: group.id },
        detail: { changed },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError('name', 'directory.validation.groupTaken');
    throw e;
  }
}
