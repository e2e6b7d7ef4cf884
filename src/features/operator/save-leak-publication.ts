// After a personal-data leak (the completion report says one occurred), the operator drafts the facts it will
// publish on its own site (overview, period, number, kinds of data, cause, contact). One draft per case, saved as
// often as it likes — even after the case is closed, since publishing may come later; giving the URL of the
// published page marks it published and tells the reception body.
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { appendEvent } from '../../platform/events.js';
import { lockOperatorCase } from './answer-case.js';
import type { LeakInput } from './answer-input.js';
import { OPERATOR_EVENTS } from './events.js';
import { mailReception } from './mail.js';
import { answeredBy, findOperatorCase } from './operator-access.js';

export async function saveLeakPublication(
  ctx: AppContext,
  actor: Actor,
  input: { reference: string; draft: LeakInput; ip?: string | null },
): Promise<{ newlyPublished: boolean }> {
  const ref = await findOperatorCase(ctx.db, actor, input.reference, 'operator.respond');
  return ctx.db.transaction().execute(async (trx) => {
    const c = await lockOperatorCase(trx, actor, ref);
    const moved = await trx
      .selectFrom('cases')
      .select('superseded_by_case_id')
      .where('id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    if (moved.superseded_by_case_id) throw notFound();
    const leak = await trx
      .selectFrom('website_completion_reports')
      .select('id')
      .where('case_id', '=', c.caseId)
      .where('personal_data_leak', '=', true)
      .executeTakeFirst();
    if (!leak) throw new AppError('conflict', 'operator.errors.noLeak');
    const before = await trx
      .selectFrom('website_leak_publications')
      .select(['published_url', 'published_at'])
      .where('case_id', '=', c.caseId)
      .executeTakeFirst();
    const now = ctx.clock.now();
    const who = answeredBy(actor);
    const d = input.draft;
    const newlyPublished = d.publishedUrl !== null && (before?.published_url ?? null) !== d.publishedUrl;
    const values = {
      overview: d.overview,
      period: d.period,
      people_count: d.peopleCount,
      data_kinds: d.dataKinds,
      cause: d.cause,
      contact: d.contact,
      published_url: d.publishedUrl,
      published_at: d.publishedUrl ? (newlyPublished ? now : (before?.published_at ?? now)) : null,
      updated_at: now,
      updated_via: who.via,
      updated_by: who.userId,
    };
    await trx
      .insertInto('website_leak_publications')
      .values({ case_id: c.caseId, ...values })
      .onConflict((oc) => oc.column('case_id').doUpdateSet(values))
      .execute();
    const filled = Object.entries(d)
      .filter(([, v]) => v !== null)
      .map(([k]) => k);
    await appendEvent(trx, {
      streamType: 'case',
      streamId: c.caseId,
      type: OPERATOR_EVENTS.leakPublicationSaved,
      actorUserId: who.userId,
      at: now,
      data: { via: who.via, filled, published: d.publishedUrl !== null },
    });
    if (newlyPublished && d.publishedUrl) {
      const url = d.publishedUrl;
      await mailReception(trx, ctx, c, 'leakPublished', who.via, () => ({ url }));
    }
    await audit(trx, {
      actor,
      action: OPERATOR_EVENTS.leakPublicationSaved,
      subject: { type: 'case', id: c.caseId },
      ip: input.ip ?? null,
      detail: { filled, newlyPublished },
    });
    return { newlyPublished };
  });
}
