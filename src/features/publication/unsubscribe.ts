// 配信停止: the holder of the link in any publication mail ends the subscription; no more mail, and the link
// stops working with it. False for an unknown or already ended link.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { isSubscriptionToken, subscriptionTokenHash } from './subscription-token.js';

/** Ends the subscription: no more mail. The link stops working with it. */
export async function unsubscribe(
  ctx: AppContext,
  actor: Actor,
  token: string,
  meta: { ip?: string | null } = {},
): Promise<boolean> {
  if (!can(actor, 'publication.subscribe')) throw forbidden();
  if (!isSubscriptionToken(token)) return false;
  return ctx.db.transaction().execute(async (trx) => {
    const s = await trx
      .updateTable('advisory_subscriptions')
      .set({ unsubscribed_at: ctx.clock.now() })
      .where('token_hash', '=', subscriptionTokenHash(token))
      .where('unsubscribed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!s) return false;
    await audit(trx, {
      actor,
      action: 'advisory-subscription.ended',
      subject: { type: 'advisory_subscription', id: s.id },
      ip: meta.ip ?? null,
    });
    return true;
  });
}
