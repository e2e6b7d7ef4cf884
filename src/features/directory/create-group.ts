// The coordination body makes a group of developers (e.g. 「ルーター製品開発者」) to add to a case at once; names
// are unique among live groups.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { groupInput } from './entry-input.js';
import { fieldError, isUniqueViolation } from './entry-store.js';
import { GROUP_KEEPING } from './group-store.js';

export async function createGroup(
  ctx: AppContext,
  actor: Actor,
  raw: { name: string; description?: string | null },
): Promise<{ groupId: string }> {
  authorize(actor, 'directory.manage', GROUP_KEEPING);
  const input = groupInput.parse(raw);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('directory_groups')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      if (taken) throw fieldError('name', 'directory.validation.groupTaken');
      const g = await trx
        .insertInto('directory_groups')
        .values({ name: input.name, description: input.description, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendEvent(trx, {
        streamType: 'directory_group',
        streamId: g.id,
        type: 'directory.group-created',
        actorUserId: actor.userId,
        data: { name: input.name },
        at: now,
      });
      await audit(trx, {
        actor,
        action: 'directory.group-created',
        subject: { type: 'directory_group', id: g.id },
      });
      return { groupId: g.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError('name', 'directory.validation.groupTaken');
    throw e;
  }
}
