import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { signIn } from '../../testing/login.js';
import { mailTo } from './testing.js';

describe('the account page', () => {
  let t: TestApp;
  let org: string;
  before(async () => {
    t = await startTestApp({ now: '2026-07-01T00:30:00Z' });
    org = await makeOrganization(t.ctx, 'csirt', 'Example CSIRT');
  });
  after(() => t.close());

  it('shows the profile, the organization and the role, with times in the viewer’s zone', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'org_admin' });
    const b = await signIn(t, u.email, u.password);
    const res = await b.get('/account');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.ok(res.body.includes(u.email));
    assert.match(res.body, /Example CSIRT（日本語）/);
    assert.match(res.body, /組織管理者/);
    assert.match(res.body, /<option value="Asia\/Tokyo" selected/);
  });

  it('sends visitors who are not signed in to log in first', async () => {
    const res = await new Browser(t).get('/account');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login?returnTo=%2Faccount');
  });

  it('changes language and time zone: pages follow at once, and so do times', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    await b.post('/account/tokens', { tokenName: 'zone check', tokenExpiry: '30' });
    const before = await b.get('/account');
    assert.match(before.body, /2026-07-01 09:30 JST \(UTC\+09:00\)/);
    const res = await b.post('/account/preferences', { locale: 'en', timeZone: 'UTC' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account?notice=preferences');
    assert.ok(res.cookies.some((c) => c.name === 'keikai_lang' && c.value === 'en'));
    const after = await b.get('/account?notice=preferences');
    assert.match(after.body, /<html lang="en"/);
    assert.match(after.body, /Your preferences have been saved/);
    assert.match(after.body, /2026-07-01 00:30 UTC \(UTC\+00:00\)/);
    assert.match(after.body, /<option value="UTC" selected/);
    const row = await t.ctx.db
      .selectFrom('users')
      .select(['locale', 'time_zone'])
      .where('id', '=', u.userId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { locale: 'en', time_zone: 'UTC' });
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', u.userId)
      .execute();
    assert.ok(events.some((e) => e.type === 'user.preferences_updated'));
  });

  it('refuses an unknown time zone in the user’s language and changes nothing', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    const ja = await b.post('/account/preferences', { locale: 'ja', timeZone: 'Mars/Olympus_Mons' });
    assert.equal(ja.statusCode, 400);
    assert.match(ja.body, /タイムゾーンを一覧から選んでください/);
    const bad = await b.post('/account/preferences', { locale: 'xx', timeZone: 'UTC' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /一覧から選んでください/);
    await b.post('/account/preferences', { locale: 'en', timeZone: 'Asia/Tokyo' });
    const en = await b.post('/account/preferences', { locale: 'en', timeZone: 'Nowhere/City' });
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /Please choose a time zone from the list/);
    const row = await t.ctx.db
      .selectFrom('users')
      .select('time_zone')
      .where('id', '=', u.userId)
      .executeTakeFirstOrThrow();
    assert.equal(row.time_zone, 'Asia/Tokyo');
  });

  it('changes the password: the current one is required, other sessions end, this one carries on', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member', locale: 'en' });
    const other = await signIn(t, u.email, u.password);
    const b = await signIn(t, u.email, u.password);
    const next = 'another long passphrase';
    const wrong = await b.post('/account/password', {
      currentPassword: 'wrong one',
      newPassword: next,
      newPasswordConfirm: next,
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /The current password is not correct/);
    assert.doesNotMatch(wrong.body, new RegExp(next));
    const mismatch = await b.post('/account/password', {
      currentPassword: u.password,
      newPassword: next,
      newPasswordConfirm: 'something else entirely',
    });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /The two passwords do not match/);
    const old = b.cookies.get('keikai_session');
    const ok = await b.post('/account/password', {
      currentPassword: u.password,
      newPassword: next,
      newPasswordConfirm: next,
    });
    assert.equal(ok.statusCode, 303);
    assert.notEqual(b.cookies.get('keikai_session'), old, 'a fresh session for this browser');
    assert.equal((await b.get('/account')).statusCode, 200);
    assert.equal((await other.get('/account')).statusCode, 303);
    await signIn(t, u.email, next);
    const mails = await mailTo(t, u.email);
    assert.deepEqual(
      mails.map((m) => [m.template, m.locale]),
      [['accounts.mail.passwordChanged', 'en']],
    );
  });

  it('logs out everywhere', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const one = await signIn(t, u.email, u.password);
    const two = await signIn(t, u.email, u.password);
    const res = await one.post('/account/sessions/revoke');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/login?notice=signedOutEverywhere');
    assert.equal((await one.get('/account')).statusCode, 303);
    assert.equal((await two.get('/account')).statusCode, 303);
  });

  it('rejects a form without its CSRF token', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    const res = await b.post('/account/preferences', { locale: 'en', timeZone: 'UTC' }, { csrf: false });
    assert.equal(res.statusCode, 403);
  });
});
