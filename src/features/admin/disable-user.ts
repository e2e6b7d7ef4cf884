// Disables an account (利用停止): it can no longer log in, and its live sessions and API tokens are revoked at
// once. Nothing is deleted. Nobody disables themselves (an admin could otherwise lock the last admin out).
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';
import { revokeAllSessions } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';

export const disableUserInput = z.object({ userId: z.uuid() });

export type DisableUserResult = {
  userId: string;
  organizationId: string | null;
  /** false when the account was already disabled */
  changed: boolean;
  revokedTokens: number;
};

/** The account a disable form is about, if the actor may see it (404 otherwise, so ids are not confirmed). */
export async function findDisableTarget(ctx: AppContext, actor: Actor, userId: string) {
  if (actor.kind === 'anonymous' || actor.kind === 'mfa_pending') {
    throw new AppError('unauthenticated', 'errors.unauthenticated');
  }
  if (!z.uuid().safeParse(userId).success) throw notFound();
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'organization_id', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound();
  // the policy refuses it too; this says why
  if (actor.kind === 'user' && actor.userId === user.id) {
    throw new AppError('forbidden', 'admin.disableUser.notSelf');
  }
  const resource = { organizationId: user.organization_id, userId: user.id };
  if (!can(actor, 'user.disable', resource) && !can(actor, 'user.list', resource)) throw notFound();
  authorize(actor, 'user.disable', resource);
  return user;
}

export async function disableUser(
  ctx: AppContext,
  actor: Actor,
  raw: z.input<typeof disableUserInput> & { ip?: string | null },
): Promise<DisableUserResult> {
  const input = disableUserInput.parse(raw);
  const target = await findDisableTarget(ctx, actor, input.userId);
  const result = { userId: target.id, organizationId: target.organization_id };
  if (target.disabled_at) return { ...result, changed: false, revokedTokens: 0 };
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // the disabled_at guard makes two concurrent requests disable (and record) once
    const updated = await trx
      .updateTable('users')
      .set({ disabled_at: now })
      .where('id', '=', target.id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return { ...result, changed: false, revokedTokens: 0 };
    await revokeAllSessions(trx, target.id, now);
    const tokens = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', target.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const revokedTokens = Number(tokens.numUpdatedRows);
    await appendEvent(trx, {
      streamType: 'user',
      streamId: target.id,
      type: 'user.disabled',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      data: { organizationId: target.organization_id, revokedTokens },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'user.disabled',
      subject: { type: 'user', id: target.id },
      ip: raw.ip ?? null,
      detail: { organizationId: target.organization_id, revokedTokens },
    });
    return { ...result, changed: true, revokedTokens };
  });
}
