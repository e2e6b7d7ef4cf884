// What an invitation link offers (organization, role, address), or why it can no longer be used.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { OrganizationType, Role } from '../../platform/db/schema.js';
import { emailTaken, findMailToken, type MailTokenState, mailTokenState } from './queries.js';

export type InvitationView =
  | {
      state: 'valid';
      email: string;
      role: Role;
      displayName: string | null;
      organization: { nameJa: string; nameEn: string; type: OrganizationType };
      expiresAt: Date;
    }
  | { state: Exclude<MailTokenState, 'valid'> | 'taken' };

export async function getInvitation(
  ctx: AppContext,
  _actor: Actor,
  input: { token: string },
): Promise<InvitationView> {
  const link = await findMailToken(ctx.db, 'invitation', input.token);
  const state = mailTokenState(link, ctx.clock.now());
  if (state !== 'valid') return { state };
  if (!link?.organization_id || !link.role) return { state: 'unknown' };
  const org = await ctx.db
    .selectFrom('organizations')
    .select(['name_ja', 'name_en', 'type'])
    .where('id', '=', link.organization_id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!org) return { state: 'unknown' };
  if (await emailTaken(ctx.db, link.email)) return { state: 'taken' };
  return {
    state: 'valid',
    email: link.email,
    role: link.role,
    displayName: link.display_name,
    organization: { nameJa: org.name_ja, nameEn: org.name_en, type: org.type },
    expiresAt: link.expires_at,
  };
}
