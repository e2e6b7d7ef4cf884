// Invitations (組織への招待): an admin invites an address into an organization with a role; the invitee
// receives a one-time link by mail (valid seven days) and sets their own name and password.
import { z } from 'zod';
import { formatInstant } from '../../domain/time.js';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import type { Role } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { translator } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { emailTakenError } from './insert-user.js';
import { emailTaken } from './queries.js';

export const INVITATION_VALID_DAYS = 7;

export type InviteUserInput = {
  email: string;
  organizationId: string;
  role: Role;
  displayName?: string;
  locale: 'ja' | 'en';
};

export const inviteUserInput = z.object({
  email: z
    .email({ message: 'validation.email' })
    .max(254)
    .transform((e) => e.toLowerCase()),
  organizationId: z.uuid(),
  role: z.enum(['handler', 'lead', 'admin', 'org_admin', 'member']),
  displayName: text(200).optional(),
  locale: z.enum(['ja', 'en']),
});

export async function inviteUser(
  ctx: AppContext,
  actor: Actor,
  raw: InviteUserInput,
): Promise<{ invitationId: string; expiresAt: Date }> {
  const input = inviteUserInput.parse(raw);
  const org = await ctx.db
    .selectFrom('organizations')
    .select(['id', 'type', 'name_ja', 'name_en'])
    .where('id', '=', input.organizationId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!org) throw notFound();
  authorize(actor, 'user.invite', {
    organizationId: org.id,
    role: input.role,
    organizationType: org.type,
  });
  if (await emailTaken(ctx.db, input.email)) throw emailTakenError();
  const token = randomToken(32);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000);
  const t = translator(input.locale);
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await trx
      .insertInto('mail_tokens')
      .values({
        purpose: 'invitation',
        token_hash: sha256Hex(token),
        email: input.email,
        organization_id: org.id,
        role: input.role,
        display_name: input.displayName || null,
        locale: input.locale,
        created_by: actor.userId,
        created_at: now,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueMail(trx, ctx.jobs, {
      to: input.email,
      locale: input.locale,
      template: 'accounts.mail.invitation',
      vars: {
        organization: input.locale === 'ja' ? org.name_ja : org.name_en,
        role: t(`roles.${input.role}`),
        inviter: actor.displayName,
        url: `${ctx.config.publicUrl}/invitations/${token}`,
        expires: formatInstant(expiresAt, { locale: input.locale, timeZone: ctx.config.defaultTimeZone }),
      },
      related: { type: 'organization', id: org.id },
    });
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'user.invited',
      actorUserId: actor.userId,
      data: { invitationId: invitation.id, role: input.role },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'user.invited',
      subject: { type: 'organization', id: org.id },
      detail: { invitationId: invitation.id, role: input.role },
    });
    return { invitationId: invitation.id, expiresAt };
  });
}
