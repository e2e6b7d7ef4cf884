// The reception queue (受付機関の審査キュー): reports filtered by track, state, age and assignee, in keyset pages
// of 50, oldest first by default, each with the affected product or site decrypted. One audit entry per page.
import { ageInDays, DAY_MS } from '../../domain/time.js';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { encodeCursor, type Paged, readByKey, toPage } from '../../platform/db/keyset.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { describeAffected } from '../cases/report-brief.js';
import { openBody } from '../intake/report-sealing.js';
import type { ReportState } from '../intake/report-states.js';
import { filtersForAudit, type QueueFilter } from './queue-filter.js';
import { REPORT_READS } from './report-events.js';

export const QUEUE_PAGE_SIZE = 50;
const OPEN_STATES: ReportState[] = ['submitted', 'awaiting_finder'];

export type QueueItem = {
  id: string;
  trackingNumber: string;
  track: ReportTrack;
  affected: string;
  submittedAt: Date;
  ageDays: number;
  state: ReportState;
  assignee: string | null;
};

export async function listReports(
  ctx: AppContext,
  actor: Actor,
  input: { filter: QueueFilter; ip?: string | null },
): Promise<Paged<QueueItem>> {
  authorize(actor, 'report.list');
  const { filter } = input;
  const now = ctx.clock.now();
  let q = ctx.db
    .selectFrom('reports as r')
    .leftJoin('users as u', 'u.id', 'r.assignee_user_id')
    .select([
      'r.id',
      'r.tracking_number',
      'r.track',
      'r.body_enc',
      'r.submitted_at',
      'r.state',
      'u.display_name as assignee',
    ]);
  if (filter.track) q = q.where('r.track', '=', filter.track);
  if (filter.state === 'open') q = q.where('r.state', 'in', OPEN_STATES);
  else if (filter.state !== 'all') q = q.where('r.state', '=', filter.state);
  if (filter.olderThan !== undefined) {
    q = q.where('r.submitted_at', '<', new Date(now.getTime() - filter.olderThan * DAY_MS));
  }
  if (filter.assignee === 'me') q = q.where('r.assignee_user_id', '=', actor.userId);
  else if (filter.assignee === 'none') q = q.where('r.assignee_user_id', 'is', null);
  else if (filter.assignee) q = q.where('r.assignee_user_id', '=', filter.assignee);

  // `after` reads on in the chosen order, `before` reads back; either way the page is shown in that order
  const backwards = !!filter.before;
  const cursor = filter.before ?? filter.after;
  const ascending = (filter.sort === 'oldest') !== backwards;
  const rows = await readByKey(
    q,
    { at: 'r.submitted_at', id: 'r.id' },
    { cursor, ascending, limit: QUEUE_PAGE_SIZE },
  ).execute();
  const page = toPage(rows, {
    limit: QUEUE_PAGE_SIZE,
    backwards,
    hadCursor: !!cursor,
    key: (r) => encodeCursor({ at: r.submitted_at, id: r.id }),
  });
  await audit(ctx.db, {
    actor,
    action: REPORT_READS.listRead,
    ip: input.ip ?? null,
    detail: { filters: filtersForAudit(filter), rows: page.items.length },
  });
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      trackingNumber: r.tracking_number,
      track: r.track,
      affected: describeAffected(openBody(ctx.secrets, r.id, r.body_enc)),
      submittedAt: r.submitted_at,
      ageDays: ageInDays(r.submitted_at, now),
      state: r.state,
      assignee: r.assignee,
    })),
  };
}
