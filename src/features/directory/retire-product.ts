// The keeper retires a product (it stays in the history; cases that named it keep it).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { directoryOrganization, resourceOf } from './entry-store.js';
import { isUuid } from './uuid.js';

export async function retireProduct(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  productId: string,
): Promise<void> {
  const org = await directoryOrganization(ctx.db, organizationId);
  authorize(actor, 'directory.manage', resourceOf(org));
  if (!isUuid(productId)) throw notFound();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('directory_products')
      .set({ retired_at: now })
      .where('id', '=', productId)
      .where('organization_id', '=', org.id)
      .where('retired_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw notFound();
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'directory.product-retired',
      actorUserId: actor.userId,
      data: { productId },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.product-retired',
      subject: { type: 'organization', id: org.id },
      detail: { productId },
    });
  });
}
