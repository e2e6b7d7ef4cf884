// Consecutive failures (password or second factor) lock an account for a while (config.login).
// The count is kept on the user's row, which the caller has locked (`lockAccount`) in its transaction.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';

export function isLocked(row: { locked_until: Date | null }, now: Date): boolean {
  return row.locked_until !== null && row.locked_until > now;
}

/** Counts one failure; the one that reaches the limit locks the account and starts a fresh count. */
export async function recordFailure(
  trx: Database,
  ctx: Pick<AppContext, 'clock' | 'config'>,
  row: { id: string; failed_logins: number },
): Promise<{ locked: boolean; lockedUntil: Date | null }> {
  const now = ctx.clock.now();
  const failures = row.failed_logins + 1;
  const locked = failures >= ctx.config.login.maxFailures;
  const lockedUntil = locked ? new Date(now.getTime() + ctx.config.login.lockMinutes * 60_000) : null;
  await trx
    .updateTable('users')
    .set(locked ? { failed_logins: 0, locked_until: lockedUntil } : { failed_logins: failures })
    .where('id', '=', row.id)
    .execute();
  return { locked, lockedUntil };
}

export async function clearFailures(trx: Database, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('failed_logins', '>', 0), eb('locked_until', 'is not', null)]))
    .execute();
}
