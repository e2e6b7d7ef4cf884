import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { Browser, inputValue } from '../../testing/browser.js';
import { enrolTotp, signIn, totpCode, totpSecretOf } from '../../testing/login.js';

async function passwordStep(t: TestApp, email: string, password: string, returnTo?: string) {
  const b = new Browser(t);
  const res = await b.post('/login', { email, password, ...(returnTo ? { returnTo } : {}) });
  assert.equal(res.statusCode, 303);
  return { b, next: String(res.headers.location) };
}

async function actions(t: TestApp, userId: string) {
  const rows = await t.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('two-step verification (TOTP)', () => {
  let t: TestApp;
  let reception: string;
  let vendor: string;
  before(async () => {
    t = await startTestApp({ now: '2026-04-01T09:00:00Z' });
    reception = await makeOrganization(t.ctx, 'reception_body');
    vendor = await makeOrganization(t.ctx, 'product_developer');
  });
  after(() => t.close());

  it('sends staff without TOTP to enrol, and keeps them from the account page until they have', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'handler' });
    const { b, next } = await passwordStep(t, u.email, u.password);
    assert.equal(next, '/mfa/setup');
    const account = await b.get('/account');
    assert.equal(account.statusCode, 303);
    assert.equal(account.headers.location, '/login?returnTo=%2Faccount');
    const login = await b.get('/login?returnTo=%2Faccount');
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/mfa/setup?returnTo=%2Faccount');
    const api = await b.get('/api/v1/me');
    assert.equal(api.statusCode, 401);
  });

  it('lets someone part-way through MFA switch language and log out', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'handler' });
    const { b } = await passwordStep(t, u.email, u.password);
    const lang = await b.post('/preferences/locale', { locale: 'en', returnTo: '/mfa/setup' });
    assert.equal(lang.statusCode, 303);
    const page = await b.get('/mfa/setup');
    assert.match(page.body, /Set up two-step verification/);
    const out = await b.post('/logout');
    assert.equal(out.statusCode, 303);
    assert.equal((await b.get('/mfa/setup')).statusCode, 303);
  });

  it('shows the secret as text and as a QR code, and refuses a wrong code keeping the same secret', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'lead' });
    const { b } = await passwordStep(t, u.email, u.password);
    const page = await b.get('/mfa/setup');
    assert.equal(page.statusCode, 200);
    const secret = /id="totp-secret"[^>]*>([A-Z2-7]{16,})</.exec(page.body)?.[1];
    assert.ok(secret, 'secret shown in #totp-secret');
    assert.match(page.body, /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]+"/);
    assert.match(page.body, /<input[^>]*id="code"[^>]*name="code"/);
    const wrong = await b.post('/mfa/setup', { code: '000000', setup: inputValue(page.body, 'setup')! });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /コードが一致しません/);
    assert.ok(wrong.body.includes(secret), 'the same secret is offered again');
    const row = await t.ctx.db
      .selectFrom('users')
      .select(['totp_enabled_at'])
      .where('id', '=', u.userId)
      .executeTakeFirstOrThrow();
    assert.equal(row.totp_enabled_at, null);
  });

  it('enrols with a code from the app, stores the secret encrypted and shows ten recovery codes once', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'admin' });
    const { b } = await passwordStep(t, u.email, u.password, '/account');
    const setup = await b.get('/mfa/setup?returnTo=%2Faccount');
    const secret = /id="totp-secret"[^>]*>([A-Z2-7]+)</.exec(setup.body)![1]!;
    const done = await b.post('/mfa/setup', {
      code: await totpCode(t, secret),
      setup: inputValue(setup.body, 'setup')!,
      returnTo: '/account',
    });
    assert.equal(done.statusCode, 200);
    const codes = [...done.body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map(
      (m) => m[1],
    );
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    assert.match(done.body, /href="\/account"/);
    const row = await t.ctx.db
      .selectFrom('users')
      .select(['totp_secret_enc', 'totp_enabled_at'])
      .where('id', '=', u.userId)
      .executeTakeFirstOrThrow();
    assert.ok(row.totp_enabled_at);
    assert.ok(row.totp_secret_enc && !row.totp_secret_enc.includes(secret));
    assert.equal((await totpSecretOf(t, u.email)).secret, secret);
    const stored = await t.ctx.db
      .selectFrom('mfa_recovery_codes')
      .select('code_hash')
      .where('user_id', '=', u.userId)
      .execute();
    assert.equal(stored.length, 10);
    for (const s of stored) assert.ok(!codes.some((c) => s.code_hash.includes(c!.replace('-', ''))));
    assert.equal((await b.get('/account')).statusCode, 200);
    assert.ok((await actions(t, u.userId)).includes('mfa.enrolled'));
  });

  it('asks enrolled users for a code after the password; refuses a wrong one and a reused one', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'handler' });
    const first = await signIn(t, u.email, u.password); // enrols
    assert.equal((await first.get('/account')).statusCode, 200);

    const { b, next } = await passwordStep(t, u.email, u.password, '/account');
    assert.equal(next, '/mfa?returnTo=%2Faccount');
    const page = await b.get(next);
    assert.match(page.body, /<input[^>]*id="code"[^>]*name="code"/);
    const wrong = await b.post('/mfa', { code: '123456', returnTo: '/account' });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /コードが正しくありません/);
    const { secret, lastStep } = await totpSecretOf(t, u.email);
    const code = await totpCode(t, secret, lastStep);
    const ok = await b.post('/mfa', { code, returnTo: '/account' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    assert.equal((await b.get('/account')).statusCode, 200);

    // the same code, again, within its window: refused
    const again = await passwordStep(t, u.email, u.password);
    assert.equal((await again.b.post('/mfa', { code })).statusCode, 401);
    const log = await actions(t, u.userId);
    assert.ok(log.includes('mfa.succeeded'));
    assert.ok(log.includes('mfa.failed'));
  });

  it('accepts each recovery code once', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'handler' });
    const { b } = await passwordStep(t, u.email, u.password);
    const { recoveryCodes } = await enrolTotp(b);
    const code = recoveryCodes[3]!;

    const one = await passwordStep(t, u.email, u.password);
    const used = await one.b.post('/mfa', { code: code.toUpperCase().replace('-', ' ') });
    assert.equal(used.statusCode, 303);
    const account = await one.b.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /未使用のリカバリーコード: 9 個/);

    const two = await passwordStep(t, u.email, u.password);
    assert.equal((await two.b.post('/mfa', { code })).statusCode, 401);
    assert.ok((await actions(t, u.userId)).includes('mfa.recovery_code_used'));
  });

  it('locks the account after repeated wrong codes and ends the half-open session', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'handler' });
    await signIn(t, u.email, u.password);
    const { b } = await passwordStep(t, u.email, u.password);
    let res = await b.post('/mfa', { code: '000000' });
    for (let i = 1; i < t.ctx.config.login.maxFailures; i++) res = await b.post('/mfa', { code: '000000' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login?notice=locked');
    assert.equal(b.cookies.has('keikai_session'), false);
    const notice = await b.get('/login?notice=locked');
    assert.match(notice.body, /ロック/);
    assert.equal(
      (await new Browser(t).post('/login', { email: u.email, password: u.password })).statusCode,
      401,
    );
    t.clock.advance(t.ctx.config.login.lockMinutes * 60_000 + 1000);
    const later = await signIn(t, u.email, u.password);
    assert.equal((await later.get('/account')).statusCode, 200);
  });

  it('lets a vendor turn TOTP on from the account page and off again with the password', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendor, role: 'org_admin' });
    const b = await signIn(t, u.email, u.password);
    const account = await b.get('/account');
    assert.match(account.body, /href="\/mfa\/setup"/);
    const { page } = await enrolTotp(b);
    assert.match(page.body, /href="\/account\?notice=mfaEnabled"/);
    assert.equal((await b.get('/account')).statusCode, 200, 'this session stays verified');

    const { next } = await passwordStep(t, u.email, u.password);
    assert.equal(next, '/mfa');

    const wrong = await b.post('/account/mfa/disable', { disablePassword: 'not my password' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /現在のパスワードが正しくありません/);
    const halfway = await passwordStep(t, u.email, u.password);
    const off = await b.post('/account/mfa/disable', { disablePassword: u.password });
    assert.equal(off.statusCode, 303);
    assert.equal((await b.get('/account')).statusCode, 200, 'this browser carries on');
    assert.equal(
      (await halfway.b.get('/account')).statusCode,
      303,
      'a session stopped at the code step ends',
    );
    assert.equal((await passwordStep(t, u.email, u.password)).next, '/');
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['template', 'locale'])
      .where('to_address', '=', u.email)
      .execute();
    assert.deepEqual(mail, [{ template: 'accounts.mail.mfaDisabled', locale: 'ja' }]);
  });

  it('does not let staff turn TOTP off', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'handler' });
    const b = await signIn(t, u.email, u.password);
    const account = await b.get('/account');
    assert.doesNotMatch(account.body, /action="\/account\/mfa\/disable"/);
    const res = await b.post('/account/mfa/disable', { disablePassword: u.password });
    assert.equal(res.statusCode, 403);
  });

  it('makes new recovery codes on request; the old ones stop working', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'handler' });
    const { b } = await passwordStep(t, u.email, u.password);
    const { recoveryCodes: old } = await enrolTotp(b);
    const res = await b.post('/account/mfa/recovery-codes', { recoveryPassword: u.password });
    assert.equal(res.statusCode, 200);
    const fresh = [...res.body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map(
      (m) => m[1]!,
    );
    assert.equal(fresh.length, 10);
    const tryOld = await passwordStep(t, u.email, u.password);
    assert.equal((await tryOld.b.post('/mfa', { code: old[0]! })).statusCode, 401);
    const tryNew = await passwordStep(t, u.email, u.password);
    assert.equal((await tryNew.b.post('/mfa', { code: fresh[0]! })).statusCode, 303);
  });

  it('loginAs-style sign-in works repeatedly for the same enrolled user without moving time by hand', async () => {
    const u = await makeUser(t.ctx, { organizationId: reception, role: 'handler' });
    for (let i = 0; i < 4; i++) {
      const b = await signIn(t, u.email, u.password);
      assert.equal((await b.get('/account')).statusCode, 200);
    }
  });
});
