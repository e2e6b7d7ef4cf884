// Reading the audit trail: filtered, newest first, in keyset pages by sequence number (`before` reads older
// entries, `after` newer ones; either way the page comes back newest first).
import type { Database } from '../../platform/db/database.js';
import type { AuditCriteria } from './filters.js';

export type AuditRow = {
  seq: string;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  detail: unknown;
  hash: string;
};

/** `%`, `_` and `\` typed by the viewer are literal characters, not patterns. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchAuditLog(
  db: Database,
  c: AuditCriteria,
  page: { before?: string | undefined; after?: string | undefined; limit: number },
): Promise<{ rows: AuditRow[]; more: boolean }> {
  const newestFirst = !page.after;
  let q = db.selectFrom('audit_log').selectAll();
  if (c.actor) q = q.where('actor_label', 'ilike', `%${literal(c.actor)}%`);
  if (c.action) q = q.where('action', 'like', `${literal(c.action)}%`);
  if (c.subjectType) q = q.where('subject_type', '=', c.subjectType);
  if (c.subjectId) q = q.where('subject_id', '=', c.subjectId);
  if (c.since) q = q.where('at', '>=', c.since);
  if (c.until) q = q.where('at', '<', c.until);
  if (page.before) q = q.where('seq', '<', page.before);
  if (page.after) q = q.where('seq', '>', page.after);
  const rows = await q
    .orderBy('seq', newestFirst ? 'desc' : 'asc')
    .limit(page.limit + 1)
    .execute();
  // one row beyond the page tells whether there is more in the direction of reading
  const more = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  if (!newestFirst) pageRows.reverse();
  return { more, rows: pageRows.map(toRow) };
}

function toRow(r: {
  seq: string;
  at: Date;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  detail: unknown;
  hash: string;
}): AuditRow {
  return {
    seq: r.seq,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    ip: r.ip,
    detail: r.detail,
    hash: r.hash,
  };
}
