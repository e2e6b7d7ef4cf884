// The secret in a subscription's links (確認・解除リンク). Only its sha-256 is stored (token_hash), yet every
// publication mail must carry the subscriber's unsubscribe link: so the secret is derived from the row's id with
// the server's key (SecretBox.keyedDigest, 2 × 96 bits) rather than stored. Without the key it cannot be made;
// with the key the server makes the same link every time, and a new subscription (a new id) gets a new secret.
import type { SecretBox } from '../../platform/crypto.js';
import { sha256Hex } from '../../platform/crypto.js';

export function subscriptionToken(secrets: SecretBox, subscriptionId: string): string {
  return (
    secrets.keyedDigest(subscriptionId, 'publication.subscription.1') +
    secrets.keyedDigest(subscriptionId, 'publication.subscription.2')
  );
}

export const subscriptionTokenHash = (token: string) => sha256Hex(token);

/** The shape of a token, checked before any lookup (anything else is an unknown link). */
export const isSubscriptionToken = (token: string) => /^[A-Za-z0-9_-]{32}$/.test(token);

/** How long a confirmation link works (restarted when the address asks again). */
export const CONFIRM_VALID_DAYS = 7;

/** True when an unconfirmed subscription asked at `askedAt` can no longer be confirmed. */
export const confirmationExpired = (askedAt: Date, now: Date) =>
  now.getTime() - askedAt.getTime() > CONFIRM_VALID_DAYS * 86_400_000;

export const confirmPath = (token: string) => `/subscribe/confirm/${token}`;
export const unsubscribePath = (token: string) => `/unsubscribe/${token}`;
