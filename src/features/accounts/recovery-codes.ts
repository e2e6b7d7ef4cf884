// Replaces a user's recovery codes with ten new ones (the old ones stop working), inside the caller's transaction.
import type { Database } from '../../platform/db/database.js';
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from './totp.js';

export async function replaceRecoveryCodes(trx: Database, userId: string, now: Date): Promise<string[]> {
  await trx
    .updateTable('mfa_recovery_codes')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const codes = newRecoveryCodes();
  await trx
    .insertInto('mfa_recovery_codes')
    .values(
      codes.map((c) => ({
        user_id: userId,
        code_hash: recoveryCodeHash(userId, normalizeRecoveryCode(c)!),
        created_at: now,
      })),
    )
    .execute();
  return codes;
}

/** Uses up a recovery code; true only for an unused, current code of this user (once). */
export async function consumeRecoveryCode(
  trx: Database,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) return false;
  const used = await trx
    .updateTable('mfa_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', recoveryCodeHash(userId, normalized))
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used !== undefined;
}
