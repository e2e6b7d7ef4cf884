// The second step of login (二要素認証): a TOTP code (±1 step, each code once) or a one-time recovery code.
// Wrong codes count toward the same lockout as wrong passwords; the one that locks also ends this session.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import { markSessionMfaVerified, revokeSession } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { clearFailures, isLocked, recordFailure } from './lockout.js';
import { countUnusedRecoveryCodes, isActive, lockAccount } from './queries.js';
import { consumeRecoveryCode } from './recovery-codes.js';
import { isTotpShaped, secretContext, verifyTotp } from './totp.js';

export type CompleteMfaInput = { code: string; sessionToken: string | null; ip: string | null };

export type CompleteMfaResult =
  | { ok: true; method: 'totp' | 'recovery_code'; recoveryCodesLeft: number }
  | { ok: false; locked: boolean };

export async function completeMfa(
  ctx: AppContext,
  actor: Actor,
  input: CompleteMfaInput,
): Promise<CompleteMfaResult> {
  if (actor.kind !== 'mfa_pending' || !can(actor, 'mfa.complete')) {
    throw new AppError('unauthenticated', 'errors.unauthenticated');
  }
  if (!actor.enrolled) throw new AppError('conflict', 'accounts.errors.mfaNotEnrolled');
  const sessionToken = input.sessionToken;
  const subject = { type: 'user', id: actor.userId };
  return ctx.db.transaction().execute(async (trx): Promise<CompleteMfaResult> => {
    const row = await lockAccount(trx, actor.userId);
    const now = ctx.clock.now();
    if (!row || !isActive(row) || !row.totp_secret_enc) return { ok: false, locked: false };
    if (isLocked(row, now)) {
      if (sessionToken) await revokeSession(trx, sessionToken, now);
      await audit(trx, { actor, action: 'mfa.failed', subject, ip: input.ip, detail: { reason: 'locked' } });
      return { ok: false, locked: true };
    }
    let method: 'totp' | 'recovery_code' | null = null;
    if (isTotpShaped(input.code)) {
      const secret = ctx.secrets.decrypt(row.totp_secret_enc, secretContext(row.id));
      const last = row.totp_last_step === null ? null : Number(row.totp_last_step);
      const step = await verifyTotp(secret, input.code, ctx.clock, last);
      if (step !== null) {
        await trx.updateTable('users').set({ totp_last_step: step }).where('id', '=', row.id).execute();
        method = 'totp';
      }
    } else if (await consumeRecoveryCode(trx, row.id, input.code, now)) {
      method = 'recovery_code';
    }
    if (!method) {
      const { locked, lockedUntil } = await recordFailure(trx, ctx, row);
      await audit(trx, {
        actor,
        action: 'mfa.failed',
        subject,
        ip: input.ip,
        detail: { reason: 'wrong_code' },
      });
      if (locked) {
        if (sessionToken) await revokeSession(trx, sessionToken, now);
        await audit(trx, {
          actor,
          action: 'login.locked',
          subject,
          ip: input.ip,
          detail: { until: lockedUntil?.toISOString(), stage: 'mfa' },
        });
      }
      return { ok: false, locked };
    }
    if (sessionToken) await markSessionMfaVerified(trx, sessionToken, now);
    await clearFailures(trx, row.id);
    if (method === 'recovery_code') {
      await audit(trx, { actor, action: 'mfa.recovery_code_used', subject, ip: input.ip });
    }
    await audit(trx, { actor, action: 'mfa.succeeded', subject, ip: input.ip, detail: { method } });
    return { ok: true, method, recoveryCodesLeft: await countUnusedRecoveryCodes(trx, row.id) };
  });
}
