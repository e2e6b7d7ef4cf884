// Writing a new account: the row, its `user.created` event and its audit entry, in the caller's transaction.
// Shared by `createUser` (administrators, the CLI) and `acceptInvitation` (the invitee, through a link).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale, Role } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';

export type NewAccount = {
  email: string;
  displayName: string;
  organizationId: string | null;
  role: Role;
  passwordHash: string;
  locale: Locale;
  timeZone?: string;
  /** more facts for the event and audit entry (ids only), e.g. who invited */
  detail?: Record<string, string | null>;
};

export const emailTakenError = () =>
  new AppError('conflict', 'accounts.errors.emailTaken', { email: ['accounts.errors.emailTaken'] });

export async function insertUser(trx: Database, actor: Actor, now: Date, a: NewAccount): Promise<string> {
  const exists = await trx.selectFrom('users').select('id').where('email', '=', a.email).executeTakeFirst();
  if (exists) throw emailTakenError();
  let userId: string;
  try {
    const row = await trx
      .insertInto('users')
      .values({
        email: a.email,
        display_name: a.displayName,
        organization_id: a.organizationId,
        role: a.role,
        password_hash: a.passwordHash,
        locale: a.locale,
        ...(a.timeZone ? { time_zone: a.timeZone } : {}),
        password_changed_at: now,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    userId = row.id;
  } catch (err) {
    // the same address registered at the same moment by another request
    if ((err as { code?: string }).code === '23505') throw emailTakenError();
    throw err;
  }
  const facts = { organizationId: a.organizationId, role: a.role, ...a.detail };
  await appendEvent(trx, {
    streamType: 'user',
    streamId: userId,
    type: 'user.created',
    actorUserId: actor.kind === 'user' ? actor.userId : (a.detail?.invitedBy ?? null),
    data: facts,
    at: now,
  });
  await audit(trx, { actor, action: 'user.created', subject: { type: 'user', id: userId }, detail: facts });
  return userId;
}
