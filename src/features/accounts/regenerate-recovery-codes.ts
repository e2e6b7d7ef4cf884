// New recovery codes for a user with TOTP (e.g. after using several): the old ones stop working.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { confirmPassword } from './confirm-password.js';
import { replaceRecoveryCodes } from './recovery-codes.js';

export async function regenerateRecoveryCodes(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; ip: string | null },
): Promise<{ recoveryCodes: string[] }> {
  authorize(actor, 'mfa.manage', { userId: actor.kind === 'user' ? actor.userId : null });
  const row = await confirmPassword(ctx, actor, {
    field: 'recoveryPassword',
    password: input.currentPassword,
    ip: input.ip,
    purpose: 'recovery_codes',
  });
  if (!row.totp_enabled_at) throw new AppError('conflict', 'accounts.errors.mfaNotEnrolled');
  return ctx.db.transaction().execute(async (trx) => {
    const recoveryCodes = await replaceRecoveryCodes(trx, actor.userId, ctx.clock.now());
    await audit(trx, {
      actor,
      action: 'mfa.recovery_codes_regenerated',
      subject: { type: 'user', id: actor.userId },
      ip: input.ip,
    });
    return { recoveryCodes };
  });
}
