// Assignment (担当者の割り当て): leads and admins give a report to any member of the reception staff, or take it
// back; a handler takes a report for themself only (the `report.assign` rule).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { REPORT_EVENTS } from './report-events.js';
import { lockReport, receptionStaff } from './report-queries.js';

export async function assignReport(
  ctx: AppContext,
  actor: Actor,
  input: { trackingNumber: string; assigneeUserId: string | null; ip?: string | null },
): Promise<{ changed: boolean }> {
  authorize(actor, 'report.assign', { userId: input.assigneeUserId });
  const assignee = input.assigneeUserId;
  if (assignee && !(await receptionStaff(ctx.db)).some((s) => s.id === assignee)) {
    throw new AppError('validation', 'screening.errors.notReceptionStaff', {
      assignee: ['screening.errors.notReceptionStaff'],
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const r = await lockReport(trx, input.trackingNumber);
    if (r.assignee_user_id === assignee) return { changed: false };
    await trx.updateTable('reports').set({ assignee_user_id: assignee }).where('id', '=', r.id).execute();
    const data = { from: r.assignee_user_id, to: assignee };
    await appendEvent(trx, {
      streamType: 'report',
      streamId: r.id,
      type: REPORT_EVENTS.assigned,
      actorUserId: actor.userId,
      at: ctx.clock.now(),
      data,
    });
    await audit(trx, {
      actor,
      action: REPORT_EVENTS.assigned,
      subject: { type: 'report', id: r.id },
      ip: input.ip ?? null,
      detail: { trackingNumber: r.tracking_number, ...data },
    });
    return { changed: true };
  });
}
