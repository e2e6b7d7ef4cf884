// Revoking one of one's own API tokens. Someone else's token is "not found", never "forbidden".
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function revokeApiToken(
  ctx: AppContext,
  actor: Actor,
  input: { tokenId: string; ip: string | null },
): Promise<void> {
  authorize(actor, 'token.manage-own', { userId: actor.kind === 'user' ? actor.userId : null });
  if (!UUID.test(input.tokenId)) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: ctx.clock.now() })
      .where('id', '=', input.tokenId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'prefix'])
      .executeTakeFirst();
    if (!revoked) throw notFound();
    await audit(trx, {
      actor,
      action: 'api_token.revoked',
      subject: { type: 'user', id: actor.userId },
      ip: input.ip,
      detail: { tokenId: revoked.id, prefix: revoked.prefix },
    });
  });
}
