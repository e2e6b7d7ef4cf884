// The finder writes to the reception body about their report. Sealed like the report; if the reception body had
// asked for more information (awaiting_finder), this is the reply and the report goes back to screening.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { text } from '../../platform/http/validation.js';
import { canActAsFinder } from './finder-access.js';
import { REPORT_EVENTS } from './report-events.js';
import { sealMessage } from './report-sealing.js';
import { nextState, type ReportState } from './report-states.js';

export const FINDER_MESSAGE_MAX = 10_000;

export const finderMessageForm = z.object({
  message: text(FINDER_MESSAGE_MAX).pipe(z.string().min(1, { message: 'validation.required' })),
});

export async function sendFinderMessage(
  ctx: AppContext,
  actor: Actor,
  input: { report: { id: string } | { trackingNumber: string }; message: string; ip?: string | null },
): Promise<{ replied: boolean }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // the row lock orders this against a screening decision made at the same moment
    const which = input.report;
    const report = await trx
      .selectFrom('reports')
      .select(['id', 'state', 'finder_user_id'])
      .$call((q) =>
        'id' in which ? q.where('id', '=', which.id) : q.where('tracking_number', '=', which.trackingNumber),
      )
      .forUpdate()
      .executeTakeFirst();
    if (!report || !canActAsFinder(actor, report)) throw notFound();
    const messageId = randomUUID();
    const authorUserId = actor.kind === 'user' ? actor.userId : null;
    await trx
      .insertInto('report_messages')
      .values({
        id: messageId,
        report_id: report.id,
        direction: 'from_finder',
        author_user_id: authorUserId,
        body_enc: sealMessage(ctx.secrets, messageId, input.message),
        created_at: now,
      })
      .execute();
    await appendEvent(trx, {
      streamType: 'report',
      streamId: report.id,
      type: REPORT_EVENTS.finderMessageReceived,
      actorUserId: authorUserId,
      at: now,
      data: { messageId },
    });
    const next = nextState(report.state as ReportState, 'finder_replied');
    if (next) {
      await trx.updateTable('reports').set({ state: next }).where('id', '=', report.id).execute();
      await appendEvent(trx, {
        streamType: 'report',
        streamId: report.id,
        type: REPORT_EVENTS.finderReplied,
        actorUserId: authorUserId,
        at: now,
        data: { from: report.state, to: next, messageId },
      });
    }
    await audit(trx, {
      actor,
      action: REPORT_EVENTS.finderMessageReceived,
      subject: { type: 'report', id: report.id },
      ip: input.ip ?? null,
      detail: { messageId, replied: next !== null },
    });
    return { replied: next !== null };
  });
}
