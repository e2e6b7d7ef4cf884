// The publish step on real PostgreSQL: an advisory is published at its agreed moment and not a millisecond
// before, into the public database with its revision, with one event and one set of mail (finder, developers,
// confirmed subscribers, staff); once only — on a re-run and with two workers at once; a correction is revision 2
// and keeps revision 1; a tampered approved copy is refused; a failure half-way leaves nothing written.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import * as openpgp from 'openpgp';
import type { AdvisoryDocument } from '../../domain/advisory-document.js';
import { createDatabase } from '../../platform/db/database.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { FINDER } from '../../testing/reports.js';
import { buildWorld, type World } from '../../testing/world.js';
import { addParties } from '../coordination/add-parties.js';
import { notifyParty } from '../coordination/notify-party.js';
import { partiesOf } from '../coordination/queries.js';
import { removeParty } from '../coordination/remove-party.js';
import { developer } from '../coordination/testing.js';
import { storeCsafDocument } from '../csaf-provider/store-csaf.js';
import { PUBLICATION_EVENTS } from './events.js';
import { PUBLISH_DUE_JOB } from './job-names.js';
import { publishDueJob } from './jobs/publish-due-job.js';
import { publishDueAdvisories } from './publish-due-advisories.js';
import { subscriptionToken, subscriptionTokenHash } from './subscription-token.js';
import {
  anotherCase,
  approvedCopy,
  publicationMails,
  queuedFanOuts,
  runFanOuts,
  sampleContent,
  scheduleCorrection,
  scheduledAdvisory,
} from './testing.js';

const MOMENT = '2027-01-20T01:00:00.000Z'; // 10:00 JST

async function counts(t: TestApp) {
  const n = async (table: 'public_advisories' | 'public_advisory_revisions' | 'mail_messages' | 'events') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const notices = Number(
    (
      await t.ctx.db
        .selectFrom('advisory_publication_notices')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    advisories: await n('public_advisories'),
    revisions: await n('public_advisory_revisions'),
    mails: await n('mail_messages'),
    events: await n('events'),
    notices,
  };
}

async function subscriber(t: TestApp, email: string, locale: 'ja' | 'en', confirmed: boolean) {
  const id = crypto.randomUUID();
  await t.ctx.db
    .insertInto('advisory_subscriptions')
    .values({
      id,
      email,
      locale,
      token_hash: subscriptionTokenHash(subscriptionToken(t.ctx.secrets, id)),
      created_at: t.clock.now(),
      confirmed_at: confirmed ? t.clock.now() : null,
    })
    .execute();
  return id;
}

const publishedEvents = (t: TestApp, caseId: string) =>
  t.ctx.db
    .selectFrom('events')
    .select(['data', 'at'])
    .where('stream_type', '=', 'case')
    .where('stream_id', '=', caseId)
    .where('type', '=', PUBLICATION_EVENTS.published)
    .orderBy('id')
    .execute();

const advisoryRow = (t: TestApp, id: string) =>
  t.ctx.db.selectFrom('advisories').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('publishing due advisories', () => {
  let t: TestApp;
  let w: World;
  let first: { id: string; caseId: string; publicId: string };
  let subscriberId: string;

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    w = await buildWorld(t);
    subscriberId = await subscriber(t, 'reader@subscriber.example', 'en', true);
    await subscriber(t, 'unconfirmed@subscriber.example', 'ja', false);
    first = await scheduledAdvisory(t, w.product.caseId, { publicId: 'JVN#10000001', scheduledFor: MOMENT });
  });
  after(() => t.close());

  it('publishes nothing a millisecond before the agreed moment, and the advisory at it', async () => {
    const before = await counts(t);
    t.clock.set(new Date(Date.parse(MOMENT) - 1));
    const early = await publishDueAdvisories(t.ctx);
    assert.deepEqual(early, { published: [], refused: [] });
    assert.deepEqual(await counts(t), before);
    assert.equal((await advisoryRow(t, first.id)).state, 'scheduled');

    t.clock.set(MOMENT);
    const r = await publishDueAdvisories(t.ctx);
    assert.deepEqual(
      r.published.map((p) => [p.publicId, p.revision]),
      [['JVN#10000001', 1]],
    );
    assert.deepEqual(r.refused, []);
  });

  it('writes no subscriber mail in the publish transaction, only one fan-out job', async () => {
    const written = await t.ctx.db
      .selectFrom('mail_messages')
      .select('id')
      .where('template', 'like', 'publication.mail.%.subscriber')
      .execute();
    assert.deepEqual(written, []);
    assert.deepEqual(
      (await queuedFanOuts(t)).map((j) => j.data),
      [{ advisoryId: first.id, revision: 1 }],
    );
    assert.equal(await runFanOuts(t), 1, 'the one confirmed subscriber');
  });

  it('writes the public advisory, its first revision and its developer, dated at the agreed moment', async () => {
    const pub = await t.ctx.db
      .selectFrom('public_advisories')
      .selectAll()
      .where('id', '=', 'JVN#10000001')
      .executeTakeFirstOrThrow();
    assert.equal(pub.slug, 'JVN10000001');
    assert.equal(pub.revision, 1);
    assert.equal(pub.origin, 'keikai');
    assert.equal(pub.first_published_at.toISOString(), MOMENT);
    assert.equal(pub.sample, false);
    const doc = pub.document as unknown as AdvisoryDocument;
    assert.equal(doc.firstPublishedAt, MOMENT);
    assert.equal(doc.lastUpdatedAt, MOMENT);
    assert.equal(doc.title.ja, sampleContent().title.ja);
    assert.equal(doc.source, null);
    assert.deepEqual(doc.revisions, [
      { revision: 1, publishedAt: MOMENT, note: { ja: '初版公開', en: 'Initial publication' } },
    ]);
    const revisions = await t.ctx.db.selectFrom('public_advisory_revisions').selectAll().execute();
    assert.deepEqual(
      revisions.map((x) => [x.advisory_id, x.revision, x.note_ja]),
      [['JVN#10000001', 1, '初版公開']],
    );
    const dev = await t.ctx.db
      .selectFrom('public_developers')
      .selectAll()
      .where('slug', '=', 'alpha-soft')
      .executeTakeFirstOrThrow();
    assert.equal(dev.organization_id, w.orgs.devA);

    const csaf = await t.ctx.db
      .selectFrom('public_csaf_documents')
      .select(['revision', 'filename'])
      .where('advisory_id', '=', 'JVN#10000001')
      .execute();
    assert.deepEqual(
      csaf,
      [{ revision: 1, filename: 'jvn_10000001.json' }],
      'the CSAF document of the revision',
    );

    const a = await advisoryRow(t, first.id);
    assert.equal(a.state, 'published');
    assert.equal(a.published_revision, 1);
    assert.equal(a.scheduled_for, null);
    assert.equal(a.first_published_at?.toISOString(), MOMENT);
    assert.equal(a.last_published_at?.toISOString(), MOMENT);
  });

  it("appends one 'advisory.published' event on the case with the public ID and revision", async () => {
    const events = await publishedEvents(t, w.product.caseId);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.data, {
      advisoryId: first.id,
      publicId: 'JVN#10000001',
      revision: 1,
      publishedAt: MOMENT,
    });
  });

  it('mails the finder, the developer, confirmed subscribers and the case staff, once each', async () => {
    const mails = await publicationMails(t);
    const url = `${t.ctx.config.publicUrl}/advisories/JVN10000001`;
    const byTemplate = (who: string) =>
      mails.filter((m) => m.template === `publication.mail.published.${who}`);

    const finder = byTemplate('finder');
    assert.deepEqual(
      finder.map((m) => m.to_address),
      [FINDER.email],
    );
    assert.ok(finder[0]!.body_text.includes('JVN#10000001'));
    assert.ok(finder[0]!.body_text.includes(url));
    const restricted = await t.ctx.db
      .selectFrom('mail_messages')
      .select('restricted_to')
      .where('template', '=', 'publication.mail.published.finder')
      .executeTakeFirstOrThrow();
    assert.equal(restricted.restricted_to, 'reception_body', "the finder's address stays the reception's");

    const developers = byTemplate('developer');
    assert.deepEqual(
      developers.map((m) => m.to_address),
      [w.contact.devA],
    );
    assert.ok(developers[0]!.body_text.includes(url));

    const subscribers = byTemplate('subscriber');
    assert.deepEqual(
      subscribers.map((m) => [m.to_address, m.locale]),
      [['reader@subscriber.example', 'en']],
      'confirmed subscribers only, in their language',
    );
    const body = subscribers[0]!.body_text;
    assert.ok(body.includes('Cross-site scripting vulnerability in Alpha CMS'), 'the English title');
    assert.ok(body.includes(url));
    assert.ok(
      body.includes(
        `${t.ctx.config.publicUrl}/unsubscribe/${subscriptionToken(t.ctx.secrets, subscriberId)}`,
      ),
    );

    const staff = byTemplate('staff')
      .map((m) => m.to_address)
      .sort();
    assert.deepEqual(staff, [w.people.coordinator.email, w.people.reception.email].sort());

    const notices = await t.ctx.db
      .selectFrom('advisory_publication_notices')
      .select('audience')
      .where('advisory_id', '=', first.id)
      .orderBy('audience')
      .execute();
    assert.deepEqual(
      notices.map((n) => n.audience),
      ['developers', 'finder', 'staff', 'subscribers'],
    );
  });

  it('publishes nothing more on a second run', async () => {
    const before = await counts(t);
    t.clock.advance(60_000);
    assert.deepEqual(await publishDueAdvisories(t.ctx), { published: [], refused: [] });
    assert.deepEqual(await counts(t), before);
  });

  it("shows the publication among the finder's steps, with the public ID linked", async () => {
    const receipt = await t.ctx.db
      .selectFrom('mail_messages')
      .select('body_text')
      .where('related_id', '=', w.product.reportId)
      .where('body_text', 'like', '%/reports/follow-up/%')
      .executeTakeFirstOrThrow();
    const path = /(\/reports\/follow-up\/[A-Za-z0-9_-]+)/.exec(receipt.body_text)?.[1];
    assert.ok(path);
    const ja = await new Browser(t).get(path);
    assert.equal(ja.statusCode, 200);
    assert.ok(ja.body.includes('脆弱性対策情報を公表しました:'));
    assert.ok(ja.body.includes('<a href="/advisories/JVN10000001">JVN#10000001</a>'));
    const en = await new Browser(t, { acceptLanguage: 'en' }).get(path);
    assert.ok(en.body.includes('The advisory was published:'));
  });

  it('publishes a correction as revision 2, keeping revision 1 and the first publication moment', async () => {
    const corrected = { ...sampleContent('Alpha CMS におけるクロスサイトスクリプティングの脆弱性（更新）') };
    const at = '2027-02-01T01:00:00.000Z';
    await scheduleCorrection(t, first.id, corrected, at, { ja: '対策を追記しました', en: 'Added a fix' });
    // the job runs a while after the moment: the revision is still dated at the moment
    t.clock.set('2027-02-01T01:07:30.000Z');
    const r = await publishDueAdvisories(t.ctx);
    assert.deepEqual(
      r.published.map((p) => [p.publicId, p.revision]),
      [['JVN#10000001', 2]],
    );

    const pub = await t.ctx.db
      .selectFrom('public_advisories')
      .selectAll()
      .where('id', '=', 'JVN#10000001')
      .executeTakeFirstOrThrow();
    assert.equal(pub.revision, 2);
    assert.equal(pub.first_published_at.toISOString(), MOMENT);
    assert.equal(pub.last_updated_at.toISOString(), at);
    assert.equal(pub.title_ja, corrected.title.ja);
    const doc = pub.document as unknown as AdvisoryDocument;
    assert.equal(doc.firstPublishedAt, MOMENT);
    assert.deepEqual(doc.revisions, [
      { revision: 1, publishedAt: MOMENT, note: { ja: '初版公開', en: 'Initial publication' } },
      { revision: 2, publishedAt: at, note: { ja: '対策を追記しました', en: 'Added a fix' } },
    ]);
    // the current revision's document is kept once, in public_advisories (migration 0016)
    const revisions = await t.ctx.db
      .selectFrom('public_advisory_revisions as r')
      .innerJoin('public_advisories as a', 'a.id', 'r.advisory_id')
      .select(['r.revision', sql<unknown>`coalesce(r.document, a.document)`.as('document')])
      .where('r.advisory_id', '=', 'JVN#10000001')
      .orderBy('r.revision')
      .execute();
    assert.deepEqual(
      revisions.map((x) => [x.revision, (x.document as unknown as AdvisoryDocument).title.ja]),
      [
        [1, sampleContent().title.ja],
        [2, corrected.title.ja],
      ],
    );
    const csaf = await t.ctx.db
      .selectFrom('public_csaf_documents')
      .select('revision')
      .where('advisory_id', '=', 'JVN#10000001')
      .orderBy('revision')
      .execute();
    assert.deepEqual(
      csaf.map((x) => x.revision),
      [1, 2],
    );
    const a = await advisoryRow(t, first.id);
    assert.equal(a.published_revision, 2);
    assert.equal(a.first_published_at?.toISOString(), MOMENT);
    assert.equal(a.last_published_at?.toISOString(), at);
    assert.equal(a.change_note_ja, null);

    assert.equal(await runFanOuts(t), 1);
    const updated = await publicationMails(t, 'updated');
    assert.deepEqual([...new Set(updated.map((m) => m.template))].sort(), [
      'publication.mail.updated.developer',
      'publication.mail.updated.finder',
      'publication.mail.updated.staff',
      'publication.mail.updated.subscriber',
    ]);
    const finder = updated.find((m) => m.template === 'publication.mail.updated.finder')!;
    assert.match(finder.subject, /更新しました/);
    const events = await publishedEvents(t, w.product.caseId);
    assert.deepEqual(
      events.map((e) => (e.data as { revision: number }).revision),
      [1, 2],
    );
  });

  it('refuses a correction without a change note and leaves it scheduled', async () => {
    await scheduleCorrection(t, first.id, sampleContent('三度目'), '2027-02-02T01:00:00.000Z', null);
    const before = await counts(t);
    t.clock.set('2027-02-02T01:00:00.000Z');
    const r = await publishDueAdvisories(t.ctx);
    assert.deepEqual(r, { published: [], refused: [{ advisoryId: first.id, reason: 'no_change_note' }] });
    // nothing published; the coordinator is told, once: an event on the case and a mail
    assert.deepEqual(await counts(t), { ...before, events: before.events + 1, mails: before.mails + 1 });
    assert.equal((await advisoryRow(t, first.id)).state, 'scheduled');
    const failures = await t.ctx.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', w.product.caseId)
      .where('type', '=', PUBLICATION_EVENTS.failed)
      .execute();
    assert.deepEqual(
      failures.map((f) => f.data),
      [{ advisoryId: first.id, publicId: 'JVN#10000001', revision: 3, reason: 'no_change_note' }],
    );
    const told = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['to_address', 'subject', 'body_text'])
      .where('template', '=', 'publication.mail.failed.staff')
      .execute();
    assert.deepEqual(
      told.map((m) => m.to_address),
      [w.people.coordinator.email],
    );
    assert.match(told[0]!.subject, /JVN#10000001 を公表できませんでした/);
    assert.ok(told[0]!.body_text.includes('変更内容（改訂履歴の説明）がありません'));
    assert.ok(
      told[0]!.body_text.includes(`/coordination/cases/${encodeURIComponent(w.product.reference)}/advisory`),
    );
    t.clock.advance(60_000);
    await publishDueAdvisories(t.ctx);
    assert.deepEqual(
      await counts(t),
      { ...before, events: before.events + 1, mails: before.mails + 1 },
      'the next runs tell nobody again',
    );
    // put back as published for the tests below
    await t.ctx.db
      .updateTable('advisories')
      .set({ state: 'published', scheduled_for: null })
      .where('id', '=', first.id)
      .execute();
  });

  it('refuses an approved copy that does not match its recorded digest, or does not open, and writes nothing', async () => {
    const c = await anotherCase(t, w);
    const a = await scheduledAdvisory(t, c.caseId, {
      publicId: 'JVN#10000002',
      scheduledFor: '2027-02-03T00:00:00Z',
    });
    // the sealed copy replaced by another text while the digest of the approved one stays
    const other = approvedCopy(t, a.id, sampleContent('差し替えられた本文'));
    await t.ctx.db
      .updateTable('advisories')
      .set({ approved_content_enc: other.approved_content_enc })
      .where('id', '=', a.id)
      .execute();
    const before = await counts(t);
    // nothing of it is published (the coordinator is told: one event, one mail per reason)
    const told = (n: number) => ({ ...before, events: before.events + n, mails: before.mails + n });
    t.clock.set('2027-02-03T00:00:00Z');
    const r = await publishDueAdvisories(t.ctx);
    assert.deepEqual(r, { published: [], refused: [{ advisoryId: a.id, reason: 'approved_copy_mismatch' }] });
    assert.deepEqual(await counts(t), told(1));
    assert.equal((await advisoryRow(t, a.id)).state, 'scheduled');

    // a copy sealed for another advisory (a copied ciphertext) does not open here
    const moved = approvedCopy(t, first.id, sampleContent());
    await t.ctx.db.updateTable('advisories').set(moved).where('id', '=', a.id).execute();
    const r2 = await publishDueAdvisories(t.ctx);
    assert.deepEqual(r2.refused, [{ advisoryId: a.id, reason: 'unreadable_approved_copy' }]);
    assert.deepEqual(await counts(t), told(2));

    // made right again, it is published at the next run
    await t.ctx.db
      .updateTable('advisories')
      .set(approvedCopy(t, a.id, sampleContent()))
      .where('id', '=', a.id)
      .execute();
    const r3 = await publishDueAdvisories(t.ctx);
    assert.deepEqual(
      r3.published.map((p) => p.publicId),
      ['JVN#10000002'],
    );
  });

  it('leaves nothing written when the step fails half-way, and goes on with the other advisories', async () => {
    const c1 = await anotherCase(t, w);
    const c2 = await anotherCase(t, w);
    const failing = await scheduledAdvisory(t, c1.caseId, {
      publicId: 'JVN#10000003',
      scheduledFor: '2027-02-04T00:00:00Z',
    });
    const fine = await scheduledAdvisory(t, c2.caseId, {
      publicId: 'JVN#10000004',
      scheduledFor: '2027-02-04T00:00:00Z',
      kind: 'jvnvu',
    });
    const before = await counts(t);
    t.clock.set('2027-02-04T00:00:01Z');
    const r = await publishDueAdvisories(t.ctx, {
      storeCsaf: async (trx, ctx, doc) => {
        await storeCsafDocument(trx, ctx, doc);
        if (doc.id === 'JVN#10000003') throw new Error('the CSAF store failed');
      },
    });
    assert.deepEqual(
      r.published.map((p) => p.publicId),
      ['JVN#10000004'],
    );
    assert.deepEqual(r.refused, [{ advisoryId: failing.id, reason: 'failed' }]);
    const after = await counts(t);
    assert.equal(after.advisories, before.advisories + 1);
    assert.equal(after.revisions, before.revisions + 1);
    const half = await t.ctx.db
      .selectFrom('public_advisories')
      .select('id')
      .where('id', '=', 'JVN#10000003')
      .executeTakeFirst();
    assert.equal(half, undefined, 'the failed advisory is not public');
    const csaf = await t.ctx.db
      .selectFrom('public_csaf_documents')
      .select('revision')
      .where('advisory_id', '=', 'JVN#10000003')
      .execute();
    assert.deepEqual(csaf, [], 'the CSAF document stored before the failure is rolled back with the rest');
    assert.equal((await publishedEvents(t, c1.caseId)).length, 0);
    const notices = await t.ctx.db
      .selectFrom('advisory_publication_notices')
      .select('audience')
      .where('advisory_id', '=', failing.id)
      .execute();
    assert.deepEqual(notices, []);
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['template', 'to_address'])
      .where('related_id', '=', c1.caseId)
      .where('template', 'like', 'publication.%')
      .execute();
    assert.deepEqual(
      mails,
      [{ template: 'publication.mail.failed.staff', to_address: w.people.coordinator.email }],
      'only the coordinator is told, that it failed',
    );
    const failed = await t.ctx.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', c1.caseId)
      .where('type', '=', PUBLICATION_EVENTS.failed)
      .execute();
    assert.deepEqual(
      failed.map((f) => (f.data as { reason: string }).reason),
      ['failed'],
    );
    const row = await advisoryRow(t, failing.id);
    assert.equal(row.state, 'scheduled');
    assert.equal(row.published_revision, 0);
    assert.equal((await advisoryRow(t, fine.id)).state, 'published');

    // the cause gone, the next run publishes it
    const again = await publishDueAdvisories(t.ctx);
    assert.deepEqual(
      again.published.map((p) => p.publicId),
      ['JVN#10000003'],
    );
  });

  it('publishes once when two workers on separate connections run at the same moment', async () => {
    const c = await anotherCase(t, w);
    const a = await scheduledAdvisory(t, c.caseId, {
      publicId: 'JVNVU#10000005',
      scheduledFor: '2027-02-05T00:00:00Z',
      kind: 'jvnvu',
    });
    t.clock.set('2027-02-05T00:00:00Z');
    await runFanOuts(t); // the earlier tests' subscriber mail, out of the way of the count below
    const mailsBefore = (await counts(t)).mails;
    // a second worker: its own pool, as another process would have
    const second = createDatabase(t.database.url, { max: 2 });
    try {
      // each holds its transaction open a while, so the two runs overlap
      const slow = async (...args: Parameters<typeof storeCsafDocument>) => {
        await storeCsafDocument(...args);
        await new Promise((r) => setTimeout(r, 300));
      };
      const [r1, r2] = await Promise.all([
        publishDueAdvisories(t.ctx, { storeCsaf: slow }),
        publishDueAdvisories({ ...t.ctx, db: second.db }, { storeCsaf: slow }),
      ]);
      assert.equal(r1.published.length + r2.published.length, 1);
      assert.deepEqual([...r1.refused, ...r2.refused], []);
    } finally {
      await second.db.destroy();
    }
    const revisions = await t.ctx.db
      .selectFrom('public_advisory_revisions')
      .select('revision')
      .where('advisory_id', '=', 'JVNVU#10000005')
      .execute();
    assert.deepEqual(revisions, [{ revision: 1 }]);
    assert.equal((await publishedEvents(t, c.caseId)).length, 1);
    assert.deepEqual(
      (await queuedFanOuts(t)).map((j) => j.data),
      [{ advisoryId: a.id, revision: 1 }],
      'one fan-out job',
    );
    await runFanOuts(t);
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['template', 'to_address'])
      .where('template', 'like', 'publication.mail.published.%')
      .where('body_text', 'like', '%JVNVU#10000005%')
      .execute();
    // finder, developer A, the subscriber, coordinator and reception: one each
    const keys = mails.map((m) => `${m.template} ${m.to_address}`);
    assert.equal(new Set(keys).size, keys.length, 'no mail twice');
    assert.equal(mails.length, 5);
    assert.equal((await counts(t)).mails, mailsBefore + 5);
    assert.equal((await advisoryRow(t, a.id)).state, 'published');
  });

  it('publishes an advisory scheduled in the past at its first run (the demo)', async () => {
    const c = await anotherCase(t, w);
    await scheduledAdvisory(t, c.caseId, { publicId: 'JVN#10000006', scheduledFor: '2026-06-01T00:00:00Z' });
    const r = await publishDueAdvisories(t.ctx);
    assert.deepEqual(
      r.published.map((p) => p.publicId),
      ['JVN#10000006'],
    );
    const pub = await t.ctx.db
      .selectFrom('public_advisories')
      .select('first_published_at')
      .where('id', '=', 'JVN#10000006')
      .executeTakeFirstOrThrow();
    assert.equal(pub.first_published_at.toISOString(), '2026-06-01T00:00:00.000Z');
  });

  it('mails each live developer in its language, encrypted to its key, and no removed one', async () => {
    const { publicKey } = await openpgp.generateKey({
      userIDs: [{ email: 'psirt@keyed.example' }],
      type: 'ecc',
      curve: 'ed25519Legacy',
      format: 'armored',
    });
    const keyed = await developer(t, 'Keyed Soft', { pgpPublicKey: publicKey });
    const english = await developer(t, 'English Works', { locale: 'en' });
    const removed = await developer(t, 'Removed Labs');
    const c = await anotherCase(t, w);
    const coordinator = w.people.coordinator.actor;
    for (const d of [keyed, english, removed]) {
      await addParties(t.ctx, coordinator, { reference: c.reference, organizationId: d.organizationId });
    }
    for (const p of await partiesOf(t.ctx.db, c.caseId)) {
      if (!p.notifiedAt) await notifyParty(t.ctx, coordinator, { reference: c.reference, partyId: p.id });
    }
    const gone = (await partiesOf(t.ctx.db, c.caseId)).find(
      (p) => p.organizationId === removed.organizationId,
    )!;
    await removeParty(t.ctx, coordinator, {
      reference: c.reference,
      partyId: gone.id,
      reason: '対象外でした',
    });
    const content = sampleContent();
    content.developers.push(
      // the slug the editor gives the party, and one edited by hand (matched to the party by its name)
      { slug: 'keyed-soft', name: { ja: 'Keyed Soft（日本語）', en: 'Keyed Soft' } },
      { slug: 'english-works-co', name: { ja: 'English Works（日本語）', en: 'English Works' } },
    );
    await scheduledAdvisory(t, c.caseId, {
      content,
      publicId: 'JVNVU#10000007',
      scheduledFor: '2027-02-06T00:00:00Z',
      kind: 'jvnvu',
    });
    t.clock.set('2027-02-06T00:00:00Z');
    assert.equal((await publishDueAdvisories(t.ctx)).published.length, 1);

    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['to_address', 'locale', 'subject', 'body_text'])
      .where('template', '=', 'publication.mail.published.developer')
      .where('related_id', '=', c.caseId)
      .orderBy('to_address')
      .execute();
    const to = Object.fromEntries(mails.map((m) => [m.to_address, m]));
    assert.deepEqual(Object.keys(to).sort(), [english.email, keyed.email, w.contact.devA].sort());
    assert.ok(to[keyed.email]!.body_text.startsWith('-----BEGIN PGP MESSAGE-----'));
    assert.equal(to[english.email]!.locale, 'en');
    assert.match(to[english.email]!.subject, /Advisory JVNVU#10000007 has been published/);
    assert.ok(to[english.email]!.body_text.includes('Dear English Works'));
    assert.ok(!to[removed.email], 'a removed party is not told');
    const developers = await t.ctx.db
      .selectFrom('public_developers')
      .select(['slug', 'organization_id'])
      .where('slug', 'in', ['keyed-soft', 'english-works-co'])
      .orderBy('slug')
      .execute();
    assert.deepEqual(developers, [
      { slug: 'english-works-co', organization_id: english.organizationId },
      { slug: 'keyed-soft', organization_id: keyed.organizationId },
    ]);
  });

  it('runs as the publish-due job every minute, whatever its payload', async () => {
    const job = publishDueJob({ ...t.ctx, config: { ...t.ctx.config, env: 'production' } });
    assert.equal(job.name, PUBLISH_DUE_JOB);
    assert.equal(job.cron, '* * * * *');
    assert.equal(
      publishDueJob(t.ctx).cron,
      undefined,
      'tests run the step themselves, at the moments they check',
    );
    const c = await anotherCase(t, w);
    await scheduledAdvisory(t, c.caseId, { publicId: 'JVN#10000008', scheduledFor: '2027-02-07T00:00:00Z' });
    t.clock.set('2027-02-07T00:00:00Z');
    await publishDueJob(t.ctx).run({ anything: 'ignored' }, { attempt: 1, finalAttempt: false });
    const pub = await t.ctx.db
      .selectFrom('public_advisories')
      .select('revision')
      .where('id', '=', 'JVN#10000008')
      .executeTakeFirst();
    assert.deepEqual(pub, { revision: 1 });
  });
});
