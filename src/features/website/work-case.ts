// Finding the website case a reception staff member works on, by its reference: permission first (a wrong role
// learns nothing), then the case (404 when it is not a website case), then its website row — made on first use,
// since the handover (cases feature) knows nothing of this feature. Writers lock the row and refuse a case that
// is closed or was moved to the product track.
import type { Selectable } from 'kysely';
import type { Actor, UserActor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import type { WebsiteCasesTable } from '../../platform/db/schema/website.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type ReportBrief, reportBrief } from '../cases/report-brief.js';

export type WebsiteRow = Selectable<WebsiteCasesTable>;

export type WorkCase = {
  caseId: string;
  reference: string;
  reportId: string;
  caseState: 'open' | 'closed';
  supersededByCaseId: string | null;
  handedOverAt: Date;
  /** null until the case is first worked on */
  w: WebsiteRow | null;
};

/** Open, not moved to the product track, no outcome yet. */
export function isWorkable(c: WorkCase): boolean {
  return c.caseState === 'open' && c.supersededByCaseId === null && (c.w?.outcome ?? null) === null;
}

async function findCase(db: Database, reference: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'report_id', 'state', 'superseded_by_case_id', 'handed_over_at', 'track'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** For reading: the case and its website row, if any. */
export async function readWorkCase(
  db: Database,
  actor: Actor,
  reference: string,
): Promise<WorkCase & { actor: UserActor }> {
  authorize(actor, 'website.work', { track: 'website' });
  const c = await findCase(db, reference);
  if (c?.track !== 'website' || !c.report_id) throw notFound();
  authorize(actor, 'website.work', { track: 'website', caseId: c.id });
  const w = await db.selectFrom('website_cases').selectAll().where('case_id', '=', c.id).executeTakeFirst();
  return {
    actor,
    caseId: c.id,
    reference: c.reference,
    reportId: c.report_id,
    caseState: c.state,
    supersededByCaseId: c.superseded_by_case_id,
    handedOverAt: c.handed_over_at,
    w: w ?? null,
  };
}

/**
 * For changing: inside the caller's transaction, the case's website row made if missing and locked. Refuses
 * (409) a case that can no longer be worked on.
 */
export async function lockWorkCase(
  trx: Database,
  ctx: Pick<AppContext, 'secrets' | 'clock'>,
  actor: Actor,
  reference: string,
): Promise<WorkCase & { actor: UserActor; w: WebsiteRow }> {
  const c = await readWorkCase(trx, actor, reference);
  if (!c.w) {
    // the public's eyes: only the type is needed, and the finder's identity is never opened for it
    const brief = await reportBrief(trx, ctx, 'public', c.reportId);
    const now = ctx.clock.now();
    await trx
      .insertInto('website_cases')
      .values({
        case_id: c.caseId,
        vulnerability_type: brief?.details.track === 'website' ? brief.details.vulnerabilityType : null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .execute();
  }
  const w = await trx
    .selectFrom('website_cases')
    .selectAll()
    .where('case_id', '=', c.caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // the case row may have moved meanwhile (reclassified): read it again under the lock
  const fresh = await trx
    .selectFrom('cases')
    .select(['state', 'superseded_by_case_id'])
    .where('id', '=', c.caseId)
    .executeTakeFirstOrThrow();
  const locked = { ...c, caseState: fresh.state, supersededByCaseId: fresh.superseded_by_case_id, w };
  if (!isWorkable(locked)) throw new AppError('conflict', 'website.errors.closed');
  return locked;
}

/**
 * What was reported about the site (URL, type, description, steps, threat), for the notices and this feature's
 * pages. Read with the public's eyes, so the finder's identity is never decrypted for it: the only use of the
 * finder here — telling them the outcome — reads the brief for the reception audience itself.
 */
export async function websiteBrief(
  db: Database,
  ctx: Pick<AppContext, 'secrets'>,
  reportId: string,
): Promise<ReportBrief & { details: Extract<ReportBrief['details'], { track: 'website' }> }> {
  const brief = await reportBrief(db, ctx, 'public', reportId);
  if (brief?.details.track !== 'website') throw notFound();
  return brief as ReportBrief & { details: Extract<ReportBrief['details'], { track: 'website' }> };
}
