// Logging out: ends this browser's session.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { revokeSession } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';

export async function logOut(
  ctx: AppContext,
  actor: Actor,
  input: { sessionToken: string | null; ip: string | null },
): Promise<void> {
  // anyone may end their own session, including someone part-way through MFA
  if (!input.sessionToken || (actor.kind !== 'user' && actor.kind !== 'mfa_pending')) return;
  const token = input.sessionToken;
  await ctx.db.transaction().execute(async (trx) => {
    await revokeSession(trx, token, ctx.clock.now());
    await audit(trx, { actor, action: 'logout', subject: { type: 'user', id: actor.userId }, ip: input.ip });
  });
}
