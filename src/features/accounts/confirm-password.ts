// Sensitive changes to one's own account (password, second factor) ask for the current password again,
// so a session left open on someone else's screen is not enough to take the account over.
import { audit } from '../../platform/audit.js';
import type { UserActor } from '../../platform/auth/actor.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findAccountById } from './queries.js';

/** Throws a field error on `field` when `password` is not the account's current password (audited). */
export async function confirmPassword(
  ctx: AppContext,
  actor: UserActor,
  opts: { field: string; password: string; ip: string | null; purpose: string },
) {
  const row = await findAccountById(ctx.db, actor.userId);
  if (!row) throw notFound();
  if (await verifyPassword(row.password_hash, opts.password)) return row;
  await audit(ctx.db, {
    actor,
    action: 'password.confirmation_failed',
    subject: { type: 'user', id: actor.userId },
    ip: opts.ip,
    detail: { purpose: opts.purpose },
  });
  throw new AppError('validation', 'errors.validation', {
    [opts.field]: ['accounts.validation.currentPasswordWrong'],
  });
}
