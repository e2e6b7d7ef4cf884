// "Forgot password": mails a one-time link (256-bit token, stored as SHA-256, valid one hour) to an account's
// address. The caller always gets the same answer, so the form cannot be used to find out who has an account.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { findAccountByEmail, isActive } from './queries.js';

export const RESET_VALID_MINUTES = 60;
/** more requests than this in an hour send nothing more (no mail-bombing an address) */
const MAX_RESETS_PER_HOUR = 3;

export async function requestPasswordReset(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; ip: string | null },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const row = await findAccountByEmail(ctx.db, email);
  if (!row || !isActive(row)) {
    await audit(ctx.db, {
      actor,
      action: 'password.reset_requested',
      ip: input.ip,
      detail: { sent: false, reason: row ? 'disabled' : 'unknown_account', emailSha256: sha256Hex(email) },
    });
    return;
  }
  const now = ctx.clock.now();
  const subject = { type: 'user', id: row.id };
  await ctx.db.transaction().execute(async (trx) => {
    const recent = await trx
      .selectFrom('mail_tokens')
      .select('id')
      .where('purpose', '=', 'password_reset')
      .where('user_id', '=', row.id)
      .where('created_at', '>', new Date(now.getTime() - 3600_000))
      .execute();
    if (recent.length >= MAX_RESETS_PER_HOUR) {
      await audit(trx, {
        actor,
        action: 'password.reset_requested',
        subject,
        ip: input.ip,
        detail: { sent: false, reason: 'throttled' },
      });
      return;
    }
    const token = randomToken(32);
    const created = await trx
      .insertInto('mail_tokens')
      .values({
        purpose: 'password_reset',
        token_hash: sha256Hex(token),
        email: row.email,
        user_id: row.id,
        created_at: now,
        expires_at: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueMail(trx, ctx.jobs, {
      to: row.email,
      locale: row.locale,
      template: 'accounts.mail.passwordReset',
      vars: {
        name: row.display_name,
        url: `${ctx.config.publicUrl}/password/reset/${token}`,
        minutes: RESET_VALID_MINUTES,
      },
      related: { type: 'user', id: row.id },
    });
    await audit(trx, {
      actor,
      action: 'password.reset_requested',
      subject,
      ip: input.ip,
      detail: { sent: true, tokenId: created.id },
    });
  });
}
