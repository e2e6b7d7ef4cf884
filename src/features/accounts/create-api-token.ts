// API tokens: shown once, stored as SHA-256, revocable; a token acts with its user's rights.
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import { notFound } from '../../platform/errors.js';
import { text } from '../../platform/http/validation.js';

export const createApiTokenInput = z.object({
  userId: z.uuid(),
  name: text(100).pipe(z.string().min(1)),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

function newToken(): { token: string; prefix: string } {
  const prefix = randomToken(12)
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8)
    .padEnd(8, '0');
  return { token: `kk_${prefix}_${randomToken(32)}`, prefix };
}

export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  raw: z.input<typeof createApiTokenInput>,
): Promise<{ id: string; token: string }> {
  const input = createApiTokenInput.parse(raw);
  // the operator at the command line may issue a token for any user; a user only for itself, in the browser
  if (actor.kind !== 'system') authorize(actor, 'token.manage-own', { userId: input.userId });
  const { token, prefix } = newToken();
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id'])
      .where('id', '=', input.userId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!user) throw notFound();
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: input.userId,
        name: input.name,
        token_hash: sha256Hex(token),
        prefix,
        created_at: now,
        expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actor,
      action: 'api_token.created',
      subject: { type: 'user', id: input.userId },
      detail: { tokenId: row.id, name: input.name, prefix },
    });
    return { id: row.id, token };
  });
}
