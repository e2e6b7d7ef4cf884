// The report page of the reception console: everything submitted, identity included, with the reading audited;
// attachments only as audited downloads; messages to the finder; assignment; the checklist; candidate duplicates.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { FINDER, softwareReport, submit, websiteReport } from '../../testing/reports.js';
import { mailTo } from '../accounts/testing.js';

import { as, type Cast, makeCast, reportUrl } from './testing.js';

const lastAudit = (t: TestApp, action: string) =>
  t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirst();

describe('the report page', () => {
  let t: TestApp;
  let cast: Cast;
  let tn: string;
  let attachmentId: string;
  const poc = Buffer.from('<html><script>alert("poc")</script></html>');

  before(async () => {
    t = await startTestApp({ now: '2026-11-02T03:00:00Z' });
    cast = await makeCast(t);
    const r = await submit(t, softwareReport(), [{ filename: '攻撃手順 "poc".html', data: poc }]);
    tn = r.trackingNumber;
    const a = await t.ctx.db
      .selectFrom('report_attachments')
      .select('id')
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    attachmentId = a.id;
  });
  after(() => t.close());

  it('shows the report as submitted, the finder identity and consents to reception staff, and audits the read', async () => {
    const b = await as(t, cast.receptionHandler);
    const res = await b.get(reportUrl(tn));
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    for (const s of [FINDER.name, FINDER.email, FINDER.phone, FINDER.organization, FINDER.creditName]) {
      assert.ok(text.includes(s), `${s} is shown to the reception body`);
    }
    assert.match(text, /Example CMS/);
    assert.match(text, /1\. open \/comments 2\. post <script>alert\(1\)<\/script>/);
    assert.doesNotMatch(res.body, /<script>alert\(1\)/, 'report text is escaped');
    assert.match(text, /調整機関に発見者の情報を伝えてよい 同意しない/);
    assert.match(text, /公表時に謝辞として名前を掲載してよい 同意する/);
    assert.match(text, /連絡が取れることを受理の条件とする/);
    const entry = await lastAudit(t, 'report.read');
    assert.ok(entry);
    assert.equal(entry.actor_user_id, cast.receptionHandler.userId);
    assert.deepEqual(entry.detail, { trackingNumber: tn });
    assert.ok(!JSON.stringify(entry.detail).includes(FINDER.email));
  });

  it('serves attachments only as audited, never-inline downloads', async () => {
    const b = await as(t, cast.receptionHandler);
    const page = await b.get(reportUrl(tn));
    assert.match(page.body, /text\/plain; charset=utf-8/);
    const url = `${reportUrl(tn)}/attachments/${attachmentId}`;
    assert.ok(page.body.includes(url.replace(/#/g, '%23')));
    const res = await b.get(url);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/octet-stream');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename*=UTF-8''${encodeURIComponent('攻撃手順 poc.html')}`,
    );
    assert.deepEqual(res.rawPayload, poc);
    const entry = await lastAudit(t, 'report.attachment_downloaded');
    assert.ok(entry);
    assert.equal(entry.actor_user_id, cast.receptionHandler.userId);
    assert.equal((entry.detail as { attachmentId: string }).attachmentId, attachmentId);

    assert.equal(
      (await b.get(`${reportUrl(tn)}/attachments/00000000-0000-4000-8000-000000000000`)).statusCode,
      404,
    );
    assert.equal((await b.get(`${reportUrl(tn)}/attachments/not-an-id`)).statusCode, 404);
    const coordinator = await as(t, cast.coordinationHandler);
    assert.equal((await coordinator.get(url)).statusCode, 403);
  });

  it('sends a sealed message to the finder and mails them only that one is waiting', async () => {
    const b = await as(t, cast.receptionHandler);
    await b.get(reportUrl(tn));
    const res = await b.post(`${reportUrl(tn)}/messages`, { text: '再現環境の OS を教えてください。' });
    assert.equal(res.statusCode, 303);
    const page = await b.get(String(res.headers.location));
    assert.match(textOf(page.body), /再現環境の OS を教えてください。/);
    const row = await t.ctx.db
      .selectFrom('report_messages')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.direction, 'to_finder');
    // not the text, nor the text merely encoded (two letters such as 'OS' turn up in base64 by chance: 1 run in 40)
    const text = '再現環境の OS を教えてください。';
    assert.ok(!row.body_enc.includes(text), 'the message is stored sealed');
    assert.ok(
      !row.body_enc.includes(Buffer.from(text).toString('base64').slice(0, 16)),
      'and not just encoded',
    );
    const [mail] = await mailTo(t, FINDER.email);
    assert.ok(mail);
    assert.equal(mail.restricted_to, 'reception_body');
    assert.equal(mail.template, 'screening.mail.message');
    assert.ok(!mail.body_text.includes('OS を教えて'), 'the mail does not carry the message');
    assert.doesNotMatch(mail.body_text, /follow-up|https?:\/\//, 'nor any link');
    const event = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'report.message_sent')
      .executeTakeFirst();
    assert.ok(event);
    const empty = await b.post(`${reportUrl(tn)}/messages`, { text: '   ' });
    assert.equal(empty.statusCode, 400);
  });

  it('lets a handler take a report but not give it to someone else; a lead may', async () => {
    const handler = await as(t, cast.receptionHandler);
    await handler.get(reportUrl(tn));
    const other = await handler.post(`${reportUrl(tn)}/assign`, { assignee: cast.receptionHandler2.userId });
    assert.equal(other.statusCode, 403);
    const self = await handler.post(`${reportUrl(tn)}/assign`, { assignee: cast.receptionHandler.userId });
    assert.equal(self.statusCode, 303);
    const lead = await as(t, cast.receptionLead);
    await lead.get(reportUrl(tn));
    assert.equal(
      (await lead.post(`${reportUrl(tn)}/assign`, { assignee: cast.receptionHandler2.userId })).statusCode,
      303,
    );
    const row = await t.ctx.db
      .selectFrom('reports')
      .select('assignee_user_id')
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow();
    assert.equal(row.assignee_user_id, cast.receptionHandler2.userId);
    // nobody outside the reception staff can be assigned
    const outsider = await lead.post(`${reportUrl(tn)}/assign`, {
      assignee: cast.coordinationHandler.userId,
    });
    assert.equal(outsider.statusCode, 400);
    assert.equal((await lead.post(`${reportUrl(tn)}/assign`, { assignee: '' })).statusCode, 303);
    const events = await t.ctx.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'report.assigned')
      .orderBy('id')
      .execute();
    assert.equal(events.length, 3);
  });

  it('saves the checklist with who and when, as an event', async () => {
    const b = await as(t, cast.receptionLead);
    await b.get(reportUrl(tn));
    const res = await b.post(`${reportUrl(tn)}/screening`, {
      requiredItems: 'yes',
      contactable: 'yes',
      isVulnerability: 'yes',
      alreadyKnown: 'no',
      reproducible: 'unchecked',
      unlawfullyObtained: 'no',
    });
    assert.equal(res.statusCode, 303);
    const row = await t.ctx.db
      .selectFrom('reports')
      .select('screening')
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow();
    const s = row.screening as { items: Record<string, string>; updatedBy: string; updatedAt: string };
    assert.equal(s.items.requiredItems, 'yes');
    assert.equal(s.items.reproducible, 'unchecked');
    assert.equal(s.updatedBy, cast.receptionLead.userId);
    assert.equal(s.updatedAt, t.clock.now().toISOString());
    const page = await b.get(reportUrl(tn));
    assert.match(page.body, /name="alreadyKnown" value="no" checked/);
    assert.equal((await b.post(`${reportUrl(tn)}/screening`, { requiredItems: 'maybe' })).statusCode, 400);
  });

  it('shows candidate duplicates from both tracks by the blind index, never the report itself', async () => {
    const same = await submit(
      t,
      softwareReport({ description: 'Example CMS のコメント欄にクロスサイトスクリプティング' }),
    );
    const web = await submit(
      t,
      websiteReport({
        siteName: 'Example CMS demo site',
        description: 'クロスサイトスクリプティング in Example CMS',
      }),
    );
    await submit(
      t,
      softwareReport({
        productName: 'Unrelated Tool',
        developerName: 'Other',
        versions: '9',
        description: 'バッファオーバーフロー',
      }),
    );
    const b = await as(t, cast.receptionHandler);
    const page = await b.get(reportUrl(tn));
    const section = page.body.slice(
      page.body.indexOf('id="duplicates"'),
      page.body.indexOf('id="decisions"'),
    );
    assert.ok(section.includes(encodeURIComponent(same.trackingNumber)));
    assert.ok(section.includes(encodeURIComponent(web.trackingNumber)));
    assert.ok(!section.includes(`${encodeURIComponent(tn)}"`), 'not itself');
    assert.doesNotMatch(section, /Unrelated Tool/);
    assert.match(textOf(section), /ウェブサイト Example CMS demo site/);
  });

  it('speaks English to staff who chose it, the finder templates staying in the finder language', async () => {
    const b = await as(t, cast.receptionHandler2);
    await b.get('/');
    assert.equal((await b.post('/preferences/locale', { locale: 'en', returnTo: '/' })).statusCode, 303);
    const queue = await b.get('/reception/reports');
    assert.match(queue.body, /<html lang="en"/);
    assert.match(
      textOf(queue.body),
      /Report screening .* Tracking number Track Product or site Received Age \(days\) State Assignee/,
    );
    const page = await b.get(reportUrl(tn));
    const text = textOf(page.body);
    assert.match(text, /Screening checklist/);
    assert.match(text, /The coordination body may know who I am No/);
    assert.match(text, /Message to the finder \(日本語; edit it before sending\)/);
    assert.match(page.body, /受付機関で受理しました/);
  });

  it('is 403 for the coordination body, developers and finders, 404 for a report that does not exist', async () => {
    for (const p of [cast.coordinationAdmin, cast.developer, cast.finder]) {
      const b = await as(t, p);
      assert.equal((await b.get(reportUrl(tn))).statusCode, 403, p.email);
    }
    const b = await as(t, cast.receptionHandler);
    assert.equal((await b.get(reportUrl('IPA#99999999'))).statusCode, 404);
  });
});
