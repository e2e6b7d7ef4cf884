// The keeper corrects a product (names, purl, CPE, category); the event keeps what changed.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { type DirectoryProduct, productsOf } from './contact-window.js';
import { type ProductInput, productInput } from './entry-input.js';
import { directoryOrganization, resourceOf } from './entry-store.js';

/** A current (not retired) product of the organization, for its edit form; 404 otherwise. */
export async function productOf(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  productId: string,
): Promise<DirectoryProduct> {
  const org = await directoryOrganization(ctx.db, organizationId);
  authorize(actor, 'directory.manage', resourceOf(org));
  const p = (await productsOf(ctx.db, org.id)).find((x) => x.id === productId);
  if (!p) throw notFound();
  return p;
}

export async function updateProduct(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  productId: string,
  raw: ProductInput,
): Promise<void> {
  const before = await productOf(ctx, actor, organizationId, productId);
  const input = productInput.parse(raw);
  const now = ctx.clock.now();
  const changed = (['nameJa', 'nameEn', 'purl', 'cpe', 'category'] as const).filter(
    (k) => before[k] !== input[k],
  );
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('directory_products')
      .set({
        name_ja: input.nameJa,
        name_en: input.nameEn,
        purl: input.purl,
        cpe: input.cpe,
        category: input.category,
      })
      .where('id', '=', before.id)
      .where('retired_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw notFound();
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: before.organizationId,
      type: 'directory.product-updated',
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      data: {
        productId: before.id,
        changed,
        ...(changed.includes('category') ? { category: { from: before.category, to: input.category } } : {}),
      },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.product-updated',
      subject: { type: 'organization', id: before.organizationId },
      detail: { productId: before.id, changed },
    });
  });
}
