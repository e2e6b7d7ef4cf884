// What follows every change to how an account signs in (password changed or reset, second factor turned off),
// inside the change's own transaction: every session of the account ends, the change is an event on the user's
// stream and an audit entry, and the account's address is told, so a change its owner did not make is noticed.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { createSession, revokeAllSessions } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { Locale } from '../../platform/db/schema.js';
import { appendEvent } from '../../platform/events.js';
import { enqueueMail } from '../../platform/mail/outbox.js';

export type CredentialsChange = {
  user: { id: string; email: string; locale: Locale; display_name: string };
  actor: Actor;
  /** who made the change, for the event; null when it was made through a link by someone not signed in */
  actorUserId: string | null;
  event: { type: string; data?: Record<string, unknown> };
  audit: { action: string; detail?: Record<string, unknown> };
  /** the mail template telling the owner, and the page of this site its link leads to */
  notice: { template: string; path: string };
  ip: string | null;
  at: Date;
  /**
   * The browser that made the change stays signed in with a fresh session, its second factor done: the person in
   * front of it has just proved the password.
   */
  keepSignedIn?: { userAgent: string | null };
};

/** Returns the fresh session's token when `keepSignedIn` asked for one. */
export async function credentialsChanged(
  trx: Database,
  ctx: AppContext,
  c: CredentialsChange & Required<Pick<CredentialsChange, 'keepSignedIn'>>,
): Promise<string>;
export async function credentialsChanged(
  trx: Database,
  ctx: AppContext,
  c: CredentialsChange,
): Promise<undefined>;
export async function credentialsChanged(
  trx: Database,
  ctx: AppContext,
  c: CredentialsChange,
): Promise<string | undefined> {
  await revokeAllSessions(trx, c.user.id, c.at);
  const sessionToken = c.keepSignedIn
    ? await createSession(trx, ctx, {
        userId: c.user.id,
        mfaVerified: true,
        ip: c.ip,
        userAgent: c.keepSignedIn.userAgent,
      })
    : undefined;
  await appendEvent(trx, {
    streamType: 'user',
    streamId: c.user.id,
    type: c.event.type,
    actorUserId: c.actorUserId,
    ...(c.event.data ? { data: c.event.data } : {}),
    at: c.at,
  });
  await audit(trx, {
    actor: c.actor,
    action: c.audit.action,
    subject: { type: 'user', id: c.user.id },
    ip: c.ip,
    ...(c.audit.detail ? { detail: c.audit.detail } : {}),
  });
  await enqueueMail(trx, ctx.jobs, {
    to: c.user.email,
    locale: c.user.locale,
    template: c.notice.template,
    vars: { name: c.user.display_name, url: `${ctx.config.publicUrl}${c.notice.path}` },
    related: { type: 'user', id: c.user.id },
  });
  return sessionToken;
}
