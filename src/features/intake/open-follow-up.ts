// 届出の状況確認: the holder of a follow-up link opens the report's page. Every opening is audited (the link is the
// only credential, so its use is what an investigation needs to see).

import { audit } from '../../platform/audit.js';
import type { LinkActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Locale } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { canActAsFinder, followUpActor } from './finder-access.js';
import { type FinderReportView, loadFinderReportView } from './finder-report-view.js';
import { reportIdForFollowUpToken } from './queries.js';

/** The link's actor, or null for a wrong, replaced or revoked token. */
export async function followUpLinkActor(
  ctx: AppContext,
  token: string,
  locale: Locale,
): Promise<LinkActor | null> {
  const reportId = await reportIdForFollowUpToken(ctx.db, token);
  return reportId ? followUpActor(reportId, locale) : null;
}

export async function openFollowUp(
  ctx: AppContext,
  actor: LinkActor,
  opts: { ip?: string | null },
): Promise<FinderReportView> {
  if (!canActAsFinder(actor, { id: actor.subjectId, finder_user_id: null })) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    const view = await loadFinderReportView(trx, ctx.secrets, actor.subjectId);
    if (!view) throw notFound();
    await audit(trx, {
      actor,
      action: 'report.followed_up',
      subject: { type: 'report', id: view.reportId },
      ip: opts.ip ?? null,
    });
    return view;
  });
}
