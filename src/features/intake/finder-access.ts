// Who may act as the finder of a report: the holder of its live follow-up link, or the finder's own account.
import type { Actor, LinkActor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/policy.js';
import type { Locale } from '../../platform/db/schema.js';

export function followUpActor(reportId: string, locale: Locale): LinkActor {
  return { kind: 'link', subjectType: 'report', subjectId: reportId, locale };
}

export function canActAsFinder(actor: Actor, report: { id: string; finder_user_id: string | null }): boolean {
  if (actor.kind === 'link') return can(actor, 'report.follow-up', { reportId: report.id });
  // an account with no report of its own must never match a report without an account (null = null)
  return report.finder_user_id !== null && can(actor, 'report.read-own', { userId: report.finder_user_id });
}
