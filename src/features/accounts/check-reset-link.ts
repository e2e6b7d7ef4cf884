// Whether a password-reset link can still be used, so the page can say so before anyone types a password.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { findAccountById, findMailToken, isActive, type MailTokenState, mailTokenState } from './queries.js';

export async function checkResetLink(
  ctx: AppContext,
  _actor: Actor,
  input: { token: string },
): Promise<{ state: MailTokenState; email?: string }> {
  const row = await findMailToken(ctx.db, 'password_reset', input.token);
  const state = mailTokenState(row, ctx.clock.now());
  if (state !== 'valid' || !row?.user_id) return { state: state === 'valid' ? 'unknown' : state };
  const user = await findAccountById(ctx.db, row.user_id);
  if (!user || !isActive(user)) return { state: 'unknown' };
  return { state, email: user.email };
}
