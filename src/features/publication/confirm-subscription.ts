// 配信登録の確認: the holder of the confirmation link completes the subscription (double opt-in). A second
// confirmation changes nothing; an unknown or ended link, or one left unconfirmed for more than CONFIRM_VALID_DAYS,
// answers null.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import type { SubscriptionView } from './show-subscription.js';
import { confirmationExpired, isSubscriptionToken, subscriptionTokenHash } from './subscription-token.js';

/** Confirms the subscription (a second confirmation changes nothing). */
export async function confirmSubscription(
  ctx: AppContext,
  actor: Actor,
  token: string,
  meta: { ip?: string | null } = {},
): Promise<SubscriptionView | null> {
  if (!can(actor, 'publication.subscribe')) throw forbidden();
  if (!isSubscriptionToken(token)) return null;
  return ctx.db.transaction().execute(async (trx) => {
    const s = await trx
      .selectFrom('advisory_subscriptions')
      .select(['id', 'email', 'locale', 'confirmed_at', 'created_at'])
      .where('token_hash', '=', subscriptionTokenHash(token))
      .where('unsubscribed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!s) return null;
    const now = ctx.clock.now();
    // a link left unconfirmed too long no longer works; asking again restarts it
    if (!s.confirmed_at && confirmationExpired(s.created_at, now)) return null;
    if (!s.confirmed_at) {
      await trx
        .updateTable('advisory_subscriptions')
        .set({ confirmed_at: now })
        .where('id', '=', s.id)
        .execute();
      await audit(trx, {
        actor,
        action: 'advisory-subscription.confirmed',
        subject: { type: 'advisory_subscription', id: s.id },
        ip: meta.ip ?? null,
      });
    }
    return { email: s.email, locale: s.locale, confirmed: true };
  });
}
