// A finder with an account opens one of their own reports; anyone else learns nothing, not even that it exists.

import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { canActAsFinder } from './finder-access.js';
import { type FinderReportView, loadFinderReportView } from './finder-report-view.js';
import { reportByTrackingNumber } from './queries.js';

export async function showOwnReport(
  ctx: AppContext,
  actor: Actor,
  trackingNumber: string,
  opts: { ip?: string | null },
): Promise<FinderReportView> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'errors.unauthenticated');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await reportByTrackingNumber(trx, trackingNumber);
    if (!row || !canActAsFinder(actor, row)) throw notFound();
    const view = await loadFinderReportView(trx, ctx.secrets, row.id);
    if (!view) throw notFound();
    await audit(trx, {
      actor,
      action: 'report.read_own',
      subject: { type: 'report', id: row.id },
      ip: opts.ip ?? null,
    });
    return view;
  });
}
