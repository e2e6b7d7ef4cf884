import type { Actor, SystemActor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { AppContext } from '../../platform/context.js';
import { credentialsChanged } from './credentials-changed.js';
import { newPassword } from './forms.js';
import { findMailToken, isActive, lockAccount, type MailTokenState, mailTokenState } from './queries.js';

/** The holder of a reset link acts through it, not as a signed-in user. */
const viaResetLink: SystemActor = { kind: 'system', label: 'password-reset-link' };

export type ResetPasswordResult = { ok: true; userId: string } | { ok: false; state: MailTokenState };

export async function resetPassword(
  ctx: AppContext,
  _actor: Actor,
  input: { token: string; password: string; ip: string | null },
): Promise<ResetPasswordResult> {
  const password = newPassword.parse(input.password);
  // a cheap look first, so unknown links cost no password hashing
  const early = mailTokenState(await findMailToken(ctx.db, 'password_reset', input.token), ctx.clock.now());
  if (early !== 'valid') return { ok: false, state: early };
  const hash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx): Promise<ResetPasswordResult> => {
    const now = ctx.clock.now();
    const link = await findMailToken(trx, 'password_reset', input.token, { forUpdate: true });
    const state = mailTokenState(link, now);
    if (state !== 'valid' || !link?.user_id)
      return { ok: false, state: state === 'valid' ? 'unknown' : state };
    const user = await lockAccount(trx, link.user_id);
    if (!user || !isActive(user)) return { ok: false, state: 'unknown' };
    await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now, failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    // this link and any other outstanding reset link of the account are spent
    await trx
      .updateTable('mail_tokens')
      .set({ used_at: now })
      .where('purpose', '=', 'password_reset')
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    await credentialsChanged(trx, ctx, {
      user,
      actor: viaResetLink,
      actorUserId: null,
      event: { type: 'user.password_reset', data: { via: 'reset_link' } },
      audit: { action: 'password.reset', detail: { tokenId: link.id } },
      notice: { template: 'accounts.mail.passwordChanged', path: '/password/forgot' },
      ip: input.ip,
      at: now,
    });
    return { ok: true, userId: user.id };
  });
}
