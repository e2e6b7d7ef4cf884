// The portal's list (製品開発者の案件一覧): the product cases the viewer's organization is a live, notified party to —
// and nothing else — each with its vulnerabilities' titles, the affected product as reported, the target date,
// the agreed publication moment and the developer's open tasks.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { affectedOfReports } from '../cases/report-brief.js';
import { casesOfDeveloper } from '../coordination/queries.js';
import { developerOf } from './party-access.js';
import { type OpenTasks, openTasksOf } from './tasks.js';

export type MyCaseRow = {
  reference: string;
  /** vulnerability titles, in order */
  titles: { ja: string; en: string }[];
  /** the product (and developer) as the finder named it, when the case came from a report */
  affected: string | null;
  state: 'open' | 'closed';
  ended: boolean;
  notifiedAt: Date;
  acknowledgedAt: Date | null;
  /** JST calendar day */
  targetDate: string | null;
  agreedPublicationAt: Date | null;
  tasks: OpenTasks;
};

export async function listMyCases(
  ctx: AppContext,
  actorIn: Actor,
  input: { ip?: string | null } = {},
): Promise<MyCaseRow[]> {
  const { actor, organizationId } = developerOf(actorIn, 'portal.read');
  const cases = await casesOfDeveloper(ctx.db, organizationId);
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.caseId);
  const titles = await ctx.db
    .selectFrom('coordination_vulnerabilities')
    .select(['case_id', 'title_ja', 'title_en'])
    .where('case_id', 'in', ids)
    .where('withdrawn_at', 'is', null)
    .orderBy('ordinal')
    .execute();
  const reports = await ctx.db
    .selectFrom('cases')
    .select(['id', 'report_id'])
    .where('id', 'in', ids)
    .execute();
  const reportOf = new Map(reports.map((r) => [r.id, r.report_id]));
  const affected = await affectedOfReports(
    ctx,
    reports.flatMap((r) => (r.report_id ? [r.report_id] : [])),
  );
  const rows: MyCaseRow[] = [];
  for (const c of cases) {
    const ended = c.state === 'closed' || c.endKind !== null;
    const reportId = reportOf.get(c.caseId);
    rows.push({
      reference: c.reference,
      titles: titles.filter((t) => t.case_id === c.caseId).map((t) => ({ ja: t.title_ja, en: t.title_en })),
      affected: reportId ? (affected.get(reportId) ?? null) : null,
      state: c.state,
      ended,
      notifiedAt: c.notifiedAt as Date,
      acknowledgedAt: c.acknowledgedAt,
      targetDate: c.targetDate,
      agreedPublicationAt: c.agreedPublicationAt,
      tasks: await openTasksOf(ctx.db, {
        caseId: c.caseId,
        partyId: c.partyId,
        acknowledgedAt: c.acknowledgedAt,
        ended,
      }),
    });
  }
  await audit(ctx.db, {
    actor,
    action: 'portal.cases_listed',
    subject: { type: 'organization', id: organizationId },
    ip: input.ip ?? null,
    detail: { count: rows.length },
  });
  return rows;
}
