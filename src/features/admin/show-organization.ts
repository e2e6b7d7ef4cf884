// One organization's page: its details and, for those who may list them, its users and open invitations.
// Someone who may not read the organization gets "not found", so its existence is not confirmed.
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { OrganizationType, Role, Sector } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type OrganizationSummary = {
  id: string;
  type: OrganizationType;
  nameJa: string;
  nameEn: string;
  sector: Sector | null;
  createdAt: Date;
  disabledAt: Date | null;
};

export type OrganizationUser = {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  mfa: boolean;
  disabledAt: Date | null;
};

export type PendingInvitation = {
  id: string;
  email: string;
  displayName: string | null;
  role: Role | null;
  createdAt: Date;
  expiresAt: Date;
};

export type OrganizationView = {
  organization: OrganizationSummary;
  /** null when the viewer may not list the users */
  users: OrganizationUser[] | null;
  invitations: PendingInvitation[] | null;
};

/**
 * The organization, if the actor may read it: 401 for someone not signed in, 404 for a user who may not see
 * it (or when there is no such organization).
 */
export async function findReadableOrganization(
  db: Database,
  actor: Actor,
  organizationId: string,
): Promise<{ actor: UserActor; organization: OrganizationSummary }> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'errors.unauthenticated');
  if (!UUID.test(organizationId) || !can(actor, 'organization.read', { organizationId })) throw notFound();
  const o = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!o) throw notFound();
  return {
    actor,
    organization: {
      id: o.id,
      type: o.type,
      nameJa: o.name_ja,
      nameEn: o.name_en,
      sector: o.sector,
      createdAt: o.created_at,
      disabledAt: o.disabled_at,
    },
  };
}

export async function showOrganization(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
): Promise<OrganizationView> {
  const { actor: viewer, organization } = await findReadableOrganization(ctx.db, actor, organizationId);
  if (!can(viewer, 'user.list', { organizationId })) return { organization, users: null, invitations: null };
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'role', 'totp_enabled_at', 'disabled_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('disabled_at', (ob) => ob.desc().nullsFirst())
    .orderBy('display_name')
    .execute();
  // invitations are the accounts feature's one-time mail tokens; only the open ones are shown
  const invitations = await ctx.db
    .selectFrom('mail_tokens')
    .select(['id', 'email', 'display_name', 'role', 'created_at', 'expires_at'])
    .where('purpose', '=', 'invitation')
    .where('organization_id', '=', organizationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', ctx.clock.now())
    .orderBy('created_at', 'desc')
    .execute();
  return {
    organization,
    users: users.map((u) => ({
      id: u.id,
      displayName: u.display_name,
      email: u.email,
      role: u.role,
      mfa: u.totp_enabled_at !== null,
      disabledAt: u.disabled_at,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      displayName: i.display_name,
      role: i.role,
      createdAt: i.created_at,
      expiresAt: i.expires_at,
    })),
  };
}
