// The product category the target is computed for (e.g. industrial control systems get longer). Changing it
// recomputes the target from the start date, as an event.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { ProductCategoryColumn } from '../../platform/db/schema/coordination.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { isProductCategory } from '../directory/product-category.js';
import { userIdOf, withProductCase } from './case-access.js';
import { COORDINATION_EVENTS } from './events.js';
import { mailNotifiedParties } from './mail.js';
import { coordinationPolicy, targetPublicationDate } from './schedule-policy.js';

export async function setProductCategory(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; category: unknown; ip?: string | null },
): Promise<{ targetDate: string | null; keyUnusable: number }> {
  return withProductCase(ctx, actor, input.reference, async (trx, c, coordination, now) => {
    if (!isProductCategory(input.category)) {
      throw new AppError('validation', 'errors.validation', { category: ['coordination.errors.category'] });
    }
    const category: ProductCategoryColumn = input.category;
    if (category === coordination.product_category)
      return { targetDate: coordination.target_date, keyUnusable: 0 };
    const target = coordination.start_date
      ? targetPublicationDate(coordination.start_date, category, coordinationPolicy(ctx.config))
      : null;
    await trx
      .updateTable('coordination_cases')
      .set({ product_category: category, target_date: target, updated_at: now })
      .where('case_id', '=', c.id)
      .execute();
    const userId = userIdOf(actor);
    const data = { from: coordination.product_category, to: category };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.id,
      type: COORDINATION_EVENTS.categoryChanged,
      actorUserId: userId,
      at: now,
      data,
    });
    let keyUnusable = 0;
    if (target !== coordination.target_date && target !== null) {
      keyUnusable = (
        await mailNotifiedParties(trx, ctx, c, 'targetChanged', () => ({ targetDate: target }), { at: now })
      ).keyUnusable;
    }
    if (target !== coordination.target_date) {
      await appendEvent(trx, {
        streamType: 'case',
        streamId: c.id,
        type: COORDINATION_EVENTS.targetChanged,
        actorUserId: userId,
        at: now,
        data: { from: coordination.target_date, to: target, category },
      });
    }
    await audit(trx, {
      actor,
      action: COORDINATION_EVENTS.categoryChanged,
      subject: { type: 'case', id: c.id },
      ip: input.ip ?? null,
      detail: { ...data, targetDate: target },
    });
    return { targetDate: target, keyUnusable };
  });
}
