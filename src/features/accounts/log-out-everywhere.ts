// "Log out everywhere": ends every session of the account, this one included (e.g. after a lost laptop).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { revokeAllSessions } from '../../platform/auth/sessions.js';
import type { AppContext } from '../../platform/context.js';

export async function logOutEverywhere(
  ctx: AppContext,
  actor: Actor,
  input: { ip: string | null },
): Promise<void> {
  authorize(actor, 'account.update', { userId: actor.kind === 'user' ? actor.userId : null });
  await ctx.db.transaction().execute(async (trx) => {
    await revokeAllSessions(trx, actor.userId, ctx.clock.now());
    await audit(trx, {
      actor,
      action: 'sessions.revoked',
      subject: { type: 'user', id: actor.userId },
      ip: input.ip,
      detail: { scope: 'all' },
    });
  });
}
