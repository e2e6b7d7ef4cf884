// A subscription's secret link (確認・解除リンク) opened: the subscription behind it, for the page that asks to
// confirm or to end it (the GET changes nothing). Null for a link that is unknown or ended. The token is the
// credential; only its sha-256 is stored.
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { confirmationExpired, isSubscriptionToken, subscriptionTokenHash } from './subscription-token.js';

export type SubscriptionView = {
  email: string;
  locale: 'ja' | 'en';
  confirmed: boolean;
  /** unconfirmed for too long: it can be ended, no longer confirmed */
  expired?: boolean;
};

/** The subscription behind a link, to show on the page that confirms or ends it. */
export async function showSubscription(
  ctx: AppContext,
  actor: Actor,
  token: string,
): Promise<SubscriptionView | null> {
  if (!can(actor, 'publication.subscribe')) throw forbidden();
  if (!isSubscriptionToken(token)) return null;
  const s = await ctx.db
    .selectFrom('advisory_subscriptions')
    .select(['email', 'locale', 'confirmed_at', 'created_at'])
    .where('token_hash', '=', subscriptionTokenHash(token))
    .where('unsubscribed_at', 'is', null)
    .executeTakeFirst();
  if (!s) return null;
  const confirmed = s.confirmed_at !== null;
  return {
    email: s.email,
    locale: s.locale,
    confirmed,
    expired: !confirmed && confirmationExpired(s.created_at, ctx.clock.now()),
  };
}
