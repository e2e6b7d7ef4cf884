// The reception queue's filters as they come from the query string, and back into links.

import { z } from 'zod';
import { cursorParam } from '../../platform/db/keyset.js';
import { spacesToUndefined } from '../../platform/http/validation.js';
import { REPORT_STATES } from '../intake/report-states.js';

export const STATE_FILTERS = ['open', 'all', ...REPORT_STATES] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export const queueFilter = z.object({
  track: z.preprocess(spacesToUndefined, z.enum(['software', 'website']).optional()),
  state: z.preprocess(spacesToUndefined, z.enum(STATE_FILTERS).default('open')),
  /** older than this many days since receipt */
  olderThan: z.preprocess(spacesToUndefined, z.coerce.number().int().min(0).max(3650).optional()),
  /** 'me', 'none', or a staff member's id */
  assignee: z.preprocess(spacesToUndefined, z.union([z.enum(['me', 'none']), z.uuid()]).optional()),
  sort: z.preprocess(spacesToUndefined, z.enum(['oldest', 'newest']).default('oldest')),
  after: cursorParam,
  before: cursorParam,
});
export type QueueFilter = z.output<typeof queueFilter>;

/** The filters (and a page cursor) as a query string. */
export function queueQuery(f: QueueFilter, cursor: { after?: string; before?: string } = {}): string {
  const q = new URLSearchParams();
  if (f.track) q.set('track', f.track);
  q.set('state', f.state);
  if (f.olderThan !== undefined) q.set('olderThan', String(f.olderThan));
  if (f.assignee) q.set('assignee', f.assignee);
  q.set('sort', f.sort);
  if (cursor.after) q.set('after', cursor.after);
  if (cursor.before) q.set('before', cursor.before);
  return q.toString();
}

/** The filters worth recording with a reading of the queue (no cursors). */
export function filtersForAudit(f: QueueFilter): Record<string, string | number> {
  const out: Record<string, string | number> = { state: f.state, sort: f.sort };
  if (f.track) out.track = f.track;
  if (f.olderThan !== undefined) out.olderThan = f.olderThan;
  if (f.assignee) out.assignee = f.assignee;
  return out;
}
