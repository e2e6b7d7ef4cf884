// A case queue: the coordination body's product cases or the reception body's website cases, oldest handover
// first, in keyset pages. One audit entry per page read.

import { z } from 'zod';
import { ageInDays } from '../../domain/time.js';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import {
  type Cursor,
  cursorParam,
  encodeCursor,
  type Paged,
  readByKey,
  toPage,
} from '../../platform/db/keyset.js';
import type { ReportTrack } from '../../platform/db/schema.js';
import { blankToUndefined } from '../../platform/http/validation.js';
import { affectedOfReports } from './report-brief.js';

export const CASE_PAGE_SIZE = 50;
export const CASE_STATE_FILTERS = ['open', 'closed', 'all'] as const;

export const caseFilter = z.object({
  state: z.preprocess(blankToUndefined, z.enum(CASE_STATE_FILTERS).default('open')),
  after: cursorParam,
  before: cursorParam,
});
export type CaseFilter = z.output<typeof caseFilter>;

export type CaseListItem = {
  id: string;
  reference: string;
  affected: string;
  handedOverAt: Date;
  ageDays: number;
  state: 'open' | 'closed';
  supersededBy: string | null;
  reclassified: boolean;
};

export async function listCases(
  ctx: AppContext,
  actor: Actor,
  input: { track: ReportTrack; filter: CaseFilter; ip: string | null },
): Promise<Paged<CaseListItem>> {
  authorize(actor, 'case.list', { track: input.track });
  const { filter } = input;
  const cursor: Cursor | undefined = filter.before ?? filter.after;
  const backwards = !!filter.before;
  let q = ctx.db
    .selectFrom('cases as c')
    .leftJoin('cases as s', 's.id', 'c.superseded_by_case_id')
    .select([
      'c.id',
      'c.reference',
      'c.report_id',
      'c.handed_over_at',
      'c.state',
      's.reference as superseded_by',
      (eb) =>
        eb
          .exists(eb.selectFrom('cases as p').whereRef('p.superseded_by_case_id', '=', 'c.id').select('p.id'))
          .as('reclassified'),
    ])
    .where('c.track', '=', input.track);
  if (filter.state !== 'all') q = q.where('c.state', '=', filter.state);
  const rows = await readByKey(
    q,
    { at: 'c.handed_over_at', id: 'c.id' },
    { cursor, ascending: !backwards, limit: CASE_PAGE_SIZE },
  ).execute();
  const page = toPage(rows, {
    limit: CASE_PAGE_SIZE,
    backwards,
    hadCursor: !!cursor,
    key: (r) => encodeCursor({ at: r.handed_over_at, id: r.id }),
  });
  const affected = await affectedOfReports(
    ctx,
    page.items.flatMap((r) => (r.report_id ? [r.report_id] : [])),
  );
  const now = ctx.clock.now();
  await audit(ctx.db, {
    actor,
    action: 'case.list_read',
    ip: input.ip,
    detail: { track: input.track, state: filter.state, rows: page.items.length },
  });
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      reference: r.reference,
      affected: (r.report_id && affected.get(r.report_id)) || '',
      handedOverAt: r.handed_over_at,
      ageDays: ageInDays(r.handed_over_at, now),
      state: r.state,
      supersededBy: r.superseded_by,
      reclassified: Boolean(r.reclassified),
    })),
  };
}
