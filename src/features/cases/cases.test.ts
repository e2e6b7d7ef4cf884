// The handover: accepting opens exactly one case in the right queue; reclassification before acceptance moves
// the report, after acceptance moves its case (old one closed and superseded, both linked, history kept); the
// coordination body sees product cases only; discontinuing an accepted report closes its case.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { softwareReport, submit, websiteReport } from '../../testing/reports.js';

import { as, type Cast, caseUrl, makeCast, postDecision, reportUrl } from '../screening/testing.js';

const refsIn = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/cases\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

describe('cases handed over from screening', () => {
  let t: TestApp;
  let cast: Cast;

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T00:00:00Z' });
    cast = await makeCast(t);
  });
  after(() => t.close());

  const casesOf = (reportId: string) =>
    t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .execute();

  it('puts an accepted software report in the product queue and a website report in the website queue', async () => {
    const sw = await submit(t, softwareReport());
    const web = await submit(t, websiteReport());
    const lead = await as(t, cast.receptionLead);
    assert.equal((await postDecision(lead, sw.trackingNumber, 'accept')).statusCode, 303);
    assert.equal((await postDecision(lead, web.trackingNumber, 'accept')).statusCode, 303);
    assert.deepEqual(
      (await casesOf(sw.reportId)).map((c) => [c.track, c.state, c.reference]),
      [['software', 'open', sw.trackingNumber]],
    );
    assert.deepEqual(
      (await casesOf(web.reportId)).map((c) => c.track),
      ['website'],
    );

    const coordinator = await as(t, cast.coordinationHandler);
    const product = await coordinator.get('/coordination/cases');
    assert.equal(product.statusCode, 200);
    assert.deepEqual(refsIn(product.body), [sw.trackingNumber]);
    assert.match(textOf(product.body), /Example CMS \(Example Inc\.\)/);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'case.list_read')
      .executeTakeFirst();
    assert.equal(audit?.actor_user_id, cast.coordinationHandler.userId);

    const website = await lead.get('/website/cases');
    assert.deepEqual(refsIn(website.body), [web.trackingNumber]);
    // the reception body follows product cases too
    assert.deepEqual(refsIn((await lead.get('/coordination/cases')).body), [sw.trackingNumber]);
  });

  it('keeps website cases from the coordination body: 403 on the queue, 404 on the case and its files', async () => {
    const web = await submit(t, websiteReport(), [{ filename: 'poc.txt', data: Buffer.from('GET /x') }]);
    const lead = await as(t, cast.receptionLead);
    await postDecision(lead, web.trackingNumber, 'accept');
    const coordinator = await as(t, cast.coordinationAdmin);
    assert.equal((await coordinator.get('/website/cases')).statusCode, 403);
    assert.equal((await coordinator.get(caseUrl(web.trackingNumber))).statusCode, 404);
    const [att] = await t.ctx.db
      .selectFrom('report_attachments')
      .select('id')
      .where('report_id', '=', web.reportId)
      .execute();
    assert.equal(
      (await coordinator.get(`${caseUrl(web.trackingNumber)}/attachments/${att?.id}`)).statusCode,
      404,
    );
    assert.equal((await coordinator.get(caseUrl('IPA#99999999'))).statusCode, 404);
    assert.equal((await lead.get(caseUrl(web.trackingNumber))).statusCode, 200);
  });

  it('reclassifies before acceptance: the report changes track with its history, and its case opens in the new queue', async () => {
    const r = await submit(t, websiteReport({ siteName: 'Router admin page' }));
    const lead = await as(t, cast.receptionLead);
    const page = await lead.get(reportUrl(r.trackingNumber));
    assert.match(textOf(page.body), /「ソフトウェア製品」に変更する/);
    assert.equal((await postDecision(lead, r.trackingNumber, 'reclassify')).statusCode, 303);
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(row.track, 'software');
    assert.equal(row.reclassified_from, 'website');
    assert.equal(row.state, 'submitted');
    assert.equal((await casesOf(r.reportId)).length, 0);
    const event = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', r.reportId)
      .where('type', '=', 'report.reclassified')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { ...(event.data as Record<string, unknown>), messageId: undefined },
      {
        from: 'submitted',
        to: 'submitted',
        fromTrack: 'website',
        toTrack: 'software',
        messageId: undefined,
        mailed: true,
      },
    );
    await postDecision(lead, r.trackingNumber, 'accept');
    assert.deepEqual(
      (await casesOf(r.reportId)).map((c) => c.track),
      ['software'],
    );
    const coordinator = await as(t, cast.coordinationHandler);
    const casePage = await coordinator.get(caseUrl(r.trackingNumber));
    assert.equal(casePage.statusCode, 200);
    assert.match(textOf(casePage.body), /区分の変更（元の区分: ウェブサイト）/);
  });

  it('reclassifies after acceptance: the old case is closed and superseded, a new one opens in the other queue, linked', async () => {
    const r = await submit(t, softwareReport({ productName: 'Webmail Suite' }));
    const lead = await as(t, cast.receptionLead);
    await postDecision(lead, r.trackingNumber, 'accept');
    assert.equal((await postDecision(lead, r.trackingNumber, 'reclassify')).statusCode, 303);
    const [old, moved] = await casesOf(r.reportId);
    assert.ok(old && moved);
    assert.equal(old.track, 'software');
    assert.equal(old.state, 'closed');
    assert.equal(old.superseded_by_case_id, moved.id);
    assert.equal(moved.track, 'website');
    assert.equal(moved.state, 'open');
    assert.equal(moved.reference, `${r.trackingNumber}-2`);
    const report = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(report.state, 'accepted');
    assert.equal(report.track, 'website');

    const oldPage = await lead.get(caseUrl(old.reference));
    assert.match(textOf(oldPage.body), new RegExp(`この案件は ${moved.reference} に移管されました`));
    assert.ok(oldPage.body.includes(`href="${caseUrl(moved.reference)}"`));
    const newPage = await lead.get(caseUrl(moved.reference));
    assert.match(textOf(newPage.body), new RegExp(`この案件は ${r.trackingNumber} から移管されました`));
    assert.deepEqual(refsIn((await lead.get('/website/cases')).body).includes(moved.reference), true);

    // the coordination body keeps its closed case (and its history) but cannot follow it into the website queue
    const coordinator = await as(t, cast.coordinationHandler);
    const theirs = await coordinator.get(caseUrl(old.reference));
    assert.equal(theirs.statusCode, 200);
    assert.match(textOf(theirs.body), /移管先はあなたの担当外です/);
    assert.ok(!theirs.body.includes(`href="${caseUrl(moved.reference)}"`));
    assert.equal((await coordinator.get(caseUrl(moved.reference))).statusCode, 404);
    assert.deepEqual(
      refsIn((await coordinator.get('/coordination/cases?state=closed')).body).includes(old.reference),
      true,
    );

    // and back again: a third case, the second superseded
    await postDecision(lead, r.trackingNumber, 'reclassify');
    const all = await casesOf(r.reportId);
    assert.deepEqual(
      all.map((c) => [c.track, c.state]),
      [
        ['software', 'closed'],
        ['website', 'closed'],
        ['software', 'open'],
      ],
    );
    assert.equal(all[2]?.reference, `${r.trackingNumber}-3`);
  });

  it('closes the case when an accepted report is discontinued', async () => {
    const r = await submit(t, softwareReport());
    const lead = await as(t, cast.receptionLead);
    await postDecision(lead, r.trackingNumber, 'accept');
    assert.equal(
      (await postDecision(lead, r.trackingNumber, 'discontinue', { discontinueReason: 'already_known' }))
        .statusCode,
      303,
    );
    const [c] = await casesOf(r.reportId);
    assert.equal(c?.state, 'closed');
    const page = await lead.get(caseUrl(r.trackingNumber));
    assert.match(textOf(page.body), /案件を終了しました: 受付機関が届出の取扱いを取りやめました/);
  });

  it('is closed to developers, finders and visitors', async () => {
    const r = await submit(t, softwareReport());
    const lead = await as(t, cast.receptionLead);
    await postDecision(lead, r.trackingNumber, 'accept');
    for (const p of [cast.developer, cast.finder]) {
      const b = await as(t, p);
      assert.equal((await b.get('/coordination/cases')).statusCode, 403, p.email);
      assert.equal((await b.get('/website/cases')).statusCode, 403, p.email);
      assert.equal((await b.get(caseUrl(r.trackingNumber))).statusCode, 404, p.email);
    }
    const anonymous = await t.app.inject({ url: caseUrl(r.trackingNumber) });
    assert.equal(anonymous.statusCode, 303);
  });
});
