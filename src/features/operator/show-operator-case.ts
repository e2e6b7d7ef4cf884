// The operator's page of its case: what the notice said (the report as the operator may see it), who the finder
// is by report-brief's rule for the operator audience (mayKnowFinderIdentity: the name and organization only with
// the finder's consent, never a way to reach them — the view from website/queries.ts carries no finder at all,
// so this is the one place it is added), the target dates, and every answer so far. Each reading is audited: it
// is confidential, unfixed-vulnerability information.
import type { Selectable } from 'kysely';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type {
  WebsiteCompletionReportsTable,
  WebsiteLeakPublicationsTable,
  WebsiteOperatorResponsesTable,
} from '../../platform/db/schema/website.js';
import { notFound } from '../../platform/errors.js';
import { reportBrief } from '../cases/report-brief.js';
import {
  completionReports,
  leakPublication,
  type OperatorCaseView,
  operatorCaseView,
  operatorResponses,
} from '../website/queries.js';
import { findOperatorCase } from './operator-access.js';
import {
  clockPolicy,
  type OperatorClockPolicy,
  type OperatorTargets,
  operatorTargets,
} from './operator-clock.js';

export type DisclosedFinder = { name: string | null; organization: string | null };

export type OperatorCasePage = {
  view: OperatorCaseView;
  /** null: the finder did not consent to the operator learning who they are */
  finder: DisclosedFinder | null;
  policy: OperatorClockPolicy;
  targets: OperatorTargets | null;
  responses: Selectable<WebsiteOperatorResponsesTable>[];
  completions: Selectable<WebsiteCompletionReportsTable>[];
  leak: Selectable<WebsiteLeakPublicationsTable> | null;
  /** a completion report says personal data leaked: the publication helper is open */
  leakReported: boolean;
  /** the case was moved to the product track */
  moved: boolean;
};

export async function showOperatorCase(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; ip?: string | null; purpose?: 'case' | 'completion' | 'leak' },
): Promise<OperatorCasePage> {
  const ref = await findOperatorCase(ctx.db, actor, input.reference, 'operator.read');
  return ctx.db.transaction().execute(async (trx) => {
    const view = await operatorCaseView({ db: trx, secrets: ctx.secrets }, ref.caseId);
    if (!view) throw notFound();
    // the one way to the finder's identity, with the operator's eyes (受付機関基準 (4))
    const brief = await reportBrief(trx, ctx, 'operator', ref.reportId);
    const finder =
      brief?.finder.disclosed === true
        ? { name: brief.finder.name, organization: brief.finder.organization }
        : null;
    const [responses, completions, leak, c] = await Promise.all([
      operatorResponses(trx, ref.caseId),
      completionReports(trx, ref.caseId),
      leakPublication(trx, ref.caseId),
      trx
        .selectFrom('cases')
        .select('superseded_by_case_id')
        .where('id', '=', ref.caseId)
        .executeTakeFirstOrThrow(),
    ]);
    const policy = clockPolicy(ctx);
    await audit(trx, {
      actor,
      action: 'operator.case_read',
      subject: { type: 'case', id: ref.caseId },
      ip: input.ip ?? null,
      detail: { page: input.purpose ?? 'case', finderDisclosed: finder !== null },
    });
    return {
      view,
      finder,
      policy,
      targets: view.notifiedAt ? operatorTargets(view.notifiedAt, policy) : null,
      responses,
      completions,
      leak: leak ?? null,
      leakReported: completions.some((r) => r.personal_data_leak),
      moved: c.superseded_by_case_id !== null,
    };
  });
}
