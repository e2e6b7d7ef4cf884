// The projection on real PostgreSQL, from events the features' own use cases write (buildWorld: a product case
// with its developers notified, a website case with both notices sent): the website case closed as fixed, the
// product case's advisory published, a report not accepted at 23:59 JST on the last day of a quarter, one at
// 00:00 JST the next day, a duplicate, a reclassification, a classification — and the engine reports exactly
// that, as of any day; a rebuild from zero gives the same facts as the incremental runs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendEvent } from '../../platform/events.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { softwareReport, submit, websiteReport } from '../../testing/reports.js';
import { buildWorld, type World } from '../../testing/world.js';
import { publishDueAdvisories } from '../publication/publish-due-advisories.js';
import { scheduledAdvisory } from '../publication/testing.js';
import { declineReport } from '../screening/decline-report.js';
import { markDuplicate } from '../screening/mark-duplicate.js';
import { reclassifyReport } from '../screening/reclassify-report.js';
import { closeWebsiteCase } from '../website/close-website-case.js';
import { computeReport } from './compute-report.js';
import { projectStatisticsFacts, rebuildStatisticsFacts } from './facts.js';

const facts = (t: TestApp) =>
  t.ctx.db
    .selectFrom('statistics_facts')
    .selectAll()
    .select((eb) =>
      [
        'received_on',
        'accepted_on',
        'not_accepted_on',
        'start_on',
        'notified_on',
        'published_on',
        'outcome_on',
        'reclassified_on',
        'duplicate_on',
      ].map((c) => eb.cast<string>(eb.ref(c as 'received_on'), 'text').as(c as 'received_on')),
    )
    .orderBy('key')
    .execute()
    .then((rows) => rows.map(({ updated_at: _u, ...r }) => r));

const factOf = async (t: TestApp, key: string) => (await facts(t)).find((f) => f.key === key);

describe('the statistics projection from the case history', () => {
  let t: TestApp;
  let w: World;
  const reports: Record<string, { reportId: string; trackingNumber: string }> = {};

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    w = await buildWorld(t);
    const reception = w.people.reception.actor;

    // the website case is fixed (page deleted) nine days after the details notice
    t.clock.set('2026-12-10T01:00:00Z');
    await closeWebsiteCase(t.ctx, reception, {
      reference: w.website.reference,
      close: { outcome: 'fixed', fixAction: 'page_deleted', reason: '削除を確認', notifyFinder: false },
    });
    // the product case's advisory is published at its agreed moment
    await scheduledAdvisory(t, w.product.caseId, {
      publicId: 'JVN#10000001',
      scheduledFor: '2026-12-20T01:00:00Z',
    });
    t.clock.set('2026-12-20T01:00:00Z');
    await publishDueAdvisories(t.ctx);
    // another helper's classification use case writes this event; its data is the contract
    await appendEvent(t.ctx.db, {
      streamType: 'case',
      streamId: w.product.caseId,
      type: 'case.classified',
      actorUserId: null,
      data: {
        productType: 'web_application',
        cause: 'web_application_vulnerability',
        oss: true,
        threat: 'bogus',
      },
    });

    // 23:59 JST on the last day of 2026Q4: received and not accepted that day
    t.clock.set('2026-12-31T14:59:00Z');
    reports.declined = await submit(t, websiteReport());
    await declineReport(t.ctx, reception, {
      trackingNumber: reports.declined.trackingNumber,
      expectedState: 'submitted',
      expectedTrack: 'website',
      message: '不受理とします。',
      reason: '対象外',
    });
    // 00:00 JST the next day: 2027Q1
    t.clock.set('2026-12-31T15:00:00Z');
    reports.newYear = await submit(t, softwareReport());
    reports.duplicate = await submit(t, softwareReport());
    reports.moved = await submit(t, softwareReport());
  });
  after(() => t.close());

  it('derives a fact per report from the events, with each milestone on its JST day', async () => {
    const r = await projectStatisticsFacts(t.ctx.db);
    assert.ok(r.events > 0);
    const product = await factOf(t, `report:${w.product.reportId}`);
    assert.equal(product?.source, 'live');
    assert.equal(product?.track, 'software');
    assert.equal(product?.origin, 'domestic');
    assert.equal(product?.received_on, '2026-12-01');
    assert.equal(product?.accepted_on, '2026-12-01');
    assert.equal(product?.start_on, '2026-12-01');
    assert.equal(product?.published_on, '2026-12-20');
    assert.equal(product?.outcome, 'published');
    assert.equal(product?.outcome_on, '2026-12-20');
    assert.equal(product?.product_type, 'web_application');
    assert.equal(product?.cause, 'web_application_vulnerability');
    assert.equal(product?.threat, null, 'an unknown code stays unclassified');
    assert.equal(product?.oss, true);

    const site = await factOf(t, `report:${w.website.reportId}`);
    assert.equal(site?.track, 'website');
    assert.equal(site?.notified_on, '2026-12-01');
    assert.equal(site?.outcome, 'fixed');
    assert.equal(site?.fix_action, 'page_deleted');
    assert.equal(site?.outcome_on, '2026-12-10');

    const declined = await factOf(t, `report:${reports.declined!.reportId}`);
    assert.equal(declined?.received_on, '2026-12-31');
    assert.equal(declined?.not_accepted_on, '2026-12-31');
    assert.equal(declined?.accepted_on, null);
    assert.equal((await factOf(t, `report:${reports.newYear!.reportId}`))?.received_on, '2027-01-01');
  });

  it('counts a duplicate until the day it was marked so, and a reclassified report once, in the track it had on the day', async () => {
    const reception = w.people.reception.actor;
    t.clock.set('2027-01-05T01:00:00Z');
    await markDuplicate(t.ctx, reception, {
      trackingNumber: reports.duplicate!.trackingNumber,
      expectedState: 'submitted',
      expectedTrack: 'software',
      message: '既に届出があります。',
      duplicateOf: reports.newYear!.trackingNumber,
    });
    await reclassifyReport(t.ctx, reception, {
      trackingNumber: reports.moved!.trackingNumber,
      expectedState: 'submitted',
      expectedTrack: 'software',
      message: 'ウェブサイトの届出として扱います。',
    });
    await projectStatisticsFacts(t.ctx.db);
    assert.equal((await factOf(t, `report:${reports.duplicate!.reportId}`))?.duplicate_on, '2027-01-05');
    const moved = await factOf(t, `report:${reports.moved!.reportId}`);
    assert.equal(moved?.track, 'website');
    assert.equal(moved?.track_before, 'software');
    assert.equal(moved?.reclassified_on, '2027-01-05');

    const before = await computeReport(t.ctx, '2027-01-04');
    // the duplicate was received and in progress until it was marked: a past day keeps it
    assert.deepEqual(before.totals, { software: 4, website: 2, total: 6 });
    assert.equal(
      before.softwareStatus.inProgress - (await computeReport(t.ctx, '2027-01-05')).softwareStatus.inProgress,
      2,
    );
    const on = await computeReport(t.ctx, '2027-01-05');
    assert.deepEqual(on.totals, { software: 2, website: 3, total: 5 });
    assert.deepEqual(on.cumulativeByQuarter.at(-1)?.inQuarter, { software: 1, website: 1 });
  });

  it('reports what the use cases did, as of any day', async () => {
    const q4 = await computeReport(t.ctx, '2026-12-31');
    assert.deepEqual(q4.totals, { software: 1, website: 2, total: 3 });
    assert.equal(q4.cumulativeByQuarter.at(-1)?.quarter, '2026Q4');
    assert.deepEqual(q4.cumulativeByQuarter.at(-1)?.inQuarter, { software: 1, website: 2 });
    assert.deepEqual(q4.softwareStatus, {
      published: 1,
      handledIndividually: 0,
      notVulnerable: 0,
      inProgress: 0,
      notAccepted: 0,
      total: 1,
    });
    assert.equal(q4.websiteStatus.fixed, 1);
    assert.equal(q4.websiteStatus.fixedByPageDeletion, 1);
    assert.equal(q4.websiteStatus.notAccepted, 1);
    assert.equal(q4.websiteStatus.total, 2);
    assert.deepEqual(
      [q4.daysToPublication.base, q4.daysToPublication.within45, q4.daysToPublication.within45Pct],
      [1, 1, 100],
    );
    assert.deepEqual([q4.daysToFix.base, q4.daysToFix.within30, q4.daysToFix.within90], [1, 1, 1]);
    assert.equal(q4.publications.domestic, 1);
    assert.equal(q4.softwareByProductType.cumulative[0]?.category, 'web_application');
    assert.equal(q4.softwareByProductType.cumulative[0]?.pct, 100);
    // the declined report is out of the type base
    assert.equal(q4.websiteByVulnerabilityType.base, 1);

    // before the fix and the publication, both were in progress
    const mid = await computeReport(t.ctx, '2026-12-05');
    assert.equal(mid.softwareStatus.inProgress, 1);
    assert.equal(mid.websiteStatus.inProgress, 1);
    assert.equal(mid.publications.total, 0);
    assert.equal(mid.daysToFix.base, 0);
  });

  it('does nothing new on a second run, and a rebuild from zero gives the same facts', async () => {
    const again = await projectStatisticsFacts(t.ctx.db);
    assert.equal(again.events, 0);
    assert.equal(again.facts, 0);
    const incremental = await facts(t);
    const rebuilt = await rebuildStatisticsFacts(t.ctx.db);
    assert.equal(rebuilt.facts, incremental.length, 'the duplicate is derived and left out');
    assert.deepEqual(await facts(t), incremental);
    assert.equal(rebuilt.cursor, again.cursor);
  });

  it('leaves imported facts alone when it rebuilds', async () => {
    await t.ctx.db
      .insertInto('statistics_facts')
      .values({
        key: 'import:JVN-2012-1',
        source: 'import',
        track: 'software',
        origin: 'domestic',
        received_on: '2012-07-02',
      })
      .execute();
    await rebuildStatisticsFacts(t.ctx.db);
    assert.ok(await factOf(t, 'import:JVN-2012-1'));
    const r = await computeReport(t.ctx, '2027-01-05');
    assert.equal(r.totals.software, 3);
  });
});
