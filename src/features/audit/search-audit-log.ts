// Reading the audit trail: filtered, newest first, in keyset pages by sequence number (`before` reads older
// entries, `after` newer ones; either way the page comes back newest first).
//
// A finder's identity is disclosed to nobody outside the reception body (受付機関基準 (4)), and the trail
// names whoever acted: for other readers, an entry made by a finder's account shows no name, id or IP
// address (and cannot be found by the actor filter), an anonymous visitor's entry shows no IP address, and
// the actor searched for in someone's reading of the trail is masked.
import type { Database } from '../../platform/db/database.js';
import { pageOf } from '../../platform/db/keyset.js';
import { likeContains, likeLiteral } from '../../platform/db/like.js';
import type { AuditCriteria } from './filters.js';

export type AuditRow = {
  seq: string;
  at: Date;
  /** null with `actorHidden` */
  actorUserId: string | null;
  actorLabel: string;
  /** a finder acted: who it was is withheld from this reader */
  actorHidden: boolean;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  detail: unknown;
  hash: string;
};

export async function searchAuditLog(
  db: Database,
  c: AuditCriteria,
  page: { before?: string | undefined; after?: string | undefined; limit: number },
  reader: { revealsFinders: boolean },
): Promise<{ rows: AuditRow[]; more: boolean }> {
  const newestFirst = !page.after;
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .selectAll('a')
    .select('u.role as actor_role');
  if (c.actor) {
    q = q.where('a.actor_label', 'ilike', likeContains(c.actor));
    if (!reader.revealsFinders)
      q = q.where((eb) => eb.or([eb('u.role', 'is', null), eb('u.role', '!=', 'finder')]));
  }
  if (c.action) q = q.where('a.action', 'like', `${likeLiteral(c.action)}%`);
  if (c.subjectType) q = q.where('a.subject_type', '=', c.subjectType);
  if (c.subjectId) q = q.where('a.subject_id', '=', c.subjectId);
  if (c.since) q = q.where('a.at', '>=', c.since);
  if (c.until) q = q.where('a.at', '<', c.until);
  if (page.before) q = q.where('a.seq', '<', page.before);
  if (page.after) q = q.where('a.seq', '>', page.after);
  const rows = await q
    .orderBy('a.seq', newestFirst ? 'desc' : 'asc')
    .limit(page.limit + 1)
    .execute();
  const { items, more } = pageOf(rows, page.limit, !newestFirst);
  return { more, rows: items.map((r) => toRow(r, reader.revealsFinders)) };
}

function toRow(
  r: {
    seq: string;
    at: Date;
    actor_user_id: string | null;
    actor_label: string;
    actor_role: string | null;
    action: string;
    subject_type: string | null;
    subject_id: string | null;
    ip: string | null;
    detail: unknown;
    hash: string;
  },
  revealsFinders: boolean,
): AuditRow {
  const finder = !revealsFinders && r.actor_role === 'finder';
  const anonymous = r.actor_user_id === null && r.actor_label === 'anonymous';
  return {
    seq: r.seq,
    at: r.at,
    actorUserId: finder ? null : r.actor_user_id,
    actorLabel: finder ? '' : r.actor_label,
    actorHidden: finder,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    ip: finder || (!revealsFinders && anonymous) ? null : r.ip,
    detail: !revealsFinders && r.action === 'audit.read' ? withoutActorSearch(r.detail) : r.detail,
    hash: r.hash,
  };
}

/** A reception lead's search for an actor may be a finder's address: others see that one was made, not for whom. */
function withoutActorSearch(detail: unknown): unknown {
  const d = detail as { filters?: Record<string, unknown> } | null;
  if (!d?.filters || typeof d.filters.actor !== 'string') return detail;
  return { ...d, filters: { ...d.filters, actor: '***' } };
}

/** Only the reception body (and the operator at the command line) sees who a finder is. */
export function revealsFinders(actor: { kind: string; organizationType?: string | null }): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.organizationType === 'reception_body');
}
