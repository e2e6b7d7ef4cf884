// Decisions on a report: each moves the state through the state machine, writes its event and tells the finder
// in the finder's language (message in the thread, mail to their address, readable by the reception body only).
// Stale forms, bad input and failures half-way write nothing at all.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { FINDER, softwareReport, submit, websiteReport } from '../../testing/reports.js';

import {
  as,
  type Cast,
  eventOf,
  footprint,
  latestMail,
  latestMessage,
  makeCast,
  postDecision,
  reportRow,
  reportUrl,
  templateIn,
} from './testing.js';

describe('decisions on a report', () => {
  let t: TestApp;
  let cast: Cast;

  before(async () => {
    t = await startTestApp({ now: '2026-11-04T01:00:00Z' });
    cast = await makeCast(t);
  });
  after(() => t.close());

  it('accepts: state, decided_at, event, a case in the product queue, the template message in Japanese and a restricted mail', async () => {
    const r = await submit(t, softwareReport());
    const b = await as(t, cast.receptionHandler);
    const page = await b.get(reportUrl(r.trackingNumber));
    const template = templateIn(page.body, 'accept');
    assert.match(template, /受理しました/);
    const res = await postDecision(b, r.trackingNumber, 'accept', { message: template });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${reportUrl(r.trackingNumber)}?notice=accept`);
    const row = await reportRow(t, r.reportId);
    assert.equal(row.state, 'accepted');
    assert.equal(row.decided_at?.toISOString(), t.clock.now().toISOString());
    const cases = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .execute();
    assert.equal(cases.length, 1);
    assert.equal(cases[0]?.track, 'software');
    assert.equal(cases[0]?.reference, r.trackingNumber);
    const event = await eventOf(t, r.reportId, 'report.accepted');
    assert.ok(event);
    assert.equal(event.actor_user_id, cast.receptionHandler.userId);
    assert.equal((event.data as { caseReference: string }).caseReference, r.trackingNumber);
    const message = await latestMessage(t, r.reportId);
    assert.equal(message.direction, 'to_finder');
    assert.equal(message.text, template.trim());
    const mail = await latestMail(t, r.reportId);
    assert.equal(mail.to_address, FINDER.email);
    assert.equal(mail.restricted_to, 'reception_body');
    assert.equal(mail.locale, 'ja');
    assert.ok(mail.body_text.includes(template.trim()));
    assert.match(mail.subject, new RegExp(`^\\[${r.trackingNumber}\\]`));
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'report.accepted')
      .executeTakeFirst();
    assert.equal(audit?.subject_id, r.reportId);
    const after = await b.get(String(res.headers.location));
    assert.match(textOf(after.body), /受理しました。案件を引き渡しました。/);
  });

  it('asks for more in English for an English-speaking finder, with the question appended', async () => {
    const r = await submit(t, websiteReport({ locale: 'en' }));
    const b = await as(t, cast.receptionLead);
    const page = await b.get(reportUrl(r.trackingNumber));
    const template = templateIn(page.body, 'request_info');
    assert.match(template, /we need more information/);
    assert.match(page.body, /<textarea id="request_info-message"[^>]*lang="en"/);
    const missing = await postDecision(b, r.trackingNumber, 'request_info', { message: template });
    assert.equal(missing.statusCode, 400, 'the question is required');
    assert.match(missing.body, /<details open><summary>発見者に追加情報を依頼する/);
    assert.match(missing.body, /<a href="#request_info-question">入力してください。<\/a>/);
    const res = await postDecision(b, r.trackingNumber, 'request_info', {
      message: template,
      question: 'Which browser?',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await reportRow(t, r.reportId)).state, 'awaiting_finder');
    assert.equal((await reportRow(t, r.reportId)).decided_at, null);
    assert.ok(await eventOf(t, r.reportId, 'report.info_requested'));
    const message = await latestMessage(t, r.reportId);
    assert.equal(message.text, `${template.trim()}\n\nPlease tell us:\nWhich browser?`);
    const mail = await latestMail(t, r.reportId);
    assert.equal(mail.locale, 'en');
    assert.match(mail.subject, /About the handling of your report/);
    assert.equal(mail.restricted_to, 'reception_body');
  });

  it('does not accept only with a reason, told to the finder in their language', async () => {
    const r = await submit(t, softwareReport({ locale: 'en' }));
    const b = await as(t, cast.receptionHandler);
    assert.equal((await postDecision(b, r.trackingNumber, 'not_accept')).statusCode, 400);
    assert.equal((await reportRow(t, r.reportId)).state, 'submitted');
    const res = await postDecision(b, r.trackingNumber, 'not_accept', {
      message: 'Dear finder,',
      reason: 'Out of scope.',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await reportRow(t, r.reportId)).state, 'not_accepted');
    assert.equal((await latestMessage(t, r.reportId)).text, 'Dear finder,\n\nReason:\nOut of scope.');
    const event = await eventOf(t, r.reportId, 'report.not_accepted');
    assert.ok(event);
    assert.ok(
      !JSON.stringify(event.data).includes('Out of scope'),
      'the reason stays sealed, out of the event',
    );
  });

  it('discontinues only with one of the reasons of 資料1, stored and told to the finder', async () => {
    const r = await submit(t, softwareReport());
    const b = await as(t, cast.receptionHandler);
    const before = await footprint(t, r.reportId);
    for (const bad of ['', 'boredom']) {
      const res = await postDecision(b, r.trackingNumber, 'discontinue', { discontinueReason: bad });
      assert.equal(res.statusCode, 400, `reason "${bad}"`);
    }
    assert.deepEqual(await footprint(t, r.reportId), before, 'nothing written');
    const res = await postDecision(b, r.trackingNumber, 'discontinue', {
      discontinueReason: 'not_reproducible',
      message: '取りやめます。',
    });
    assert.equal(res.statusCode, 303);
    const row = await reportRow(t, r.reportId);
    assert.equal(row.state, 'discontinued');
    assert.equal(row.discontinue_reason, 'not_reproducible');
    assert.equal(
      (await latestMessage(t, r.reportId)).text,
      '取りやめます。\n\n【理由】\n再現性が確認できない',
    );
    const event = await eventOf(t, r.reportId, 'report.discontinued');
    assert.equal((event?.data as { reason?: string } | undefined)?.reason, 'not_reproducible');
  });

  it('marks a duplicate of another report, never of itself, of nothing or of a duplicate', async () => {
    const original = await submit(t, softwareReport());
    const copy = await submit(t, softwareReport({ locale: 'en' }));
    const third = await submit(t, softwareReport());
    const b = await as(t, cast.receptionHandler);
    const self = await postDecision(b, copy.trackingNumber, 'mark_duplicate', {
      duplicateOf: copy.trackingNumber,
    });
    assert.equal(self.statusCode, 400);
    assert.match(
      textOf(self.body),
      /A report cannot be a duplicate of itself|届出を自分自身の重複にすることはできません/,
    );
    assert.equal(
      (await postDecision(b, copy.trackingNumber, 'mark_duplicate', { duplicateOf: 'IPA#99999999' }))
        .statusCode,
      400,
    );
    assert.equal((await reportRow(t, copy.reportId)).state, 'submitted');
    const res = await postDecision(b, copy.trackingNumber, 'mark_duplicate', {
      duplicateOf: original.trackingNumber,
    });
    assert.equal(res.statusCode, 303);
    const row = await reportRow(t, copy.reportId);
    assert.equal(row.state, 'duplicate');
    assert.equal(row.duplicate_of_report_id, original.reportId);
    const message = await latestMessage(t, copy.reportId);
    assert.ok(
      !message.text.includes(original.trackingNumber),
      "the finder learns nothing of the other finder's report",
    );
    const chained = await postDecision(b, third.trackingNumber, 'mark_duplicate', {
      duplicateOf: copy.trackingNumber,
    });
    assert.equal(chained.statusCode, 400);
  });
});
