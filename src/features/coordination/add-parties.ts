// Adding developers to a case (関係する製品開発者): one from the directory, or a whole group at once. A developer
// already a party is skipped; only product developers can be parties — a group's other members (an overseas CSIRT
// kept in the same group, say) are left out and counted. Adding tells no one: notifying does.

import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { groupMembers } from '../directory/contact-window.js';
import { isUuid } from '../directory/uuid.js';
import { userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';

/** In-transaction: makes each developer a party (skipping live ones); returns the new party ids. */
export async function addPartiesTo(
  trx: Database,
  c: { id: string },
  organizationIds: string[],
  at: Date,
  actorUserId: string | null,
  opts: { suggestionId?: string; groupId?: string } = {},
): Promise<{ partyId: string; organizationId: string }[]> {
  const unique = [...new Set(organizationIds)];
  if (unique.length === 0) return [];
  // a malformed id (a form's) would be a database error: it names no developer
  if (!unique.every(isUuid)) {
    throw new AppError('validation', 'errors.validation', {
      organizationId: ['coordination.errors.notDeveloper'],
    });
  }
  const developers = await trx
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', unique)
    .where('type', '=', 'product_developer')
    .where('disabled_at', 'is', null)
    .execute();
  if (developers.length !== unique.length) {
    throw new AppError('validation', 'errors.validation', {
      organizationId: ['coordination.errors.notDeveloper'],
    });
  }
  const live = await trx
    .selectFrom('coordination_parties')
    .select('organization_id')
    .where('case_id', '=', c.id)
    .where('removed_at', 'is', null)
    .execute();
  const already = new Set(live.map((p) => p.organization_id));
  const added: { partyId: string; organizationId: string }[] = [];
  for (const organizationId of unique) {
    if (already.has(organizationId)) continue;
    const row = await trx
      .insertInto('coordination_parties')
      .values({
        case_id: c.id,
        organization_id: organizationId,
        added_at: at,
        added_by: actorUserId,
        suggestion_id: opts.suggestionId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    added.push({ partyId: row.id, organizationId });
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.partyAdded,
      actorUserId,
      at,
      data: {
        partyId: row.id,
        organizationId,
        ...(opts.groupId ? { groupId: opts.groupId } : {}),
        ...(opts.suggestionId ? { suggestionId: opts.suggestionId } : {}),
      },
    });
  }
  return added;
}

/** The ids among `organizationIds` that are live product developers, in the given order. */
async function developersAmong(trx: Database, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await trx
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', organizationIds)
    .where('type', '=', 'product_developer')
    .where('disabled_at', 'is', null)
    .execute();
  const ok = new Set(rows.map((r) => r.id));
  return organizationIds.filter((id) => ok.has(id));
}

export async function addParties(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; organizationId?: string; groupId?: string; ip?: string | null },
): Promise<{ added: number; skipped: number; notDevelopers: number }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, _coordination, now) => {
    let ids: string[];
    let notDevelopers = 0;
    if (input.groupId) {
      const members = await groupMembers(trx, input.groupId);
      ids = await developersAmong(trx, members);
      notDevelopers = members.length - ids.length;
      if (ids.length === 0) {
        throw new AppError('validation', 'errors.validation', {
          groupId: ['coordination.errors.emptyGroup'],
        });
      }
    } else if (input.organizationId) {
      ids = [input.organizationId];
    } else {
      throw new AppError('validation', 'errors.validation', {
        organizationId: ['coordination.errors.chooseDeveloper'],
      });
    }
    const added = await addPartiesTo(
      trx,
      c,
      ids,
      now,
      userIdOf(actor),
      input.groupId ? { groupId: input.groupId } : {},
    );
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.partyAdded,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: {
        organizationIds: added.map((a) => a.organizationId),
        groupId: input.groupId ?? null,
        notDevelopers,
      },
    });
    return { added: added.length, skipped: new Set(ids).size - added.length, notDevelopers };
  });
}
