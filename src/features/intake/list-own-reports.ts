// 自分の届出: the reports a finder submitted while signed in, each with its progress after acceptance.
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { caseProgressForFinders } from '../cases/case-progress.js';
import { reportsOfFinder } from './queries.js';
import type { ReportState } from './report-states.js';

export async function listOwnReports(ctx: AppContext, actor: Actor) {
  authorize(actor, 'report.read-own', { userId: actor.kind === 'user' ? actor.userId : null });
  const rows = await reportsOfFinder(ctx.db, actor.userId);
  const progress = await caseProgressForFinders(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    trackingNumber: r.tracking_number,
    track: r.track,
    state: r.state as ReportState,
    submittedAt: r.submitted_at,
    progress: progress.get(r.id) ?? [],
  }));
}
