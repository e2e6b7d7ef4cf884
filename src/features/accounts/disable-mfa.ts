// Turning TOTP off, for users who chose it themselves. Staff cannot: for them it is mandatory.
// Every session ends and this browser gets a fresh one, so a session that stopped at the code step
// elsewhere (someone holding only the password) does not quietly become a full one.
import { audit } from '../../platform/audit.js';
import { type Actor, requiresMfa } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { createSession, revokeAllSessions } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { confirmPassword } from './confirm-password.js';

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
    await appendEvent(trx, {
      streamType: 'user',
      streamId: actor.userId,
      type: 'user.mfa_disabled',
      actorUserId: actor.userId,
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'mfa.disabled',
      subject: { type: 'user', id: actor.userId },
      ip: input.ip,
    });
    await enqueueMail(trx, ctx.jobs, {
      to: row.email,
      locale: row.locale,
      template: 'accounts.mail.mfaDisabled',
      vars: { name: row.display_name, url: `${ctx.config.publicUrl}/account` },
      related: { type: 'user', id: row.id },
    });
    await revokeAllSessions(trx, actor.userId, now);
    const sessionToken = await createSession(trx, ctx, {
      userId: actor.userId,
      mfaVerified: true,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { sessionToken };
  });
}
