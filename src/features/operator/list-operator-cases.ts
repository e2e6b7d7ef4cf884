// 通知を受けた案件: a website operator's members see the cases their organization was notified of (details sent),
// newest first, with the site each is about. Nobody else has such a list: a link holder has its one case.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { WebsiteOutcome, WebsiteStage } from '../../platform/db/schema/website.js';
import { affectedOfReports } from '../cases/report-brief.js';
import { requireSignedIn } from './operator-access.js';

export type OperatorCaseItem = {
  caseId: string;
  reference: string;
  site: string;
  stage: WebsiteStage;
  notifiedAt: Date;
  outcome: WebsiteOutcome | null;
};

export async function listOperatorCases(
  ctx: AppContext,
  actor: Actor,
  opts: { ip?: string | null } = {},
): Promise<OperatorCaseItem[]> {
  requireSignedIn(actor);
  const organizationId = actor.kind === 'user' ? actor.organizationId : null;
  authorize(actor, 'operator.read', { track: 'website', organizationId });
  const rows = await ctx.db
    .selectFrom('website_cases as w')
    .innerJoin('cases as c', 'c.id', 'w.case_id')
    .select(['c.id', 'c.reference', 'c.report_id', 'w.stage', 'w.notified_at', 'w.outcome'])
    .where('w.operator_organization_id', '=', organizationId)
    .where('w.notified_at', 'is not', null)
    .where('c.superseded_by_case_id', 'is', null)
    .orderBy('w.notified_at', 'desc')
    .orderBy('c.reference')
    .execute();
  const sites = await affectedOfReports(
    ctx,
    rows.flatMap((r) => (r.report_id ? [r.report_id] : [])),
  );
  await audit(ctx.db, {
    actor,
    action: 'operator.cases_listed',
    ip: opts.ip ?? null,
    detail: { count: rows.length },
  });
  return rows.map((r) => ({
    caseId: r.id,
    reference: r.reference,
    site: (r.report_id && sites.get(r.report_id)) || '',
    stage: r.stage,
    notifiedAt: r.notified_at as Date,
    outcome: r.outcome,
  }));
}
