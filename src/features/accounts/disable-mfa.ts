// Turning TOTP off, for users who chose it themselves. Staff cannot: for them it is mandatory.
// Every session ends and this browser gets a fresh one, so a session that stopped at the code step
// elsewhere (someone holding only the password) does not quietly become a full one.
import { type Actor, requiresMfa } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { confirmPassword } from './confirm-password.js';
import { credentialsChanged } from './credentials-changed.js';

export async function disableMfa(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; ip: string | null; userAgent: string | null },
): Promise<{ sessionToken: string }> {
  authorize(actor, 'mfa.manage', { userId: actor.kind === 'user' ? actor.userId : null });
  if (requiresMfa(actor.role, actor.organizationType)) {
    throw new AppError('forbidden', 'accounts.errors.mfaMandatory');
  }
  const row = await confirmPassword(ctx, actor, {
    field: 'disablePassword',
    password: input.currentPassword,
    ip: input.ip,
    purpose: 'mfa_disable',
  });
  if (!row.totp_enabled_at) throw new AppError('conflict', 'accounts.errors.mfaNotEnrolled');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null })
      .where('id', '=', actor.userId)
      .execute();
    await trx
      .updateTable('mfa_recovery_codes')
      .set({ revoked_at: now })
      .where('user_id', '=', actor.userId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    const sessionToken = await credentialsChanged(trx, ctx, {
      user: row,
      actor,
      actorUserId: actor.userId,
      event: { type: 'user.mfa_disabled' },
      audit: { action: 'mfa.disabled' },
      notice: { template: 'accounts.mail.mfaDisabled', path: '/account' },
      ip: input.ip,
      at: now,
      keepSignedIn: { userAgent: input.userAgent },
    });
    return { sessionToken };
  });
}
