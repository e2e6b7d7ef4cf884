// Fixtures for the publication tests: an advisory row made directly (as the editor would leave it: approved copy
// sealed with `advisories.approved:<id>` and its sha-256, scheduled for a moment), a content to publish, more
// product cases of the world's developer, and the mail a test looks for.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AdvisoryContent } from '../../domain/advisory-document.js';
import { emptyContent } from '../../domain/advisory-document.js';
import { sha256Hex } from '../../platform/crypto.js';
import type { TestApp } from '../../testing/app.js';
import { softwareReport, submit } from '../../testing/reports.js';
import type { World } from '../../testing/world.js';
import { approvedContext } from '../advisories/store.js';
import { addParties } from '../coordination/add-parties.js';
import { notifyParty } from '../coordination/notify-party.js';
import { partiesOf } from '../coordination/queries.js';
import { acceptReport } from '../screening/accept-report.js';
import { NOTIFY_SUBSCRIBERS_JOB } from './job-names.js';
import {
  type FanOutOptions,
  notifySubscribersOfPublication,
  type SubscriberFanOut,
} from './notify-subscribers.js';

/** A publishable content naming the world's developer A (slug alpha-soft). */
export function sampleContent(
  title = 'Alpha CMS におけるクロスサイトスクリプティングの脆弱性',
): AdvisoryContent {
  return {
    ...emptyContent(),
    title: { ja: title, en: 'Cross-site scripting vulnerability in Alpha CMS' },
    overview: { ja: 'Alpha CMS に格納型 XSS の脆弱性があります。', en: 'Alpha CMS has a stored XSS.' },
    description: { ja: 'コメント欄の入力が無害化されません。', en: 'Comments are not sanitised.' },
    impact: { ja: '任意のスクリプトが実行されます。', en: 'Arbitrary script may run.' },
    solution: { ja: '1.5 に更新してください。', en: 'Update to 1.5.' },
    developers: [{ slug: 'alpha-soft', name: { ja: 'Alpha Soft（日本語）', en: 'Alpha Soft' } }],
    products: [
      {
        key: 'p1',
        developerSlug: 'alpha-soft',
        name: { ja: 'アルファCMS', en: 'Alpha CMS' },
        versions: { ja: '1.0 から 1.4 まで', en: '1.0 through 1.4' },
        versionRange: null,
        fixedVersion: '1.5',
        purl: null,
        cpe: null,
      },
    ],
    vulnerabilities: [
      {
        ordinal: 1,
        title: { ja: '格納型XSS', en: 'Stored XSS' },
        description: { ja: 'コメント欄', en: 'The comment form' },
        cweId: 'CWE-79',
        cvss31: null,
        cvss40: null,
        cveId: null,
        exploitedInTheWild: false,
      },
    ],
    vendorStatuses: [
      {
        developerSlug: 'alpha-soft',
        vulnerabilityOrdinal: 1,
        status: 'fixed',
        statement: { ja: '1.5 で修正しました。', en: 'Fixed in 1.5.' },
        url: null,
      },
    ],
    contact: { ja: '調整機関', en: 'The coordination body' },
  };
}

export type AdvisoryRow = { id: string; caseId: string; publicId: string };

/** An approved advisory of the case, scheduled for `scheduledFor` (as the editor leaves it). */
export async function scheduledAdvisory(
  t: TestApp,
  caseId: string,
  opts: {
    publicId: string;
    scheduledFor: string | Date;
    content?: AdvisoryContent;
    kind?: 'jvn' | 'jvnvu';
    note?: { ja: string; en?: string };
  },
): Promise<AdvisoryRow> {
  const id = randomUUID();
  const content = opts.content ?? sampleContent();
  const now = t.clock.now();
  await t.ctx.db
    .insertInto('advisories')
    .values({
      id,
      case_id: caseId,
      kind: opts.kind ?? 'jvn',
      public_id: opts.publicId,
      state: 'scheduled',
      content_enc: t.ctx.secrets.encrypt(JSON.stringify(content), `advisories.content:${id}`),
      ...approvedCopy(t, id, content),
      change_note_ja: opts.note?.ja ?? null,
      change_note_en: opts.note?.en ?? null,
      approved_at: now,
      scheduled_for: new Date(opts.scheduledFor),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, caseId, publicId: opts.publicId };
}

/** The sealed approved copy and its digest, as the approval records them. */
export function approvedCopy(t: TestApp, advisoryId: string, content: AdvisoryContent) {
  const plain = JSON.stringify(content);
  return {
    approved_content_enc: t.ctx.secrets.encrypt(plain, approvedContext(advisoryId)),
    approved_content_sha256: sha256Hex(plain),
  };
}

/** A correction of a published advisory approved and scheduled (what the editor does for revision n + 1). */
export async function scheduleCorrection(
  t: TestApp,
  advisoryId: string,
  content: AdvisoryContent,
  scheduledFor: string | Date,
  note: { ja: string; en: string } | null,
): Promise<void> {
  await t.ctx.db
    .updateTable('advisories')
    .set({
      state: 'scheduled',
      ...approvedCopy(t, advisoryId, content),
      change_note_ja: note?.ja ?? null,
      change_note_en: note?.en ?? null,
      scheduled_for: new Date(scheduledFor),
    })
    .where('id', '=', advisoryId)
    .execute();
}

/** Another product case of the world's finder-style report, accepted, with developer A notified. */
export async function anotherCase(t: TestApp, w: World): Promise<{ caseId: string; reference: string }> {
  const r = await submit(t, softwareReport());
  await acceptReport(t.ctx, w.people.reception.actor, {
    trackingNumber: r.trackingNumber,
    expectedState: 'submitted',
    expectedTrack: 'software',
    message: '受理しました。',
  });
  const c = await t.ctx.db
    .selectFrom('cases')
    .select('id')
    .where('reference', '=', r.trackingNumber)
    .executeTakeFirstOrThrow();
  await addParties(t.ctx, w.people.coordinator.actor, {
    reference: r.trackingNumber,
    organizationId: w.orgs.devA,
  });
  for (const p of await partiesOf(t.ctx.db, c.id)) {
    await notifyParty(t.ctx, w.people.coordinator.actor, { reference: r.trackingNumber, partyId: p.id });
  }
  return { caseId: c.id, reference: r.trackingNumber };
}

export type Mail = {
  to_address: string;
  template: string;
  subject: string;
  body_text: string;
  locale: string;
};

/** The mail of one publication template family (`published` or `updated`), newest last. */
export function publicationMails(t: TestApp, kind: 'published' | 'updated' = 'published'): Promise<Mail[]> {
  return t.ctx.db
    .selectFrom('mail_messages')
    .select(['to_address', 'template', 'subject', 'body_text', 'locale'])
    .where('template', 'like', `publication.mail.${kind}.%`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The subscriber fan-out jobs the publish step enqueued and no test has run yet (pg-boss's own table). */
export async function queuedFanOuts(t: TestApp): Promise<{ id: string; data: SubscriberFanOut }[]> {
  const r = await sql<{ id: string; data: SubscriberFanOut }>`
    select id::text, data from pgboss.job
    where name = ${NOTIFY_SUBSCRIBERS_JOB} and state = 'created' order by created_on`.execute(t.ctx.db);
  return r.rows;
}

/** Runs the queued subscriber fan-out jobs as the worker would (then marks them done). Mails queued. */
export async function runFanOuts(t: TestApp, opts: FanOutOptions = {}): Promise<number> {
  let mailed = 0;
  for (const job of await queuedFanOuts(t)) {
    mailed += (await notifySubscribersOfPublication(t.ctx, job.data, opts)).mailed;
    await sql`update pgboss.job set state = 'completed', completed_on = now() where id = ${job.id}::uuid`.execute(
      t.ctx.db,
    );
  }
  return mailed;
}
