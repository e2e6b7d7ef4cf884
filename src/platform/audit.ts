// Writing to the audit trail. The chain itself (sequence, previous hash, hash) is made by the database
// trigger in the same transaction as the change, so a change and its audit entry commit or roll back together.
import { sql } from 'kysely';
import type { Actor } from './auth/actor.js';
import type { Database } from './db/database.js';

export type AuditEntry = {
  actor: Actor;
  /** past-tense, dotted: `login.succeeded`, `user.created`, `report.read` */
  action: string;
  subject?: { type: string; id: string };
  ip?: string | null;
  /** never secrets, never a finder's identity: ids and field names only */
  detail?: Record<string, unknown>;
};

export function actorLabel(actor: AuditEntry['actor']): { id: string | null; label: string } {
  switch (actor.kind) {
    case 'user':
      return { id: actor.userId, label: actor.via === 'token' ? `${actor.email} (api token)` : actor.email };
    case 'mfa_pending':
      return { id: actor.userId, label: `${actor.email} (mfa pending)` };
    case 'system':
      return { id: null, label: `system:${actor.label}` };
    case 'link':
      return { id: null, label: `link:${actor.subjectType}:${actor.subjectId}` };
    default:
      return { id: null, label: 'anonymous' };
  }
}

export async function audit(db: Database, entry: AuditEntry): Promise<void> {
  const who = actorLabel(entry.actor);
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: who.id,
      actor_label: who.label,
      action: entry.action,
      subject_type: entry.subject?.type ?? null,
      subject_id: entry.subject?.id ?? null,
      ip: entry.ip ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export type AuditBreak = { seq: string; problem: string };

/** The first row at which the chain does not hold, or null when it is whole. */
export async function verifyAuditChain(db: Database): Promise<AuditBreak | null> {
  const r = await sql<AuditBreak>`select seq::text as seq, problem from audit_verify()`.execute(db);
  return r.rows[0] ?? null;
}
