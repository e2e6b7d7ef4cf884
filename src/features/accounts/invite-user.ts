// Invitations (組織への招待): an admin invites an address into an organization with a role; the invitee
// receives a one-time link by mail and sets a password. (To be implemented by the accounts feature.)
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Role } from '../../platform/db/schema.js';

export type InviteUserInput = {
  email: string;
  organizationId: string;
  role: Role;
  displayName?: string;
  locale: 'ja' | 'en';
};

export async function inviteUser(
  _ctx: AppContext,
  _actor: Actor,
  _input: InviteUserInput,
): Promise<{ invitationId: string; expiresAt: Date }> {
  throw new Error('not implemented yet');
}
