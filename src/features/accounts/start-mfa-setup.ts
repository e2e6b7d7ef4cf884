// First step of TOTP enrolment: a new secret to scan or type. Nothing is stored yet: the secret travels in
// the form sealed (encrypted and bound to the user, with its time), so a wrong code can be retried with the
// same secret and two open tabs do not overwrite each other.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorizeEnrolment } from './mfa-access.js';
import { findAccountById } from './queries.js';
import { newTotpSecret, totpUri } from './totp.js';

const SETUP_VALID_MS = 60 * 60_000;

const setupContext = (userId: string) => `mfa.setup:${userId}`;

function sealSetup(ctx: AppContext, userId: string, secret: string, at: Date): string {
  return ctx.secrets.encrypt(JSON.stringify({ s: secret, at: at.getTime() }), setupContext(userId));
}

/** The secret in a sealed setup value, or null when it is not this user's, is damaged or is too old. */
export function openSetup(ctx: AppContext, userId: string, sealed: string): string | null {
  try {
    const { s, at } = JSON.parse(ctx.secrets.decrypt(sealed, setupContext(userId))) as {
      s: unknown;
      at: unknown;
    };
    const age = ctx.clock.now().getTime() - Number(at);
    return typeof s === 'string' && age >= 0 && age < SETUP_VALID_MS ? s : null;
  } catch {
    return null;
  }
}

export type MfaSetup = { secret: string; sealed: string; otpauthUri: string; email: string };

export async function startMfaSetup(
  ctx: AppContext,
  actor: Actor,
  input: { sealed?: string | null } = {},
): Promise<MfaSetup> {
  const who = authorizeEnrolment(actor);
  const row = await findAccountById(ctx.db, who.userId);
  if (!row) throw notFound();
  if (row.totp_enabled_at) throw new AppError('conflict', 'accounts.errors.mfaAlreadyEnabled');
  const reused = input.sealed ? openSetup(ctx, who.userId, input.sealed) : null;
  const secret = reused ?? newTotpSecret();
  const sealed = reused && input.sealed ? input.sealed : sealSetup(ctx, who.userId, secret, ctx.clock.now());
  const otpauthUri = totpUri({ issuer: ctx.config.orgName.en, label: row.email, secret });
  return { secret, sealed, otpauthUri, email: row.email };
}
