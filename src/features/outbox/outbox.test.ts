// The mail outbox page: staff admins only, filters and pages, a message's body, and every reading audited.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { TestBrowser, textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';

describe('mail outbox page', () => {
  let t: TestApp;
  const u = { admin: '', lead: '', orgAdmin: '', coordinationAdmin: '' };
  let adminEmail = '';

  before(async () => {
    t = await startTestApp();
    const reception = await makeOrganization(t.ctx, 'reception_body');
    const vendor = await makeOrganization(t.ctx, 'product_developer');
    const admin = await makeUser(t.ctx, { organizationId: reception, role: 'admin' });
    u.admin = admin.userId;
    adminEmail = admin.email;
    u.lead = (await makeUser(t.ctx, { organizationId: reception, role: 'lead' })).userId;
    u.orgAdmin = (await makeUser(t.ctx, { organizationId: vendor, role: 'org_admin' })).userId;
    const coordination = await makeOrganization(t.ctx, 'coordination_body');
    u.coordinationAdmin = (await makeUser(t.ctx, { organizationId: coordination, role: 'admin' })).userId;
  });
  after(() => t.close());

  it('is for staff admins only', async () => {
    const anon = await new TestBrowser(t).get('/admin/outbox');
    assert.equal(anon.status, 303);
    assert.equal(anon.headers.location, '/login?returnTo=%2Fadmin%2Foutbox');
    for (const who of [u.lead, u.orgAdmin]) {
      const b = await signedIn(t, who);
      assert.equal((await b.get('/admin/outbox')).status, 403);
      assert.equal((await b.post('/admin/outbox/test', {})).status, 403);
    }
  });

  it('queues a test mail to the admin and lists it; says mail is kept when there is no SMTP', async () => {
    const admin = await signedIn(t, u.admin);
    const res = await admin.post('/admin/outbox/test', {}, '/admin/outbox');
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/admin/outbox?queued=1');
    const page = await admin.get('/admin/outbox?queued=1');
    assert.equal(page.status, 200);
    assert.match(page.body, /テストメールを送信待ちに入れました。/);
    assert.match(page.body, /SMTP が設定されていないため/);
    assert.match(page.body, /<caption>送信メール（新しい順）<\/caption>/);
    const text = textOf(page.body);
    assert.match(
      text,
      new RegExp(
        `${adminEmail.replace(/\./g, '\\.')} 【keikai】テストメール outbox\\.mail\\.test 送信待ち 0`,
      ),
    );
  });

  it('filters by status and recipient, escapes what it shows, and refuses a status it does not know', async () => {
    await t.ctx.db
      .insertInto('mail_messages')
      .values([
        {
          to_address: 'someone@vendor.example',
          locale: 'en',
          template: 'x.y',
          subject: '<script>alert(1)</script>',
          body_text: 'b',
          status: 'sent',
          attempts: 1,
        },
        {
          to_address: 'broken@vendor.example',
          locale: 'en',
          template: 'x.y',
          subject: 'bounced',
          body_text: 'b',
          status: 'failed',
          attempts: 9,
          last_error: '550 mailbox unavailable',
        },
      ])
      .execute();
    const admin = await signedIn(t, u.admin);
    const sent = await admin.get('/admin/outbox?status=sent');
    assert.match(sent.body, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(sent.body, /<script>alert/);
    assert.doesNotMatch(sent.body, /bounced/);
    const failed = await admin.get('/admin/outbox?status=failed&to=BROKEN@');
    assert.match(textOf(failed.body), /broken@vendor\.example bounced x\.y 失敗 9 550 mailbox unavailable/);
    assert.doesNotMatch(failed.body, /someone@vendor/);
    // the recipient filter is a substring, not a pattern
    const pattern = await admin.get('/admin/outbox?to=%25');
    assert.match(pattern.body, /該当するメールはありません。/);
    const bad = await admin.get('/admin/outbox?status=bogus');
    assert.equal(bad.status, 400);
  });

  it('shows a message body in a <pre>, and records the reading in the audit trail', async () => {
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['id', 'body_text'])
      .where('template', '=', 'outbox.mail.test')
      .executeTakeFirstOrThrow();
    const admin = await signedIn(t, u.admin);
    const list = await admin.get('/admin/outbox');
    assert.match(list.body, new RegExp(`href="/admin/outbox/${mail.id}"`));
    const page = await admin.get(`/admin/outbox/${mail.id}`);
    assert.equal(page.status, 200);
    assert.match(
      page.body,
      /<pre class="mail" lang="ja">これは keikai から送られたテストメールです。\n\n依頼者: /,
    );
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'detail'])
      .where('action', '=', 'mail.read')
      .where('subject_id', '=', mail.id)
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_user_id, u.admin);
    assert.deepEqual(entry.detail, { template: 'outbox.mail.test' });

    assert.equal((await admin.get('/admin/outbox/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await admin.get('/admin/outbox/nope')).status, 404);
    const lead = await signedIn(t, u.lead);
    assert.equal((await lead.get(`/admin/outbox/${mail.id}`)).status, 403);
  });

  it('pages 50 at a time, newest first, forwards and back', async () => {
    const base = Date.parse('2020-01-01T00:00:00Z');
    await t.ctx.db
      .insertInto('mail_messages')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          to_address: `page${i}@paging.example`,
          locale: 'ja' as const,
          template: 'x.y',
          subject: `page ${i}`,
          body_text: 'b',
          created_at: new Date(base + i * 1000),
        })),
      )
      .execute();
    const admin = await signedIn(t, u.admin);
    const subjects = (html: string) => [...html.matchAll(/>page (\d+)</g)].map((m) => Number(m[1]));
    const first = await admin.get('/admin/outbox?to=paging.example');
    assert.deepEqual(
      subjects(first.body),
      Array.from({ length: 50 }, (_, i) => 59 - i),
    );
    assert.doesNotMatch(first.body, /rel="prev"/);
    const older = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(older);
    const second = await admin.get(older);
    assert.deepEqual(subjects(second.body), [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    assert.doesNotMatch(second.body, /rel="next"/);
    const newer = /href="([^"]+)" rel="prev"/.exec(second.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(newer);
    const back = await admin.get(newer);
    assert.deepEqual(
      subjects(back.body),
      Array.from({ length: 50 }, (_, i) => 59 - i),
    );
    assert.doesNotMatch(back.body, /rel="prev"/);
  });

  it("keeps mail that reveals a finder to the reception body's admins: to others it does not exist", async () => {
    const row = await t.ctx.db
      .insertInto('mail_messages')
      .values({
        to_address: 'finder@private.example',
        locale: 'ja',
        template: 'intake.mail.receipt',
        subject: '届出を受け付けました',
        body_text: 'secret follow-up link',
        restricted_to: 'reception_body',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const coordination = await signedIn(t, u.coordinationAdmin);
    const list = await coordination.get('/admin/outbox');
    assert.equal(list.status, 200);
    assert.doesNotMatch(list.body, /finder@private\.example/);
    assert.equal((await coordination.get(`/admin/outbox/${row.id}`)).status, 404);
    const reads = await t.ctx.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'mail.read')
      .where('subject_id', '=', row.id)
      .execute();
    assert.equal(reads.length, 0);

    const reception = await signedIn(t, u.admin);
    assert.match((await reception.get('/admin/outbox?to=private')).body, /finder@private\.example/);
    assert.match((await reception.get(`/admin/outbox/${row.id}`)).body, /secret follow-up link/);
  });
});
