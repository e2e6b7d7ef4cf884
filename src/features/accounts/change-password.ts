// Changing one's own password (current one required). Every other session ends; this browser gets a fresh
// session, and the account's address is told by mail.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { authorize } from '../../platform/auth/policy.js';
import { createSession, revokeAllSessions } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { confirmPassword } from './confirm-password.js';
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
    await revokeAllSessions(trx, actor.userId, now);
    // the person in front of this browser just proved the password; a session that needed MFA had it
    const sessionToken = await createSession(trx, ctx, {
      userId: actor.userId,
      mfaVerified: true,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await appendEvent(trx, {
      streamType: 'user',
      streamId: actor.userId,
      type: 'user.password_changed',
      actorUserId: actor.userId,
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'password.changed',
      subject: { type: 'user', id: actor.userId },
      ip: input.ip,
    });
    await enqueueMail(trx, ctx.jobs, {
      to: row.email,
      locale: row.locale,
      template: 'accounts.mail.passwordChanged',
      vars: { name: row.display_name, url: `${ctx.config.publicUrl}/password/forgot` },
      related: { type: 'user', id: row.id },
    });
    return { sessionToken };
  });
}
