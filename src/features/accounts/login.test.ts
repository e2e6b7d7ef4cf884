import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { signIn } from '../../testing/login.js';

async function auditActions(t: TestApp, since: string) {
  const rows = await t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'detail', 'actor_label', 'subject_id'])
    .where('seq', '>', since)
    .orderBy('seq')
    .execute();
  return rows;
}

async function lastSeq(t: TestApp): Promise<string> {
  const r = await t.ctx.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return String(r?.seq ?? '0');
}

describe('logging in', () => {
  let t: TestApp;
  let vendorOrg: string;
  before(async () => {
    t = await startTestApp({ now: '2026-04-01T00:00:00Z' });
    vendorOrg = await makeOrganization(t.ctx, 'product_developer');
  });
  after(() => t.close());

  it('shows a login form with email, password and a submit button', async () => {
    const res = await new Browser(t).get('/login');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<input[^>]*id="email"[^>]*name="email"/);
    assert.match(res.body, /<input[^>]*id="password"[^>]*name="password"[^>]*type="password"/);
    assert.match(res.body, /<button type="submit"/);
    assert.match(res.body, /name="_csrf"/);
  });

  it('logs a vendor in with a new session cookie and sends them to the page they asked for', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const b = new Browser(t);
    await b.get('/login?returnTo=/account');
    const since = await lastSeq(t);
    const res = await b.post('/login', {
      email: u.email.toUpperCase(),
      password: u.password,
      returnTo: '/account',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const cookie = res.cookies.find((c) => c.name === 'keikai_session');
    assert.ok(cookie, 'session cookie set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    const account = await b.get('/account');
    assert.equal(account.statusCode, 200);
    assert.ok(account.body.includes(u.email));
    const audit = await auditActions(t, since);
    assert.deepEqual(
      audit.map((a) => a.action),
      ['login.succeeded'],
    );
    assert.doesNotMatch(JSON.stringify(audit), /correct horse/);
  });

  it('ignores a returnTo that leads off the site', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const b = new Browser(t);
    const res = await b.post('/login', {
      email: u.email,
      password: u.password,
      returnTo: '//evil.example/x',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
  });

  it('gives a new session token at every login, and the old one stops working', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    const first = b.cookies.get('keikai_session');
    const again = await b.post('/login', { email: u.email, password: u.password });
    assert.equal(again.statusCode, 303);
    const second = b.cookies.get('keikai_session');
    assert.ok(first && second && first !== second);
    const old = await t.app.inject({ url: '/account', headers: { cookie: `keikai_session=${first}` } });
    assert.equal(old.statusCode, 303);
    assert.match(String(old.headers.location), /^\/login/);
  });

  it('refuses a wrong password and an unknown e-mail with the same message, keeping the e-mail typed', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const b = new Browser(t);
    const since = await lastSeq(t);
    const wrong = await b.post('/login', { email: u.email, password: 'not the password at all' });
    const unknown = await b.post('/login', {
      email: 'nobody@example.test',
      password: 'not the password at all',
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    const message = (html: string) => /id="login-failed"[\s\S]*?<p>([^<]+)<\/p>/.exec(html)?.[1];
    assert.ok(message(wrong.body));
    assert.equal(message(wrong.body), message(unknown.body));
    assert.ok(wrong.body.includes(`value="${u.email}"`));
    assert.doesNotMatch(wrong.body, /not the password at all/);
    const audit = await auditActions(t, since);
    assert.deepEqual(
      audit.map((a) => [a.action, (a.detail as { reason: string }).reason]),
      [
        ['login.failed', 'bad_password'],
        ['login.failed', 'unknown_account'],
      ],
    );
    // the unknown address is kept only as a digest; no password anywhere
    assert.doesNotMatch(JSON.stringify(audit), /nobody@example\.test|not the password/);
    assert.match(JSON.stringify(audit[1]?.detail), /"emailSha256":"[0-9a-f]{64}"/);
  });

  it('locks the account after repeated failures, even for the right password, and unlocks after the wait', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const b = new Browser(t);
    const since = await lastSeq(t);
    for (let i = 0; i < t.ctx.config.login.maxFailures; i++) {
      const r = await b.post('/login', { email: u.email, password: `wrong password ${i}` });
      assert.equal(r.statusCode, 401);
    }
    const locked = await b.post('/login', { email: u.email, password: u.password });
    assert.equal(locked.statusCode, 401, 'the right password is refused while locked');
    const actions = (await auditActions(t, since)).map((a) => a.action);
    assert.ok(actions.includes('login.locked'));
    t.clock.advance(t.ctx.config.login.lockMinutes * 60_000 - 1000);
    assert.equal((await b.post('/login', { email: u.email, password: u.password })).statusCode, 401);
    t.clock.advance(2000);
    const ok = await b.post('/login', { email: u.email, password: u.password });
    assert.equal(ok.statusCode, 303);
    const row = await t.ctx.db
      .selectFrom('users')
      .select(['failed_logins'])
      .where('id', '=', u.userId)
      .executeTakeFirstOrThrow();
    assert.equal(row.failed_logins, 0);
  });

  it('does not let a disabled user log in', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    await t.ctx.db
      .updateTable('users')
      .set({ disabled_at: t.clock.now() })
      .where('id', '=', u.userId)
      .execute();
    const res = await new Browser(t).post('/login', { email: u.email, password: u.password });
    assert.equal(res.statusCode, 401);
  });

  it('explains empty fields in Japanese, or in English when asked', async () => {
    const ja = await new Browser(t).post('/login', { email: '', password: '' });
    assert.equal(ja.statusCode, 400);
    assert.match(ja.body, /入力してください/);
    assert.match(ja.body, /aria-invalid="true"/);
    const en = await new Browser(t, { acceptLanguage: 'en' }).post('/login', {
      email: 'a@b.test',
      password: '',
    });
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /Please fill this in/);
    assert.ok(en.body.includes('value="a@b.test"'));
  });

  it('limits login attempts per address', async () => {
    const b = new Browser(t);
    let last = 0;
    for (let i = 0; i < 21; i++) {
      last = (await b.post('/login', { email: '', password: '' })).statusCode;
    }
    assert.equal(last, 429);
    // another address is not affected
    assert.equal((await new Browser(t).post('/login', { email: '', password: '' })).statusCode, 400);
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    const token = b.cookies.get('keikai_session')!;
    const res = await b.post('/logout');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
    assert.equal(b.cookies.has('keikai_session'), false);
    const reuse = await t.app.inject({ url: '/account', headers: { cookie: `keikai_session=${token}` } });
    assert.equal(reuse.statusCode, 303);
  });

  it('sends someone already signed in away from the login page', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    const res = await b.get('/login?returnTo=/account');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
  });
});
