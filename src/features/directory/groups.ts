// Groups of developers (e.g. 「ルーター製品開発者」) that the coordination body adds to a case at once. The groups
// are the coordination body's: it keeps the developers and CSIRTs they hold.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { groupInput, memberInput } from './entry-input.js';
import { directoryOrganization, fieldError, isUniqueViolation, resourceOf } from './entry-store.js';
import { isUuid } from './uuid.js';

/** Who keeps groups: the keeper of product developers. */
const GROUP_KEEPING = { organizationType: 'product_developer' as const };

async function liveGroup(db: Database, groupId: string) {
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
