// The coordination body adds a developer or CSIRT it keeps to a group (again, if it was removed before).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { memberInput } from './entry-input.js';
import { directoryOrganization, fieldError, resourceOf } from './entry-store.js';
import { GROUP_KEEPING, liveGroup } from './group-store.js';

export async function addGroupMember(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  raw: { organizationId: string },
): Promise<void> {
  authorize(actor, 'directory.manage', GROUP_KEEPING);
  const group = await liveGroup(ctx.db, groupId);
  const { organizationId } = memberInput.parse(raw);
  const org = await directoryOrganization(ctx.db, organizationId).catch(() => {
    throw fieldError('organizationId', 'directory.validation.member');
  });
  if (org.type === 'website_operator' || org.disabledAt)
    throw fieldError('organizationId', 'directory.validation.member');
  authorize(actor, 'directory.manage', resourceOf(org));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('directory_group_members')
      .values({ group_id: group.id, organization_id: org.id, added_at: now })
      .onConflict((oc) =>
        oc.columns(['group_id', 'organization_id']).doUpdateSet({ removed_at: null, added_at: now }),
      )
      .execute();
    await appendEvent(trx, {
      streamType: 'directory_group',
      streamId: group.id,
      type: 'directory.group-member-added',
      actorUserId: actor.userId,
      data: { organizationId: org.id },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.group-member-added',
      subject: { type: 'directory_group', id: group.id },
      detail: { organizationId: org.id },
    });
  });
}
