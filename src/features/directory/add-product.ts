// The keeper records a product of a developer (name, purl, CPE, category for the schedule policy).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { type ProductInput, productInput } from './entry-input.js';
import { directoryOrganization, resourceOf } from './entry-store.js';

export async function addProduct(
  ctx: AppContext,
  actor: Actor,
  organizationId: string,
  raw: ProductInput,
): Promise<{ productId: string }> {
  const org = await directoryOrganization(ctx.db, organizationId);
  authorize(actor, 'directory.manage', resourceOf(org));
  // websites have domains, not products
  if (org.type === 'website_operator') throw new AppError('conflict', 'directory.errors.noProducts');
  const input = productInput.parse(raw);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const p = await trx
      .insertInto('directory_products')
      .values({
        organization_id: org.id,
        name_ja: input.nameJa,
        name_en: input.nameEn,
        purl: input.purl,
        cpe: input.cpe,
        category: input.category,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      streamType: 'organization',
      streamId: org.id,
      type: 'directory.product-added',
      actorUserId: actor.userId,
      data: { productId: p.id, category: input.category, purl: input.purl, cpe: input.cpe },
      at: now,
    });
    await audit(trx, {
      actor,
      action: 'directory.product-added',
      subject: { type: 'organization', id: org.id },
      detail: { productId: p.id },
    });
    return { productId: p.id };
  });
}
