// Second step of TOTP enrolment: a correct code from the app proves it holds the secret. The secret is then
// stored encrypted, this session counts as verified, and ten recovery codes are made (shown once).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { markSessionMfaVerified } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { authorizeEnrolment } from './mfa-access.js';
import { lockAccount } from './queries.js';
import { replaceRecoveryCodes } from './recovery-codes.js';
import { openSetup } from './start-mfa-setup.js';
import { secretContext, verifyTotp } from './totp.js';

export type EnrolMfaInput = { sealed: string; code: string; sessionToken: string | null; ip: string | null };

export type EnrolMfaResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: 'code' | 'expired' };

export async function enrolMfa(ctx: AppContext, actor: Actor, input: EnrolMfaInput): Promise<EnrolMfaResult> {
  const who = authorizeEnrolment(actor);
  const subject = { type: 'user', id: who.userId };
  const secret = openSetup(ctx, who.userId, input.sealed);
  if (!secret) return { ok: false, reason: 'expired' };
  const step = await verifyTotp(secret, input.code, ctx.clock, null);
  if (step === null) {
    await audit(ctx.db, {
      actor,
      action: 'mfa.failed',
      subject,
      ip: input.ip,
      detail: { stage: 'enrolment' },
    });
    return { ok: false, reason: 'code' };
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockAccount(trx, who.userId);
    if (!row) throw notFound();
    if (row.totp_enabled_at) throw new AppError('conflict', 'accounts.errors.mfaAlreadyEnabled');
    const now = ctx.clock.now();
    await trx
      .updateTable('users')
      .set({
        totp_secret_enc: ctx.secrets.encrypt(secret, secretContext(who.userId)),
        totp_enabled_at: now,
        totp_last_step: step,
        failed_logins: 0,
        locked_until: null,
      })
      .where('id', '=', who.userId)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, who.userId, now);
    if (input.sessionToken) await markSessionMfaVerified(trx, input.sessionToken, now);
    await appendEvent(trx, {
      streamType: 'user',
      streamId: who.userId,
      type: 'user.mfa_enrolled',
      actorUserId: who.userId,
      data: { method: 'totp' },
      at: now,
    });
    await audit(trx, { actor, action: 'mfa.enrolled', subject, ip: input.ip, detail: { method: 'totp' } });
    return { ok: true, recoveryCodes };
  });
}
