// Changing one's own password (current one required). Every other session ends; this browser gets a fresh
// session, and the account's address is told by mail.
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { confirmPassword } from './confirm-password.js';
import { credentialsChanged } from './credentials-changed.js';
import { newPassword } from './forms.js';

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
  ip: string | null;
  userAgent: string | null;
};

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<{ sessionToken: string }> {
  authorize(actor, 'account.change-password', { userId: actor.kind === 'user' ? actor.userId : null });
  const password = newPassword.parse(input.newPassword);
  const row = await confirmPassword(ctx, actor, {
    field: 'currentPassword',
    password: input.currentPassword,
    ip: input.ip,
    purpose: 'password_change',
  });
  const hash = await hashPassword(password);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now })
      .where('id', '=', actor.userId)
      .execute();
    const sessionToken = await credentialsChanged(trx, ctx, {
      user: row,
      actor,
      actorUserId: actor.userId,
      event: { type: 'user.password_changed' },
      audit: { action: 'password.changed' },
      notice: { template: 'accounts.mail.passwordChanged', path: '/password/forgot' },
      ip: input.ip,
      at: now,
      keepSignedIn: { userAgent: input.userAgent },
    });
    return { sessionToken };
  });
}
