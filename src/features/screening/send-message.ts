// A message from the reception body to the finder: sealed into the report's thread; the finder is mailed that
// a message is waiting, if they gave an address (the mail carries neither the text nor any link).
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { appendEvent } from '../../platform/events.js';
import { noticeMessage } from './finder-notice.js';
import { REPORT_EVENTS } from './report-events.js';
import { lockReport } from './report-queries.js';

export async function sendMessageToFinder(
  ctx: AppContext,
  actor: Actor,
  input: { trackingNumber: string; text: string; ip?: string | null },
): Promise<{ messageId: string; mailed: boolean }> {
  authorize(actor, 'report.message');
  return ctx.db.transaction().execute(async (trx) => {
    const r = await lockReport(trx, input.trackingNumber);
    const sent = await noticeMessage(trx, ctx, r, actor.userId, input.text.trim());
    const data = { messageId: sent.messageId, mailed: sent.mailed };
    await appendEvent(trx, {
      streamType: 'report',
      streamId: r.id,
      type: REPORT_EVENTS.messageSent,
      actorUserId: actor.userId,
      at: ctx.clock.now(),
      data,
    });
    await audit(trx, {
      actor,
      action: REPORT_EVENTS.messageSent,
      subject: { type: 'report', id: r.id },
      ip: input.ip ?? null,
      detail: { trackingNumber: r.tracking_number, ...data },
    });
    return sent;
  });
}
