import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../features/accounts/create-api-token.js';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { sha256Hex } from '../crypto.js';
import {
  actorFromApiToken,
  actorFromSession,
  createSession,
  revokeAllSessions,
  revokeSession,
  sessionCookieName,
} from './sessions.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const system = { kind: 'system' as const, label: 'test' };

describe('sessions and API tokens', () => {
  let t: TestApp;
  let vendorOrg: string;
  let receptionOrg: string;
  before(async () => {
    t = await startTestApp({ now: '2026-04-01T00:00:00.000Z' });
    vendorOrg = await makeOrganization(t.ctx, 'product_developer');
    receptionOrg = await makeOrganization(t.ctx, 'reception_body');
  });
  after(() => t.close());

  const deps = () => ({ clock: t.clock, config: t.ctx.config });
  const newSession = (userId: string, mfaVerified = false) =>
    createSession(t.ctx.db, deps(), { userId, mfaVerified, ip: '192.0.2.1', userAgent: 'test' });
  const load = (token: string) => actorFromSession(t.ctx.db, deps(), token);

  it('loads the user behind a new session', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member', locale: 'en' });
    const token = await newSession(u.userId);
    const actor = await load(token);
    assert.equal(actor?.kind, 'user');
    assert.ok(actor?.kind === 'user');
    assert.equal(actor.userId, u.userId);
    assert.equal(actor.email, u.email);
    assert.equal(actor.role, 'member');
    assert.equal(actor.organizationId, vendorOrg);
    assert.equal(actor.organizationType, 'product_developer');
    assert.equal(actor.locale, 'en');
    assert.equal(actor.via, 'session');
  });

  it('knows nothing of an unknown or empty session token', async () => {
    assert.equal(await load('no-such-session'), null);
    assert.equal(await load(''), null);
  });

  it('stores only the token’s SHA-256, never the token itself', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const token = await newSession(u.userId);
    const rows = await t.ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', u.userId).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.id_hash, sha256Hex(token));
    assert.ok(!JSON.stringify(rows).includes(token));
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  });

  it('expires a session left idle longer than the idle limit', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const token = await newSession(u.userId);
    const idle = t.ctx.config.session.idleMinutes * MINUTE;
    t.clock.advance(idle - MINUTE);
    assert.ok(await load(token), 'still alive one minute before the idle limit');
    // that visit refreshed the idle timer: another almost-idle-limit wait is fine
    t.clock.advance(idle - MINUTE);
    assert.ok(await load(token), 'alive: the last visit restarted the idle timer');
    t.clock.advance(idle + 1);
    assert.equal(await load(token), null, 'gone after a full idle period');
    // and a later visit does not bring it back
    assert.equal(await load(token), null);
  });

  it('ends a session at the absolute limit however active it is', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const token = await newSession(u.userId);
    const max = t.ctx.config.session.maxHours * HOUR;
    // a visit every 30 minutes keeps it from idling
    for (let elapsed = 0; elapsed + 30 * MINUTE < max; elapsed += 30 * MINUTE) {
      t.clock.advance(30 * MINUTE);
      assert.ok(await load(token), `alive after ${(elapsed + 30 * MINUTE) / HOUR} h`);
    }
    t.clock.advance(30 * MINUTE);
    assert.equal(await load(token), null, `ended after ${t.ctx.config.session.maxHours} h`);
  });

  it('ends a revoked session (log out) and leaves the user’s other sessions', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const a = await newSession(u.userId);
    const b = await newSession(u.userId);
    await revokeSession(t.ctx.db, a, t.clock.now());
    assert.equal(await load(a), null);
    assert.ok(await load(b));
  });

  it('ends every session of one user (log out everywhere) and no one else’s', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const other = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const mine = [await newSession(u.userId), await newSession(u.userId), await newSession(u.userId)];
    const theirs = await newSession(other.userId);
    await revokeAllSessions(t.ctx.db, u.userId, t.clock.now());
    for (const token of mine) assert.equal(await load(token), null);
    assert.ok(await load(theirs));
  });

  it('refuses the session of a disabled user', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    const token = await newSession(u.userId);
    await t.ctx.db
      .updateTable('users')
      .set({ disabled_at: t.clock.now() })
      .where('id', '=', u.userId)
      .execute();
    assert.equal(await load(token), null);
  });

  it('refuses the sessions and tokens of users of a disabled organization', async () => {
    const org = await makeOrganization(t.ctx, 'website_operator');
    const u = await makeUser(t.ctx, { organizationId: org, role: 'org_admin' });
    const token = await newSession(u.userId);
    const api = await createApiToken(t.ctx, system, { userId: u.userId, name: 'ci' });
    assert.ok(await load(token));
    assert.ok(await actorFromApiToken(t.ctx.db, t.clock, api.token));
    await t.ctx.db
      .updateTable('organizations')
      .set({ disabled_at: t.clock.now() })
      .where('id', '=', org)
      .execute();
    assert.equal(await load(token), null);
    assert.equal(await actorFromApiToken(t.ctx.db, t.clock, api.token), null);
  });

  it('gives staff without a second factor only an MFA-pending actor', async () => {
    const staff = await makeUser(t.ctx, { organizationId: receptionOrg, role: 'handler' });
    const token = await newSession(staff.userId, false);
    const actor = await load(token);
    assert.deepEqual(actor, {
      kind: 'mfa_pending',
      userId: staff.userId,
      email: staff.email,
      locale: 'ja',
      timeZone: 'Asia/Tokyo',
      enrolled: false,
    });
    const verified = await newSession(staff.userId, true);
    assert.equal((await load(verified))?.kind, 'user');
  });

  it('asks a non-staff user who enrolled in TOTP for the second factor too', async () => {
    const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
    await t.ctx.db
      .updateTable('users')
      .set({ totp_enabled_at: t.clock.now() })
      .where('id', '=', u.userId)
      .execute();
    const actor = await load(await newSession(u.userId, false));
    assert.equal(actor?.kind, 'mfa_pending');
    assert.ok(actor?.kind === 'mfa_pending');
    assert.equal(actor.enrolled, true);
  });

  it('does not ask a finder or vendor member without TOTP for a second factor', async () => {
    const finder = await makeUser(t.ctx, { organizationId: null, role: 'finder' });
    const actor = await load(await newSession(finder.userId));
    assert.equal(actor?.kind, 'user');
    assert.ok(actor?.kind === 'user');
    assert.equal(actor.organizationId, null);
    assert.equal(actor.organizationType, null);
  });

  it('lets a staff API token act only once its owner has enrolled a second factor', async () => {
    const staff = await makeUser(t.ctx, { organizationId: receptionOrg, role: 'admin' });
    const api = await createApiToken(
      t.ctx,
      { kind: 'system', label: 'test' },
      { userId: staff.userId, name: 'ci' },
    );
    assert.equal(await actorFromApiToken(t.ctx.db, t.clock, api.token), null);
    await t.ctx.db
      .updateTable('users')
      .set({ totp_enabled_at: t.clock.now() })
      .where('id', '=', staff.userId)
      .execute();
    const actor = await actorFromApiToken(t.ctx.db, t.clock, api.token);
    assert.equal(actor?.kind, 'user');
    assert.equal(actor?.via, 'token');
  });

  it('names the cookie __Host- only when cookies are secure', () => {
    assert.equal(sessionCookieName({ ...t.ctx.config, secureCookies: true }), '__Host-keikai_session');
    assert.equal(sessionCookieName({ ...t.ctx.config, secureCookies: false }), 'keikai_session');
  });

  describe('API tokens', () => {
    it('acts as the token’s user, marked as coming from a token', async () => {
      const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'org_admin' });
      const { token } = await createApiToken(t.ctx, system, { userId: u.userId, name: 'ci' });
      assert.match(token, /^kk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
      const actor = await actorFromApiToken(t.ctx.db, t.clock, token);
      assert.equal(actor?.kind, 'user');
      assert.equal(actor?.userId, u.userId);
      assert.equal(actor?.via, 'token');
      assert.equal(actor?.organizationId, vendorOrg);
    });

    it('stores only the token’s hash and its public prefix', async () => {
      const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
      const { id, token } = await createApiToken(t.ctx, system, { userId: u.userId, name: 'ci' });
      const row = await t.ctx.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.token_hash, sha256Hex(token));
      assert.equal(token.split('_')[1], row.prefix);
      const secret = token.slice('kk_'.length + 8 + 1);
      assert.ok(!JSON.stringify(row).includes(secret));
      const auditRows = await t.ctx.db.selectFrom('audit_log').select('detail').execute();
      assert.ok(!JSON.stringify(auditRows).includes(secret), 'not in the audit trail either');
    });

    it('refuses a revoked token', async () => {
      const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
      const { id, token } = await createApiToken(t.ctx, system, { userId: u.userId, name: 'ci' });
      await t.ctx.db
        .updateTable('api_tokens')
        .set({ revoked_at: t.clock.now() })
        .where('id', '=', id)
        .execute();
      assert.equal(await actorFromApiToken(t.ctx.db, t.clock, token), null);
    });

    it('refuses a token after its expiry, and accepts it until then', async () => {
      const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
      const { token } = await createApiToken(t.ctx, system, {
        userId: u.userId,
        name: 'ci',
        expiresInDays: 1,
      });
      t.clock.advance(24 * HOUR - MINUTE);
      assert.ok(await actorFromApiToken(t.ctx.db, t.clock, token));
      t.clock.advance(MINUTE);
      assert.equal(await actorFromApiToken(t.ctx.db, t.clock, token), null);
    });

    it('refuses a token of a disabled user', async () => {
      const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
      const { token } = await createApiToken(t.ctx, system, { userId: u.userId, name: 'ci' });
      await t.ctx.db
        .updateTable('users')
        .set({ disabled_at: t.clock.now() })
        .where('id', '=', u.userId)
        .execute();
      assert.equal(await actorFromApiToken(t.ctx.db, t.clock, token), null);
    });

    it('refuses malformed tokens, and a well-formed token that was never issued', async () => {
      const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
      const { token } = await createApiToken(t.ctx, system, { userId: u.userId, name: 'ci' });
      const malformed = [
        '',
        'kk_',
        token.slice(3),
        `Bearer ${token}`,
        `${token} `,
        token.replace('kk_', 'KK_'),
        `kk_abc_${'x'.repeat(43)}`,
        `kk_${'a'.repeat(8)}_short`,
        `${token}\n`,
      ];
      for (const m of malformed)
        assert.equal(await actorFromApiToken(t.ctx.db, t.clock, m), null, JSON.stringify(m));
      const forged = `kk_${token.split('_')[1]}_${'A'.repeat(43)}`;
      assert.equal(await actorFromApiToken(t.ctx.db, t.clock, forged), null);
    });

    it('records when a token was last used', async () => {
      const u = await makeUser(t.ctx, { organizationId: vendorOrg, role: 'member' });
      const { id, token } = await createApiToken(t.ctx, system, { userId: u.userId, name: 'ci' });
      await actorFromApiToken(t.ctx.db, t.clock, token);
      const row = await t.ctx.db
        .selectFrom('api_tokens')
        .select('last_used_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.last_used_at?.toISOString(), t.clock.now().toISOString());
    });
  });
});
