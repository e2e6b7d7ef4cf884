import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { signIn } from '../../testing/login.js';
import { linkIn, mailTo } from './testing.js';

const NEW_PASSWORD = 'a brand new long passphrase';

async function requestLink(t: TestApp, email: string): Promise<string> {
  const b = new Browser(t);
  const res = await b.post('/password/forgot', { email });
  assert.equal(res.statusCode, 200);
  const [mail] = await mailTo(t, email);
  assert.ok(mail, 'a reset mail was queued');
  return linkIn(mail.body_text, '/password/reset/');
}

describe('password reset', () => {
  let t: TestApp;
  let org: string;
  before(async () => {
    t = await startTestApp({ now: '2026-05-10T03:00:00Z' });
    org = await makeOrganization(t.ctx, 'website_operator');
  });
  after(() => t.close());

  it('answers the same whether or not the address has an account, and mails only real accounts', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member', locale: 'en' });
    const known = await new Browser(t).post('/password/forgot', { email: u.email });
    const unknown = await new Browser(t).post('/password/forgot', { email: 'nobody@example.test' });
    assert.equal(known.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    const notice = (html: string) => /id="reset-sent">([^<]+)</.exec(html)?.[1];
    assert.ok(notice(known.body));
    assert.equal(notice(known.body), notice(unknown.body));
    const mails = await mailTo(t, u.email);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]?.locale, 'en', 'mail in the account holder’s language');
    assert.equal(mails[0]?.template, 'accounts.mail.passwordReset');
    assert.match(mails[0]!.subject, /Resetting your password/);
    assert.equal((await mailTo(t, 'nobody@example.test')).length, 0);
    // the link's token is stored only as a digest
    const token = linkIn(mails[0]!.body_text, '/password/reset/').split('/').pop()!;
    assert.equal(token.length, 43, '256 bits, base64url');
    const row = await t.ctx.db
      .selectFrom('mail_tokens')
      .selectAll()
      .where('user_id', '=', u.userId)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, token);
    assert.equal(row.purpose, 'password_reset');
    assert.equal(row.expires_at.getTime() - row.created_at.getTime(), 3600_000);
  });

  it('sets a new password through the link, ends every session, lifts a lockout and tells the user', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const elsewhere = await signIn(t, u.email, u.password);
    await t.ctx.db
      .updateTable('users')
      .set({ failed_logins: 3, locked_until: new Date(t.clock.now().getTime() + 600_000) })
      .where('id', '=', u.userId)
      .execute();
    const link = await requestLink(t, u.email);
    const b = new Browser(t);
    const form = await b.get(link);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes(u.email));
    const res = await b.post(link, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login?notice=passwordReset');
    assert.match((await b.get('/login?notice=passwordReset')).body, /パスワードを再設定しました/);
    // the other session is gone, the old password no longer works, the new one does (lock lifted)
    assert.equal((await elsewhere.get('/account')).statusCode, 303);
    assert.equal(
      (await new Browser(t).post('/login', { email: u.email, password: u.password })).statusCode,
      401,
    );
    const fresh = await signIn(t, u.email, NEW_PASSWORD);
    assert.equal((await fresh.get('/account')).statusCode, 200);
    const mails = await mailTo(t, u.email);
    assert.deepEqual(mails.map((m) => m.template).sort(), [
      'accounts.mail.passwordChanged',
      'accounts.mail.passwordReset',
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', u.userId)
      .execute();
    assert.ok(audit.some((a) => a.action === 'password.reset'));
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', u.userId)
      .execute();
    assert.ok(events.some((e) => e.type === 'user.password_reset'));
  });

  it('refuses a link that was already used', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const link = await requestLink(t, u.email);
    const b = new Browser(t);
    assert.equal(
      (await b.post(link, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })).statusCode,
      303,
    );
    const again = await b.get(link);
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /すでに使用されています/);
    const post = await b.post(link, {
      password: 'yet another passphrase',
      passwordConfirm: 'yet another passphrase',
    });
    assert.equal(post.statusCode, 410);
    assert.equal((await signIn(t, u.email, NEW_PASSWORD)).cookies.has('keikai_session'), true);
  });

  it('refuses an expired link, and an unknown one, in the visitor’s language', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const link = await requestLink(t, u.email);
    t.clock.advance(3600_000 + 1000);
    const en = new Browser(t, { acceptLanguage: 'en' });
    const expired = await en.get(link);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /This link has expired/);
    assert.match(expired.body, /href="\/password\/forgot"/);
    const post = await en.post(link, { password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD });
    assert.equal(post.statusCode, 410);
    const unknown = await new Browser(t).get('/password/reset/not-a-real-token');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /このリンクは無効です/);
  });

  it('explains a short or mismatched new password and changes nothing', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const link = await requestLink(t, u.email);
    const b = new Browser(t);
    const short = await b.post(link, { password: 'short', passwordConfirm: 'short' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /12文字以上で入力してください/);
    const mismatch = await new Browser(t, { acceptLanguage: 'en' }).post(link, {
      password: NEW_PASSWORD,
      passwordConfirm: `${NEW_PASSWORD}!`,
    });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /The two passwords do not match/);
    assert.doesNotMatch(mismatch.body, new RegExp(NEW_PASSWORD));
    // the link still works, the old password still works
    assert.equal((await b.get(link)).statusCode, 200);
    assert.equal((await signIn(t, u.email, u.password)).cookies.has('keikai_session'), true);
  });

  it('stops mailing an address after a few requests in an hour', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    for (let i = 0; i < 5; i++) await new Browser(t).post('/password/forgot', { email: u.email });
    assert.equal((await mailTo(t, u.email)).length, 3);
  });

  it('says in the user’s language when the e-mail address is malformed', async () => {
    const res = await new Browser(t, { acceptLanguage: 'en' }).post('/password/forgot', {
      email: 'not-an-address',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Enter a valid e-mail address/);
    assert.ok(res.body.includes('value="not-an-address"'));
  });
});
