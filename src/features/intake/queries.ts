// Intent-named reads of the intake tables.
import { sha256Hex } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';

/** The report a live follow-up link opens, by the link token's sha-256; null for a wrong, old or revoked one. */
export async function reportIdForFollowUpToken(db: Database, token: string): Promise<string | null> {
  // tokens are 32 random bytes in base64url; anything else cannot match and is not worth a query
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(token)) return null;
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('follow_up_token_hash', '=', sha256Hex(token))
    .where('follow_up_revoked_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

export function reportByTrackingNumber(db: Database, trackingNumber: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'finder_user_id'])
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
}

export function reportsOfFinder(db: Database, userId: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'tracking_number', 'track', 'state', 'submitted_at'])
    .where('finder_user_id', '=', userId)
    .orderBy('submitted_at', 'desc')
    .orderBy('tracking_number', 'desc')
    .execute();
}
