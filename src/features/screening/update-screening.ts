// Saving the screening checklist: the items with who saved them and when, in reports.screening; each save is
// an event, so the history of the checklist stays readable. Only while the report is being screened.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { canDecide } from '../intake/report-states.js';
import { REPORT_EVENTS } from './report-events.js';
import { lockReport } from './report-queries.js';
import type { Checklist, StoredScreening } from './screening-checklist.js';

export async function updateScreening(
  ctx: AppContext,
  actor: Actor,
  input: { trackingNumber: string; items: Checklist; ip?: string | null },
): Promise<StoredScreening> {
  authorize(actor, 'report.decide');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await lockReport(trx, input.trackingNumber);
    // the checklist prepares the acceptance decision: once that is no longer possible, it is history
    if (!canDecide(r.state, 'accept')) throw new AppError('conflict', 'screening.errors.closed');
    const stored: StoredScreening = {
      items: input.items,
      updatedBy: actor.userId,
      updatedByName: actor.displayName,
      updatedAt: now.toISOString(),
    };
    await trx
      .updateTable('reports')
      .set({ screening: JSON.stringify(stored) })
      .where('id', '=', r.id)
      .execute();
    await appendEvent(trx, {
      streamType: 'report',
      streamId: r.id,
      type: REPORT_EVENTS.screeningUpdated,
      actorUserId: actor.userId,
      at: now,
      data: { items: input.items },
    });
    await audit(trx, {
      actor,
      action: REPORT_EVENTS.screeningUpdated,
      subject: { type: 'report', id: r.id },
      ip: input.ip ?? null,
      detail: { trackingNumber: r.tracking_number, items: input.items },
    });
    return stored;
  });
}
