import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { enrolTotp } from '../../testing/login.js';
import { inviteUser } from './invite-user.js';
import { linkIn, mailTo } from './testing.js';

const PASSWORD = 'invited person passphrase';
let counter = 0;
const address = () => `invitee${++counter}@example.test`;

describe('invitations', () => {
  let t: TestApp;
  let reception: string;
  let vendor: string;
  let staffAdmin: UserActor;
  let vendorAdmin: UserActor;

  const actor = async (
    organizationId: string,
    role: 'admin' | 'org_admin',
    type: UserActor['organizationType'],
  ) => {
    const u = await makeUser(t.ctx, { organizationId, role });
    return {
      kind: 'user',
      userId: u.userId,
      email: u.email,
      displayName: `Inviter ${u.userId.slice(0, 4)}`,
      role,
      organizationId,
      organizationType: type,
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      via: 'session',
    } satisfies UserActor;
  };

  async function invitationLink(email: string): Promise<string> {
    const [mail] = await mailTo(t, email);
    assert.ok(mail, 'an invitation mail was queued');
    return linkIn(mail.body_text, '/invitations/');
  }

  before(async () => {
    t = await startTestApp({ now: '2026-06-01T00:00:00Z' });
    reception = await makeOrganization(t.ctx, 'reception_body');
    vendor = await makeOrganization(t.ctx, 'product_developer', 'Acme Devices');
    staffAdmin = await actor(reception, 'admin', 'reception_body');
    vendorAdmin = await actor(vendor, 'org_admin', 'product_developer');
  });
  after(() => t.close());

  it('mails an invitation in the invitee’s language and records who invited', async () => {
    const email = address();
    const { invitationId, expiresAt } = await inviteUser(t.ctx, vendorAdmin, {
      email: email.toUpperCase(),
      organizationId: vendor,
      role: 'member',
      locale: 'en',
    });
    assert.equal(expiresAt.getTime() - t.clock.now().getTime(), 7 * 86_400_000);
    const [mail] = await mailTo(t, email);
    assert.equal(mail?.locale, 'en');
    assert.equal(mail?.template, 'accounts.mail.invitation');
    assert.match(mail!.subject, /Invitation to Acme Devices/);
    assert.match(mail!.body_text, new RegExp(`${vendorAdmin.displayName} has invited you`));
    const token = await t.ctx.db
      .selectFrom('mail_tokens')
      .selectAll()
      .where('id', '=', invitationId)
      .executeTakeFirstOrThrow();
    assert.equal(token.purpose, 'invitation');
    assert.equal(token.created_by, vendorAdmin.userId);
    assert.equal(token.email, email);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'user.invited')
      .execute();
    assert.ok(audit.some((a) => (a.detail as { invitationId: string }).invitationId === invitationId));
  });

  it('lets an invitee see the organization and role, create the account and be signed in', async () => {
    const email = address();
    await inviteUser(t.ctx, vendorAdmin, {
      email,
      organizationId: vendor,
      role: 'member',
      locale: 'ja',
      displayName: '山田 花子',
    });
    const link = await invitationLink(email);
    const b = new Browser(t);
    const page = await b.get(link);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Acme Devices（日本語）/);
    assert.match(page.body, /メンバー/);
    assert.ok(page.body.includes('value="山田 花子"'));
    const res = await b.post(link, {
      displayName: '山田 花子',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
    const account = await b.get('/account');
    assert.equal(account.statusCode, 200);
    assert.ok(account.body.includes(email));
    const user = await t.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.equal(user.role, 'member');
    assert.equal(user.organization_id, vendor);
    assert.equal(user.display_name, '山田 花子');
    const [created] = await t.ctx.db
      .selectFrom('events')
      .selectAll()
      .where('stream_id', '=', user.id)
      .execute();
    assert.equal(created?.type, 'user.created');
    assert.equal(created?.actor_user_id, vendorAdmin.userId);
    assert.equal((created?.data as { invitedBy?: string } | undefined)?.invitedBy, vendorAdmin.userId);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('subject_id', '=', user.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.actor_label]),
      [
        ['user.created', 'system:invitation'],
        ['invitation.accepted', 'system:invitation'],
      ],
    );
    // the link is spent
    const again = await new Browser(t).get(link);
    assert.equal(again.statusCode, 410);
  });

  it('sends invited staff on to set up two-step verification', async () => {
    const email = address();
    await inviteUser(t.ctx, staffAdmin, { email, organizationId: reception, role: 'handler', locale: 'ja' });
    const link = await invitationLink(email);
    const b = new Browser(t);
    const res = await b.post(link, { displayName: 'Handler', password: PASSWORD, passwordConfirm: PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/mfa/setup');
    assert.equal((await b.get('/account')).statusCode, 303);
    await enrolTotp(b);
    assert.equal((await b.get('/account')).statusCode, 200);
  });

  it('refuses an expired invitation with a clear page, in English when asked', async () => {
    const email = address();
    await inviteUser(t.ctx, vendorAdmin, { email, organizationId: vendor, role: 'member', locale: 'en' });
    const link = await invitationLink(email);
    t.clock.advance(7 * 86_400_000 + 1);
    const b = new Browser(t, { acceptLanguage: 'en' });
    const page = await b.get(link);
    assert.equal(page.statusCode, 410);
    assert.match(page.body, /This link has expired/);
    assert.match(page.body, /ask the administrator/);
    const post = await b.post(link, { displayName: 'Late', password: PASSWORD, passwordConfirm: PASSWORD });
    assert.equal(post.statusCode, 410);
    assert.equal(
      await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
      undefined,
    );
    assert.equal((await new Browser(t).get('/invitations/unknown-token')).statusCode, 404);
  });

  it('refuses to invite an address that already has an account, writing nothing', async () => {
    const existing = await makeUser(t.ctx, { organizationId: vendor, role: 'member' });
    const before = await t.ctx.db.selectFrom('mail_tokens').select('id').execute();
    await assert.rejects(
      inviteUser(t.ctx, vendorAdmin, {
        email: existing.email,
        organizationId: vendor,
        role: 'member',
        locale: 'ja',
      }),
      (err: unknown) => err instanceof AppError && err.code === 'conflict',
    );
    assert.equal((await t.ctx.db.selectFrom('mail_tokens').select('id').execute()).length, before.length);
    assert.equal((await mailTo(t, existing.email)).length, 0);
  });

  it('says an address was registered meanwhile when a second invitation is opened', async () => {
    const email = address();
    await inviteUser(t.ctx, vendorAdmin, { email, organizationId: vendor, role: 'member', locale: 'ja' });
    const first = await invitationLink(email);
    await inviteUser(t.ctx, vendorAdmin, { email, organizationId: vendor, role: 'org_admin', locale: 'ja' });
    const [second] = await mailTo(t, email);
    const secondLink = linkIn(second!.body_text, '/invitations/');
    assert.notEqual(first, secondLink);
    assert.equal(
      (
        await new Browser(t).post(secondLink, {
          displayName: 'A',
          password: PASSWORD,
          passwordConfirm: PASSWORD,
        })
      ).statusCode,
      303,
    );
    const late = await new Browser(t).post(first, {
      displayName: 'B',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /すでに登録されています/);
    const users = await t.ctx.db.selectFrom('users').select('role').where('email', '=', email).execute();
    assert.deepEqual(users, [{ role: 'org_admin' }]);
  });

  it('keeps the name and explains password problems without creating anything', async () => {
    const email = address();
    await inviteUser(t.ctx, vendorAdmin, { email, organizationId: vendor, role: 'member', locale: 'ja' });
    const link = await invitationLink(email);
    const res = await new Browser(t).post(link, {
      displayName: '佐藤',
      password: 'short',
      passwordConfirm: 'other',
    });
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes('value="佐藤"'));
    assert.match(res.body, /12文字以上/);
    assert.equal(
      await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
      undefined,
    );
    assert.equal((await new Browser(t).get(link)).statusCode, 200, 'the link still works');
  });

  it('lets only those allowed invite, and only to roles they may grant', async () => {
    const email = address();
    const staffRole = { email, organizationId: vendor, role: 'admin' as const, locale: 'ja' as const };
    await assert.rejects(
      inviteUser(t.ctx, vendorAdmin, staffRole),
      (err: unknown) => err instanceof AppError && err.code === 'forbidden',
    );
    const otherOrg = await makeOrganization(t.ctx, 'product_developer');
    await assert.rejects(
      inviteUser(t.ctx, vendorAdmin, { email, organizationId: otherOrg, role: 'member', locale: 'ja' }),
      (err: unknown) => err instanceof AppError && err.code === 'forbidden',
    );
    await assert.rejects(
      inviteUser(t.ctx, staffAdmin, { email, organizationId: reception, role: 'member', locale: 'ja' }),
      (err: unknown) => err instanceof AppError && err.code === 'forbidden',
    );
    await assert.rejects(
      inviteUser(
        t.ctx,
        { ...vendorAdmin, via: 'token' },
        { email, organizationId: vendor, role: 'member', locale: 'ja' },
      ),
      (err: unknown) => err instanceof AppError && err.code === 'forbidden',
    );
    assert.equal((await mailTo(t, email)).length, 0);
  });
});
