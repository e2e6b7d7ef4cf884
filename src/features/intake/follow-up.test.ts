import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { linkIn, mailTo } from '../accounts/testing.js';
import { openMessage } from './report-sealing.js';
import { askFinderForMore, startIntakeTestApp, submitted } from './testing.js';

const path = (token: string) => `/reports/follow-up/${token}`;

describe('the follow-up link', () => {
  let t: TestApp;
  before(async () => {
    t = await startIntakeTestApp({ now: '2026-11-20T01:30:00Z' });
  });
  after(() => t.close());

  it('answers a wrong, malformed or unknown token with a plain 404 page', async () => {
    const b = new Browser(t);
    for (const token of ['x'.repeat(43), 'short', `${'A'.repeat(43)}%00`]) {
      const res = await b.get(path(token));
      assert.equal(res.statusCode, 404, token);
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
    }
  });

  it('shows the status, history (JST), the report and attachments, but never who the finder is', async () => {
    const r = await submitted(t);
    const res = await new Browser(t).get(path(r.followUpToken));
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    const html = res.body;
    assert.ok(html.includes(r.trackingNumber));
    assert.ok(html.includes('受け付けました。受付機関が内容を確認しています。'));
    assert.ok(html.includes('2026-11-20 10:30 JST (UTC+09:00)'));
    assert.ok(html.includes('Authentication bypass in the admin page'));
    for (const secret of ['佐藤', 'hanako@example.jp', '090-1111-2222']) {
      assert.ok(!html.includes(secret), `${secret} is not shown`);
    }
  });

  it('audits every view of the page', async () => {
    const r = await submitted(t);
    const b = new Browser(t);
    await b.get(path(r.followUpToken));
    await b.get(path(r.followUpToken));
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label', 'ip'])
      .where('subject_id', '=', r.reportId)
      .where('action', '=', 'report.followed_up')
      .execute();
    assert.equal(rows.length, 2);
    assert.equal(rows[0]?.actor_label, `link:report:${r.reportId}`);
    assert.equal(rows[0]?.ip, b.ip);
  });

  it('stores a finder message sealed, and a reply to a request for more sends the report back to screening', async () => {
    const r = await submitted(t);
    await askFinderForMore(t, r.reportId, '再現に使ったURLを教えてください。<script>x</script>');
    const b = new Browser(t, { acceptLanguage: 'en' });
    const page = await b.get(path(r.followUpToken));
    assert.ok(page.body.includes('The reception body has asked you for more information'));
    assert.ok(page.body.includes('再現に使ったURLを教えてください。&lt;script>x&lt;/script>'));
    assert.ok(!page.body.includes('<script>'));

    const sent = await b.post(`${path(r.followUpToken)}/messages`, {
      message: 'It is https://router.example/admin;.css',
    });
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, `${path(r.followUpToken)}?notice=sent#messages`);
    const row = await t.ctx.db
      .selectFrom('reports')
      .select('state')
      .where('id', '=', r.reportId)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'submitted');
    const messages = await t.ctx.db
      .selectFrom('report_messages')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .where('direction', '=', 'from_finder')
      .execute();
    assert.equal(messages.length, 1);
    assert.ok(!messages[0]!.body_enc.includes('router.example'), 'stored encrypted');
    assert.equal(
      openMessage(t.ctx.secrets, messages[0]!.id, messages[0]!.body_enc),
      'It is https://router.example/admin;.css',
    );
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', r.reportId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      events.map((e) => e.type),
      [
        'report.submitted',
        'report.info_requested',
        'report.finder_message_received',
        'report.finder_replied',
      ],
    );
    const after = await b.get(`${path(r.followUpToken)}?notice=sent`);
    assert.ok(after.body.includes('Your message has been sent.'));
    assert.ok(after.body.includes('You replied'));
    assert.ok(after.body.includes('It is https://router.example/admin;.css'));
    assert.ok(after.body.includes('Received. The reception body is reviewing your report.'));
  });

  it('keeps the state of a report not waiting for the finder, and refuses an empty or over-long message', async () => {
    const r = await submitted(t);
    const b = new Browser(t);
    assert.equal(
      (await b.post(`${path(r.followUpToken)}/messages`, { message: '追加の情報です' })).statusCode,
      303,
    );
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', r.reportId)
      .execute();
    assert.ok(!events.some((e) => e.type === 'report.finder_replied'));
    const empty = await b.post(`${path(r.followUpToken)}/messages`, { message: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.ok(empty.body.includes('href="#message"'));
    const long = 'x'.repeat(10_001);
    const tooLong = await b.post(`${path(r.followUpToken)}/messages`, { message: long });
    assert.equal(tooLong.statusCode, 400);
    assert.ok(tooLong.body.includes(`${long}</textarea>`), 'what was typed is kept');
    const count = await t.ctx.db
      .selectFrom('report_messages')
      .select('id')
      .where('report_id', '=', r.reportId)
      .execute();
    assert.equal(count.length, 1);
  });

  it('replaces the link: the old one is dead, the new one is shown once and mailed', async () => {
    const r = await submitted(t);
    const b = new Browser(t, { acceptLanguage: 'en' });
    await b.get(path(r.followUpToken));
    const res = await b.post(`${path(r.followUpToken)}/rotate`);
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    const fresh = /^\/reports\/follow-up\/([A-Za-z0-9_-]+)\?notice=rotated$/.exec(location)?.[1];
    assert.ok(fresh && fresh !== r.followUpToken);
    assert.equal((await b.get(path(r.followUpToken))).statusCode, 404);
    assert.equal((await b.post(`${path(r.followUpToken)}/messages`, { message: 'hi' })).statusCode, 404);
    assert.equal((await b.post(`${path(r.followUpToken)}/rotate`)).statusCode, 404);
    const page = await b.get(location);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('The link has been replaced'));
    assert.ok(page.body.includes(`/reports/follow-up/${fresh}`));
    assert.ok(page.body.includes('The follow-up link was replaced'));
    const mail = (await mailTo(t, 'hanako@example.jp')).find((m) => m.template === 'intake.mail.linkRotated');
    assert.ok(mail);
    assert.equal(mail.restricted_to, 'reception_body');
    assert.equal(linkIn(mail.body_text, '/reports/follow-up/'), `/reports/follow-up/${fresh}`);
  });

  it('refuses a message without its CSRF token', async () => {
    const r = await submitted(t);
    const b = new Browser(t);
    const res = await b.post(`${path(r.followUpToken)}/messages`, { message: 'x' }, { csrf: false });
    assert.equal(res.statusCode, 403);
  });
});
