// Accepting an invitation: the invitee names themselves and sets a password; the account is created in the
// inviting organization with the offered role, the link is spent, and they are signed in (staff go on to
// enrol in TOTP). The invitee acts through the link; the inviter is recorded with the new account.
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import { type Actor, requiresMfa, type SystemActor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { createSession, revokeSession } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import { text } from '../../platform/http/validation.js';
import { newPassword } from './forms.js';
import { insertUser } from './insert-user.js';
import { emailTaken, findMailToken, type MailTokenState, mailTokenState } from './queries.js';

const viaInvitation: SystemActor = { kind: 'system', label: 'invitation' };

export type AcceptInvitationInput = {
  token: string;
  displayName: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  previousSessionToken: string | null;
};

export type AcceptInvitationResult =
  | { ok: true; userId: string; sessionToken: string; next: 'done' | 'mfa_setup' }
  | { ok: false; state: Exclude<MailTokenState, 'valid'> | 'taken' };

const acceptInput = z.object({ displayName: text(200).pipe(z.string().min(1)), password: newPassword });

export async function acceptInvitation(
  ctx: AppContext,
  _actor: Actor,
  raw: AcceptInvitationInput,
): Promise<AcceptInvitationResult> {
  const input = { ...raw, ...acceptInput.parse(raw) };
  const early = mailTokenState(await findMailToken(ctx.db, 'invitation', input.token), ctx.clock.now());
  if (early !== 'valid') return { ok: false, state: early };
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx): Promise<AcceptInvitationResult> => {
    const now = ctx.clock.now();
    const link = await findMailToken(trx, 'invitation', input.token, { forUpdate: true });
    const state = mailTokenState(link, now);
    if (state !== 'valid') return { ok: false, state };
    if (!link?.organization_id || !link.role) return { ok: false, state: 'unknown' };
    const org = await trx
      .selectFrom('organizations')
      .select(['id', 'type'])
      .where('id', '=', link.organization_id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!org) return { ok: false, state: 'unknown' };
    if (await emailTaken(trx, link.email)) return { ok: false, state: 'taken' };
    const detail = { via: 'invitation', invitationId: link.id, invitedBy: link.created_by };
    const userId = await insertUser(trx, viaInvitation, now, {
      email: link.email,
      displayName: input.displayName,
      organizationId: org.id,
      role: link.role,
      passwordHash,
      locale: link.locale ?? 'ja',
      timeZone: ctx.config.defaultTimeZone,
      detail,
    });
    await trx
      .updateTable('mail_tokens')
      .set({ used_at: now, user_id: userId })
      .where('id', '=', link.id)
      .execute();
    await audit(trx, {
      actor: viaInvitation,
      action: 'invitation.accepted',
      subject: { type: 'user', id: userId },
      ip: input.ip,
      detail,
    });
    if (input.previousSessionToken) await revokeSession(trx, input.previousSessionToken, now);
    const mfaNeeded = requiresMfa(link.role, org.type);
    const sessionToken = await createSession(trx, ctx, {
      userId,
      mfaVerified: !mfaNeeded,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { ok: true, userId, sessionToken, next: mfaNeeded ? 'mfa_setup' : 'done' };
  });
}
