// When a product is the cause (seed 003 §5.2(3), seed 000 §3.2(2)): the report moves to the product track through
// screening's reclassification — the same decision the report page takes — which opens the product case, closes
// this one as superseded, links the two and keeps the history; the finder gets the edited message. Nothing of it
// is duplicated here; this only checks that the website case can still be worked on and finds its report.
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { decisionTemplate } from '../screening/finder-notice.js';
import { reclassifyReport } from '../screening/reclassify-report.js';
import { isWorkable, readWorkCase, websiteBrief } from './work-case.js';

export async function reclassifyToProduct(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; message: string; ip?: string | null },
): Promise<{ productReference: string | null }> {
  const c = await readWorkCase(ctx.db, actor, input.reference);
  if (!isWorkable(c)) throw new AppError('conflict', 'website.errors.closed');
  const brief = await websiteBrief(ctx.db, ctx, c.reportId);
  const r = await reclassifyReport(ctx, actor, {
    trackingNumber: brief.trackingNumber,
    expectedState: 'accepted',
    expectedTrack: 'website',
    message: input.message,
    ip: input.ip ?? null,
  });
  return { productReference: r.caseReference };
}

/** The message the form starts from: screening's reclassification template, in the finder's language. */
export async function reclassifyTemplate(ctx: AppContext, reportId: string): Promise<string> {
  const brief = await websiteBrief(ctx.db, ctx, reportId);
  return decisionTemplate('reclassify', {
    locale: brief.locale,
    trackingNumber: brief.trackingNumber,
    track: 'website',
  });
}
