// The shape every decision shares (受付機関の判断): in one transaction, lock the report, refuse a stale form (the
// state or track changed since the page was read) with a 409 and nothing written, move the state only through
// the state machine, apply the decision's own effect, tell the finder (message + mail), and write the event and
// the audit entry. Any failure on the way rolls everything back, handover included.
import type { Updateable } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { ReportsTable, ReportTrack } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { type Decision, nextState, type ReportState } from '../intake/report-states.js';
import { composeFinderMessage, type DecisionDetail, noticeDecision } from './finder-notice.js';
import type { ReportEvent } from './report-events.js';
import { type LockedReport, lockReport } from './report-queries.js';

export type DecisionCommand = {
  trackingNumber: string;
  /** the state and track the form was rendered with: a change since then makes the form stale */
  expectedState: ReportState;
  expectedTrack: ReportTrack;
  /** the message to the finder, as edited from the template */
  message: string;
  ip?: string | null;
};

export type DecisionEffect = {
  event: ReportEvent;
  /** columns the decision sets besides the state */
  set?: Updateable<ReportsTable>;
  /** recorded with the event and the audit entry: ids and codes only, never text from the report */
  data?: Record<string, unknown>;
  /** a settling decision: `decided_at` is set */
  decided?: boolean;
  /** appended to the finder's message */
  detail?: DecisionDetail;
  caseReference?: string;
};

export type DecisionResult = {
  reportId: string;
  trackingNumber: string;
  state: ReportState;
  track: ReportTrack;
  caseReference: string | null;
  mailed: boolean;
};

export async function runDecision(
  ctx: AppContext,
  actor: Actor,
  decision: Exclude<Decision, 'finder_replied'>,
  cmd: DecisionCommand,
  apply: (trx: Database, r: LockedReport, next: ReportState, actor: UserActor) => Promise<DecisionEffect>,
): Promise<DecisionResult> {
  authorize(actor, 'report.decide');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await lockReport(trx, cmd.trackingNumber);
    if (r.state !== cmd.expectedState || r.track !== cmd.expectedTrack) {
      throw new AppError('conflict', 'screening.errors.stale');
    }
    const next = nextState(r.state, decision);
    if (!next) throw new AppError('conflict', 'screening.errors.notAllowed');
    const effect = await apply(trx, r, next, actor);
    const updated = await trx
      .updateTable('reports')
      .set({ ...effect.set, state: next, ...(effect.decided ? { decided_at: now } : {}) })
      .where('id', '=', r.id)
      .returning(['state', 'track'])
      .executeTakeFirstOrThrow();
    const text = composeFinderMessage(r.locale, cmd.message, effect.detail);
    const notice = await noticeDecision(trx, ctx, r, actor.userId, text);
    const data = {
      from: r.state,
      to: next,
      ...effect.data,
      messageId: notice.messageId,
      mailed: notice.mailed,
    };
    await appendEvent(trx, {
      streamType: 'report',
      streamId: r.id,
      type: effect.event,
      actorUserId: actor.userId,
      at: now,
      data,
    });
    await audit(trx, {
      actor,
      action: effect.event,
      subject: { type: 'report', id: r.id },
      ip: cmd.ip ?? null,
      detail: { trackingNumber: r.tracking_number, ...data },
    });
    return {
      reportId: r.id,
      trackingNumber: r.tracking_number,
      state: updated.state,
      track: updated.track,
      caseReference: effect.caseReference ?? null,
      mailed: notice.mailed,
    };
  });
}
