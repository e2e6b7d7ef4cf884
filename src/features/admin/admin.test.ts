// The administration pages: who may see and do what, registering organizations, creating, inviting and
// disabling users.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyPassword } from '../../platform/auth/passwords.js';
import { actorFromApiToken, actorFromSession } from '../../platform/auth/sessions.js';
import { sha256Hex } from '../../platform/crypto.js';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { TestBrowser, textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';

describe('administration pages', () => {
  let t: TestApp;
  const org = { reception: '', vendorA: '', vendorB: '' };
  const u = { staffAdmin: '', handler: '', adminA: '', memberA: '', adminB: '' };
  const email = { memberA: '' };

  before(async () => {
    t = await startTestApp();
    org.reception = await makeOrganization(t.ctx, 'reception_body', 'Reception');
    org.vendorA = await makeOrganization(t.ctx, 'product_developer', 'Vendor A');
    org.vendorB = await makeOrganization(t.ctx, 'product_developer', 'Vendor B');
    u.staffAdmin = (await makeUser(t.ctx, { organizationId: org.reception, role: 'admin' })).userId;
    u.handler = (await makeUser(t.ctx, { organizationId: org.reception, role: 'handler' })).userId;
    u.adminA = (await makeUser(t.ctx, { organizationId: org.vendorA, role: 'org_admin' })).userId;
    const memberA = await makeUser(t.ctx, { organizationId: org.vendorA, role: 'member' });
    u.memberA = memberA.userId;
    email.memberA = memberA.email;
    u.adminB = (await makeUser(t.ctx, { organizationId: org.vendorB, role: 'org_admin' })).userId;
  });
  after(() => t.close());

  it('sends an anonymous visitor to the login page, and back afterwards', async () => {
    for (const url of [
      '/admin/organizations',
      `/admin/organizations/${org.vendorA}`,
      '/admin/my-organization',
    ]) {
      const res = await new TestBrowser(t).get(url);
      assert.equal(res.status, 303, url);
      assert.equal(res.headers.location, `/login?returnTo=${encodeURIComponent(url)}`);
    }
  });

  it('lists organizations to staff with type, both names and active user count; others get 403', async () => {
    const handler = await signedIn(t, u.handler);
    const list = await handler.get('/admin/organizations');
    assert.equal(list.status, 200);
    const text = textOf(list.body);
    assert.match(text, /Vendor A（日本語） Vendor A 製品開発者 2/);
    assert.match(text, /Reception（日本語） Reception 受付機関 2/);
    assert.match(list.body, /<caption>組織の一覧<\/caption>/);

    const filtered = await handler.get('/admin/organizations?type=reception_body');
    assert.match(filtered.body, /Reception（日本語）/);
    assert.doesNotMatch(filtered.body, /Vendor A（日本語）/);

    const searched = await handler.get('/admin/organizations?q=vendor%20b');
    assert.match(textOf(searched.body), /Vendor B（日本語） Vendor B 製品開発者 1/);
    assert.doesNotMatch(searched.body, /Vendor A/);

    // an English-speaking viewer sees the English name first, the Japanese one marked as Japanese
    const en = await makeUser(t.ctx, { organizationId: org.reception, role: 'lead', locale: 'en' });
    const english = await (await signedIn(t, en.userId)).get('/admin/organizations?q=vendor%20b');
    assert.match(textOf(english.body), /Vendor B Vendor B（日本語） Product developer 1/);
    assert.match(english.body, /<td lang="ja">Vendor B（日本語）<\/td>/);

    for (const who of [u.memberA, u.adminA]) {
      const res = await (await signedIn(t, who)).get('/admin/organizations');
      assert.equal(res.status, 403);
    }
  });

  it('shows an organization admin its own organization with users and MFA, and 404 for any other', async () => {
    const adminA = await signedIn(t, u.adminA);
    const own = await adminA.get(`/admin/organizations/${org.vendorA}`);
    assert.equal(own.status, 200);
    assert.match(textOf(own.body), new RegExp(`${email.memberA.replace(/\./g, '\\.')} メンバー なし 有効`));
    assert.match(own.body, /<caption>この組織の利用者<\/caption>/);

    assert.equal((await adminA.get(`/admin/organizations/${org.vendorB}`)).status, 404);
    assert.equal((await adminA.get(`/admin/organizations/${org.reception}`)).status, 404);
    assert.equal((await adminA.get('/admin/organizations/00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await adminA.get('/admin/organizations/not-a-uuid')).status, 404);

    const my = await adminA.get('/admin/my-organization');
    assert.equal(my.status, 303);
    assert.equal(my.headers.location, `/admin/organizations/${org.vendorA}`);
  });

  it('shows a member its organization but not the users', async () => {
    const member = await signedIn(t, u.memberA);
    const page = await member.get(`/admin/organizations/${org.vendorA}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Vendor A（日本語）/);
    assert.doesNotMatch(page.body, /この組織の利用者/);
    assert.equal((await member.get(`/admin/organizations/${org.vendorA}/users/new`)).status, 403);
  });

  it('lets a staff admin register an organization, with field errors in the form when input is wrong', async () => {
    const admin = await signedIn(t, u.staffAdmin);
    assert.equal((await admin.get('/admin/organizations/new')).status, 200);

    const bad = await admin.post(
      '/admin/organizations',
      { type: 'critical_infrastructure', nameJa: '東京電気', nameEn: '', sector: '' },
      '/admin/organizations/new',
    );
    assert.equal(bad.status, 400);
    assert.match(bad.body, /重要インフラ事業者には分野を/);
    assert.match(bad.body, /value="東京電気"/);
    assert.match(bad.body, /<option value="critical_infrastructure" selected/);

    const ok = await admin.post('/admin/organizations', {
      type: 'critical_infrastructure',
      nameJa: '東京電気',
      nameEn: 'Tokyo Electric',
      sector: 'electricity',
    });
    assert.equal(ok.status, 303);
    const location = String(ok.headers.location);
    assert.match(location, /^\/admin\/organizations\/[0-9a-f-]{36}\?notice=created$/);
    const page = await admin.get(location);
    assert.match(page.body, /組織を登録しました/);
    assert.match(textOf(page.body), /重要インフラ分野 電力/);
  });

  it('refuses registration to staff who are not admins, and to a form without its CSRF token', async () => {
    const handler = await signedIn(t, u.handler);
    assert.equal((await handler.get('/admin/organizations/new')).status, 403);
    const res = await handler.post('/admin/organizations', {
      type: 'csirt',
      nameJa: 'x',
      nameEn: 'x',
      sector: '',
    });
    assert.equal(res.status, 403);
    const admin = await signedIn(t, u.staffAdmin);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/admin/organizations',
      payload: 'type=csirt&nameJa=x&nameEn=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie },
    });
    assert.equal(noCsrf.statusCode, 403);
  });

  it('lets a staff admin create a user; the generated password is shown once and works', async () => {
    const admin = await signedIn(t, u.staffAdmin);
    const res = await admin.post(`/admin/organizations/${org.vendorA}/users`, {
      email: 'New.Person@Example.test',
      displayName: '新しい 利用者',
      role: 'org_admin',
      locale: 'en',
    });
    assert.equal(res.status, 200);
    const password = /<code>([^<]+)<\/code>/.exec(res.body)?.[1];
    assert.ok(password && password.length >= 12);
    const row = await t.ctx.db
      .selectFrom('users')
      .select(['role', 'organization_id', 'locale', 'password_hash'])
      .where('email', '=', 'new.person@example.test')
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.role, row.organization_id, row.locale], ['org_admin', org.vendorA, 'en']);
    assert.ok(await verifyPassword(row.password_hash, password));
    assert.ok(!row.password_hash!.includes(password));

    const again = await admin.post(`/admin/organizations/${org.vendorA}/users`, {
      email: 'new.person@example.test',
      displayName: 'Twice',
      role: 'member',
      locale: 'ja',
    });
    assert.equal(again.status, 400);
    assert.match(again.body, /このメールアドレスはすでに登録されています。/);
  });

  it('lets an organization admin create members of its own organization only, with its own roles only', async () => {
    const adminA = await signedIn(t, u.adminA);
    const form = await adminA.get(`/admin/organizations/${org.vendorA}/users/new`);
    assert.equal(form.status, 200);
    assert.match(form.body, /<option value="member"/);
    assert.doesNotMatch(form.body, /<option value="admin"/);

    const staffRole = await adminA.post(`/admin/organizations/${org.vendorA}/users`, {
      email: 'sneaky@example.test',
      displayName: 'Sneaky',
      role: 'admin',
      locale: 'ja',
    });
    assert.equal(staffRole.status, 400);
    assert.match(staffRole.body, /この役割を与えることはできません。/);

    const elsewhere = await adminA.post(`/admin/organizations/${org.vendorB}/users`, {
      email: 'elsewhere@example.test',
      displayName: 'Elsewhere',
      role: 'member',
      locale: 'ja',
    });
    assert.equal(elsewhere.status, 404);

    const ok = await adminA.post(`/admin/organizations/${org.vendorA}/users`, {
      email: 'colleague@example.test',
      displayName: 'Colleague',
      role: 'member',
      locale: 'ja',
    });
    assert.equal(ok.status, 200);
  });

  it('invites by e-mail: the invitation is listed on the organization page and a mail is queued', async () => {
    const admin = await signedIn(t, u.staffAdmin);
    const res = await admin.post(`/admin/organizations/${org.vendorB}/invitations`, {
      email: 'invitee@example.test',
      displayName: '',
      role: 'member',
      locale: 'ja',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `/admin/organizations/${org.vendorB}?notice=invited`);
    const page = await (await signedIn(t, u.adminB)).get(`/admin/organizations/${org.vendorB}`);
    assert.match(textOf(page.body), /承諾待ちの招待 .*invitee@example\.test/);
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .select('id')
      .where('to_address', '=', 'invitee@example.test')
      .execute();
    assert.equal(mail.length, 1);
  });

  it('disables a user: sessions and API tokens are revoked at once, with an event and an audit entry', async () => {
    const victim = await makeUser(t.ctx, { organizationId: org.vendorA, role: 'member' });
    const victimBrowser = await signedIn(t, victim.userId);
    assert.equal((await victimBrowser.get(`/admin/organizations/${org.vendorA}`)).status, 200);
    const apiToken = `kk_abcdefgh_${'x'.repeat(32)}`;
    await t.ctx.db
      .insertInto('api_tokens')
      .values({ user_id: victim.userId, name: 'ci', token_hash: sha256Hex(apiToken), prefix: 'abcdefgh' })
      .execute();
    assert.ok(await actorFromApiToken(t.ctx.db, t.clock, apiToken));

    const adminA = await signedIn(t, u.adminA);
    const confirm = await adminA.get(`/admin/users/${victim.userId}/disable`);
    assert.equal(confirm.status, 200);
    assert.match(confirm.body, /無効にしますか/);
    const res = await adminA.post(`/admin/users/${victim.userId}/disable`, {});
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, `/admin/organizations/${org.vendorA}?notice=disabled`);

    const after = await victimBrowser.get(`/admin/organizations/${org.vendorA}`);
    assert.equal(after.status, 303, 'the old session no longer signs anyone in');
    assert.equal(await actorFromApiToken(t.ctx.db, t.clock, apiToken), null);
    const sessions = await t.ctx.db
      .selectFrom('sessions')
      .select('revoked_at')
      .where('user_id', '=', victim.userId)
      .execute();
    assert.ok(sessions.length > 0 && sessions.every((s) => s.revoked_at !== null));
    const event = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', victim.userId)
      .where('type', '=', 'user.disabled')
      .executeTakeFirst();
    assert.ok(event);
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'detail'])
      .where('action', '=', 'user.disabled')
      .where('subject_id', '=', victim.userId)
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_user_id, u.adminA);
    assert.deepEqual(entry.detail, { organizationId: org.vendorA, revokedTokens: 1 });

    const page = await adminA.get(`/admin/organizations/${org.vendorA}?notice=disabled`);
    assert.match(page.body, /利用者を無効にしました/);
    assert.doesNotMatch(page.body, new RegExp(`/admin/users/${victim.userId}/disable`));
  });

  it('does not let anyone disable themselves, staff who are not admins, or admins of another organization', async () => {
    const admin = await signedIn(t, u.staffAdmin);
    const self = await admin.post(`/admin/users/${u.staffAdmin}/disable`, {});
    assert.equal(self.status, 403);
    assert.match(self.body, /自分自身を無効にすることはできません。/);

    const handler = await signedIn(t, u.handler);
    assert.equal((await handler.post(`/admin/users/${u.memberA}/disable`, {})).status, 403);
    const adminB = await signedIn(t, u.adminB);
    assert.equal((await adminB.post(`/admin/users/${u.memberA}/disable`, {})).status, 404);
    assert.equal((await adminB.get(`/admin/users/${u.memberA}/disable`)).status, 404);

    const still = await t.ctx.db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', 'in', [u.staffAdmin, u.memberA])
      .execute();
    assert.ok(still.every((r) => r.disabled_at === null));
    const session = await signedIn(t, u.memberA);
    assert.ok(await actorFromSession(t.ctx.db, t.ctx, /keikai_session=([^;]+)/.exec(session.cookie)![1]!));
  });
});
