// Logging in with e-mail and password (ログイン). Every attempt is audited; the answer to a failure never says
// whether the account exists, is locked or is disabled. Success always starts a new session (no fixation).
import { audit } from '../../platform/audit.js';
import { type Actor, anonymous, requiresMfa } from '../../platform/auth/actor.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { createSession, revokeSession } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import { sha256Hex } from '../../platform/crypto.js';
import { clearFailures, isLocked, recordFailure } from './lockout.js';
import { actorOf, findAccountByEmail, isActive, lockAccount } from './queries.js';

export type LogInInput = {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** the session this browser had, if any: replaced by the new one */
  previousSessionToken: string | null;
};

/** What comes next: nothing, the TOTP code, or enrolment in TOTP (mandatory for staff). */
export type AfterLogIn = 'done' | 'mfa' | 'mfa_setup';

export type LogInResult =
  | { ok: true; userId: string; sessionToken: string; next: AfterLogIn }
  | { ok: false };

export async function logIn(ctx: AppContext, _actor: Actor, input: LogInInput): Promise<LogInResult> {
  const email = input.email.trim().toLowerCase();
  const found = await findAccountByEmail(ctx.db, email);
  // the hash is computed whether or not the account exists, so timing tells little
  const passwordOk = await verifyPassword(found?.password_hash ?? null, input.password);
  if (!found) {
    await audit(ctx.db, {
      actor: anonymous,
      action: 'login.failed',
      ip: input.ip,
      detail: { reason: 'unknown_account', emailSha256: sha256Hex(email) },
    });
    return { ok: false };
  }
  return ctx.db.transaction().execute(async (trx): Promise<LogInResult> => {
    const row = (await lockAccount(trx, found.id)) ?? found;
    const now = ctx.clock.now();
    const subject = { type: 'user', id: row.id };
    const fail = async (reason: string) => {
      await audit(trx, {
        actor: anonymous,
        action: 'login.failed',
        subject,
        ip: input.ip,
        detail: { reason },
      });
      return { ok: false } as const;
    };
    if (!isActive(row)) return fail('disabled');
    if (isLocked(row, now)) return fail('locked');
    if (!passwordOk) {
      const { locked, lockedUntil } = await recordFailure(trx, ctx, row);
      const result = await fail('bad_password');
      if (locked) {
        await audit(trx, {
          actor: anonymous,
          action: 'login.locked',
          subject,
          ip: input.ip,
          detail: { until: lockedUntil?.toISOString(), failures: ctx.config.login.maxFailures },
        });
      }
      return result;
    }
    const next: AfterLogIn = row.totp_enabled_at
      ? 'mfa'
      : requiresMfa(row.role, row.organization_type ?? null)
        ? 'mfa_setup'
        : 'done';
    // with a second factor to come, the failure count is cleared only once that factor is right
    if (next === 'done') await clearFailures(trx, row.id);
    if (input.previousSessionToken) await revokeSession(trx, input.previousSessionToken, now);
    const sessionToken = await createSession(trx, ctx, {
      userId: row.id,
      mfaVerified: next === 'done',
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await audit(trx, {
      actor: actorOf(row),
      action: 'login.succeeded',
      subject,
      ip: input.ip,
      detail: { next },
    });
    return { ok: true, userId: row.id, sessionToken, next };
  });
}
