// The publish step (公表): every advisory whose agreed moment has come is published, each in its own transaction
// and all of it or nothing — the public database (through the one public writer), the revision's CSAF document,
// the advisory's state, the 'advisory.published' event on the case and the mail to the finder, the developers,
// the subscribers and the staff. Run every minute by a job (jobs/publish-due-job.ts) and directly by tests and
// the demo after moving the clock or setting a moment in the past.
//
// Exactly once, even with two workers: the advisory row is taken with `for update skip locked` and re-checked
// (state 'scheduled', moment come), so a second worker either skips the locked row or, after the first commits,
// no longer sees it as scheduled; the public writer is idempotent per revision and every audience's mail is
// claimed by a row in advisory_publication_notices as further guards.
//
// What is published is the approved copy, checked against the sha-256 recorded at approval: a copy that does not
// open or does not match is refused (logged, left scheduled, nothing of it published), never published; the
// coordinators are told once per revision and reason (publication-failure.ts).
//
// Before the first transaction of a run with something due, the CSAF store is warmed (the validator's first load
// takes seconds, the signing key is read): otherwise the first publication of a process would spend them inside
// its transaction, holding the advisory row. The subscribers are mailed afterwards by a fan-out job
// (notify-subscribers.ts), not in the transaction.
import type { AdvisoryContent, AdvisoryRevision } from '../../domain/advisory-document.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { safeEqual, sha256Hex } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';
import { appendEvent } from '../../platform/events.js';
import { developerOrganizationsOf } from '../advisories/developer-slugs.js';
import { approvedContext } from '../advisories/store.js';
import { storeCsafDocument, warmCsafStore } from '../csaf-provider/store-csaf.js';
import { buildAdvisoryDocument } from './build-document.js';
import { PUBLICATION_EVENTS } from './events.js';
import { writePublicAdvisories } from './public-writer.js';
import { type FailedAdvisory, reportPublicationFailure } from './publication-failure.js';
import { type NoticeCounts, notifyPublication } from './publication-notices.js';

const SYSTEM = { kind: 'system' as const, label: 'publish-due' };

/**
 * The settings key that marks a case's advisory as a sample (published with `sample: true`, shown with the
 * sample badge). Only the demo seed writes it (features/demo/seed-advisories-demo.ts), for its own demo cases.
 */
export const sampleCaseKey = (caseId: string) => `publication.sample-case:${caseId}`;

export type Published = { advisoryId: string; publicId: string; revision: number; mails: NoticeCounts };
export type Refusal =
  | 'no_public_id'
  | 'no_approved_copy'
  | 'unreadable_approved_copy'
  | 'approved_copy_mismatch'
  | 'no_change_note'
  | 'no_title'
  | 'revisions_out_of_order'
  | 'failed';
export type PublishResult = {
  published: Published[];
  /** left scheduled: the next run tries again (after the cause is fixed) */
  refused: { advisoryId: string; reason: Refusal }[];
};

/** Seams for tests: the CSAF store (to make a revision fail half-way). */
export type PublishOptions = { storeCsaf?: typeof storeCsafDocument };

type Outcome = { kind: 'none' } | { kind: 'published'; p: Published } | { kind: 'refused'; reason: Refusal };

/**
 * Which directory organization is behind each developer slug of the document (kept on public_developers): the
 * slugs the editor gave the case's parties (advisories/developer-slugs.ts, the same rule as at creation); a slug
 * of the document that rule does not give (an edited one) goes to the party of the same name, if any, that is
 * not public under another slug yet.
 */
async function developerOrganizations(
  trx: Database,
  caseId: string,
  developers: AdvisoryContent['developers'],
): Promise<Record<string, string>> {
  const out = await developerOrganizationsOf(trx, caseId);
  const missing = developers.filter((d) => !(d.slug in out));
  if (missing.length === 0) return out;
  const taken = new Set(developers.flatMap((d) => (out[d.slug] ? [out[d.slug]] : [])));
  // an organization already public under another slug keeps that one (organization_id is unique there)
  const orgs = await trx
    .selectFrom('coordination_parties as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('public_developers as d', 'd.organization_id', 'o.id')
    .select(['o.id', 'o.name_ja', 'o.name_en'])
    .where('p.case_id', '=', caseId)
    .where('d.slug', 'is', null)
    .execute();
  for (const d of missing) {
    const org = orgs.find(
      (o) => !taken.has(o.id) && (o.name_ja === d.name.ja || (o.name_en !== '' && o.name_en === d.name.en)),
    );
    if (org) {
      out[d.slug] = org.id;
      taken.add(org.id);
    }
  }
  return out;
}

async function publishOne(
  ctx: AppContext,
  now: Date,
  skip: readonly string[],
  opts: PublishOptions,
  taken: { id: string | null },
): Promise<Outcome & { advisoryId?: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('advisories as a')
      .innerJoin('cases as c', 'c.id', 'a.case_id')
      .select([
        'a.id',
        'a.case_id',
        'a.kind',
        'a.public_id',
        'a.approved_content_enc',
        'a.approved_content_sha256',
        'a.change_note_ja',
        'a.change_note_en',
        'a.published_revision',
        'a.scheduled_for',
        'a.first_published_at',
        'c.reference',
      ])
      .where('a.state', '=', 'scheduled')
      .where('a.scheduled_for', '<=', now)
      .orderBy('a.scheduled_for')
      .orderBy('a.id')
      .limit(1)
      .forUpdate('a')
      .skipLocked();
    if (skip.length > 0) q = q.where('a.id', 'not in', [...skip]);
    const a = await q.executeTakeFirst();
    if (!a?.scheduled_for) return { kind: 'none' };
    taken.id = a.id;
    const refuse = async (reason: Refusal): Promise<Outcome & { advisoryId: string }> => {
      ctx.log.error({ advisoryId: a.id, reason }, 'advisory not published: left scheduled');
      await reportPublicationFailure(trx, ctx, failedAdvisory(a), reason, now);
      return { kind: 'refused', reason, advisoryId: a.id };
    };

    if (!a.public_id) return await refuse('no_public_id');
    if (!a.approved_content_enc || !a.approved_content_sha256) return await refuse('no_approved_copy');
    let plain: string;
    let content: AdvisoryContent;
    try {
      plain = ctx.secrets.decrypt(a.approved_content_enc, approvedContext(a.id));
      content = JSON.parse(plain) as AdvisoryContent;
    } catch {
      return await refuse('unreadable_approved_copy');
    }
    if (!safeEqual(sha256Hex(plain), a.approved_content_sha256))
      return await refuse('approved_copy_mismatch');

    const revision = a.published_revision + 1;
    const previous = await trx
      .selectFrom('public_advisory_revisions')
      .select(['revision', 'published_at', 'note_ja', 'note_en'])
      .where('advisory_id', '=', a.public_id)
      .where('revision', '<', revision)
      .orderBy('revision')
      .execute();
    const built = buildAdvisoryDocument({
      content,
      publicId: a.public_id,
      kind: a.kind,
      revision,
      moment: a.scheduled_for,
      firstPublishedAt: a.first_published_at,
      previous: previous.map(
        (r): AdvisoryRevision => ({
          revision: r.revision,
          publishedAt: r.published_at.toISOString(),
          note: { ja: r.note_ja, en: r.note_en },
        }),
      ),
      note: { ja: a.change_note_ja, en: a.change_note_en },
      sample:
        (await trx
          .selectFrom('settings')
          .select('key')
          .where('key', '=', sampleCaseKey(a.case_id))
          .executeTakeFirst()) !== undefined,
    });
    if (!built.ok) return await refuse(built.reason);
    const doc = built.doc;

    await writePublicAdvisories(trx, [
      {
        doc,
        origin: 'keikai',
        developerOrganizations: await developerOrganizations(trx, a.case_id, doc.developers),
      },
    ]);
    await (opts.storeCsaf ?? storeCsafDocument)(trx, ctx, doc);
    const moment = new Date(doc.lastUpdatedAt);
    await trx
      .updateTable('advisories')
      .set({
        state: 'published',
        published_revision: revision,
        first_published_at: new Date(doc.firstPublishedAt),
        last_published_at: moment,
        scheduled_for: null,
        change_note_ja: null,
        change_note_en: null,
        updated_at: now,
        updated_by: null,
      })
      .where('id', '=', a.id)
      .execute();
    const data = { advisoryId: a.id, publicId: doc.id, revision, publishedAt: doc.lastUpdatedAt };
    await appendEvent(trx, {
      streamType: 'case',
      streamId: a.case_id,
      type: PUBLICATION_EVENTS.published,
      actorUserId: null,
      at: now,
      data,
    });
    await audit(trx, {
      actor: SYSTEM,
      action: PUBLICATION_EVENTS.published,
      subject: { type: 'case', id: a.case_id },
      detail: data,
    });
    const mails = await notifyPublication(trx, ctx, {
      advisoryId: a.id,
      caseId: a.case_id,
      reference: a.reference,
      doc,
      at: now,
    });
    return { kind: 'published', p: { advisoryId: a.id, publicId: doc.id, revision, mails } };
  });
}

const failedAdvisory = (a: {
  id: string;
  case_id: string;
  reference: string;
  public_id: string | null;
  published_revision: number;
}): FailedAdvisory => ({
  id: a.id,
  caseId: a.case_id,
  reference: a.reference,
  publicId: a.public_id,
  revision: a.published_revision + 1,
});

/** After a rolled-back attempt: tells the coordinators in a transaction of its own (if still scheduled). */
async function reportFailed(ctx: AppContext, advisoryId: string, now: Date): Promise<void> {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const a = await trx
        .selectFrom('advisories as a')
        .innerJoin('cases as c', 'c.id', 'a.case_id')
        .select(['a.id', 'a.case_id', 'a.public_id', 'a.published_revision', 'c.reference'])
        .where('a.id', '=', advisoryId)
        .where('a.state', '=', 'scheduled')
        .forUpdate('a')
        .skipLocked()
        .executeTakeFirst();
      if (a) await reportPublicationFailure(trx, ctx, failedAdvisory(a), 'failed', now);
    });
  } catch (err) {
    ctx.log.error({ err, advisoryId }, 'could not tell the coordinators of a failed publication');
  }
}

/**
 * Publishes every scheduled advisory whose moment is at or before now (ctx.clock), one transaction each. One that
 * is refused or fails is left scheduled and the others go on.
 */
export async function publishDueAdvisories(
  ctx: AppContext,
  opts: PublishOptions = {},
): Promise<PublishResult> {
  const now = ctx.clock.now();
  const result: PublishResult = { published: [], refused: [] };
  const skip: string[] = [];
  const due = await ctx.db
    .selectFrom('advisories')
    .select('id')
    .where('state', '=', 'scheduled')
    .where('scheduled_for', '<=', now)
    .limit(1)
    .executeTakeFirst();
  if (!due) return result;
  // once per process it takes seconds: outside any transaction (a failure here shows again in the step itself)
  await warmCsafStore(ctx.config).catch((err: unknown) =>
    ctx.log.warn({ err }, 'the CSAF store could not be warmed before publishing'),
  );
  for (;;) {
    let out: Outcome & { advisoryId?: string };
    const taken = { id: null as string | null };
    try {
      out = await publishOne(ctx, now, skip, opts, taken);
    } catch (err) {
      // the transaction rolled back: nothing of it was written, the advisory is still scheduled
      ctx.log.error({ err, advisoryId: taken.id }, 'advisory publication failed: left scheduled');
      // a failure before any advisory was taken (the database gone) ends this run; the next one tries again
      if (!taken.id) throw err;
      await reportFailed(ctx, taken.id, now);
      skip.push(taken.id);
      result.refused.push({ advisoryId: taken.id, reason: 'failed' });
      continue;
    }
    if (out.kind === 'none') break;
    if (out.kind === 'published') result.published.push(out.p);
    else if (out.advisoryId) {
      skip.push(out.advisoryId);
      result.refused.push({ advisoryId: out.advisoryId, reason: out.reason });
    }
  }
  return result;
}
