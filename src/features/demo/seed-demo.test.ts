import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { requiresMfa } from '../../platform/auth/actor.js';
import { PASSWORD_MIN_LENGTH, verifyPassword } from '../../platform/auth/passwords.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { type DemoCredential, formatCredentials, seedDemo } from './seed-demo.js';

describe('the demo seed', () => {
  let t: TestApp;
  let creds: DemoCredential[];
  before(async () => {
    t = await startTestApp();
    const first = await seedDemo(t.ctx);
    assert.ok(first, 'the first seed returns credentials');
    creds = first;
  });
  after(() => t.close());

  it('seeds only once: a second call returns null and adds nothing', async () => {
    const users = await t.ctx.db.selectFrom('users').select('id').execute();
    assert.equal(await seedDemo(t.ctx), null);
    assert.equal((await t.ctx.db.selectFrom('users').select('id').execute()).length, users.length);
  });

  it('creates the five demo organizations, one of each kind of party', async () => {
    const orgs = await t.ctx.db
      .selectFrom('organizations')
      .select(['type', 'name_en', 'name_ja', 'sector'])
      .orderBy('name_en')
      .execute();
    assert.deepEqual(
      orgs.map((o) => [o.name_en, o.type]),
      [
        ['Demo Coordination Body', 'coordination_body'],
        ['Demo Developer A Inc.', 'product_developer'],
        ['Demo Developer B LLC', 'product_developer'],
        ['Demo Reception Body', 'reception_body'],
        ['Demo Website Operator', 'website_operator'],
      ],
    );
    assert.ok(orgs.every((o) => o.name_ja.length > 0 && o.sector === null));
  });

  it('creates seven users with the roles described, each in the right organization', async () => {
    const users = await t.ctx.db
      .selectFrom('users')
      .leftJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.email', 'users.role', 'organizations.name_en as org'])
      .orderBy('users.email')
      .execute();
    assert.deepEqual(
      users.map((u) => [u.email, u.role, u.org]),
      [
        ['admin@reception.demo.keikai.test', 'admin', 'Demo Reception Body'],
        ['finder@demo.keikai.test', 'finder', null],
        ['handler@reception.demo.keikai.test', 'handler', 'Demo Reception Body'],
        ['lead@coordination.demo.keikai.test', 'lead', 'Demo Coordination Body'],
        ['psirt@vendor-a.demo.keikai.test', 'org_admin', 'Demo Developer A Inc.'],
        ['security@vendor-b.demo.keikai.test', 'org_admin', 'Demo Developer B LLC'],
        ['webmaster@operator.demo.keikai.test', 'org_admin', 'Demo Website Operator'],
      ],
    );
    assert.equal(creds.length, 7);
    assert.deepEqual(creds.map((c) => c.email).sort(), users.map((u) => u.email).sort());
  });

  it('returns a distinct password per account that is long enough and actually works', async () => {
    assert.equal(new Set(creds.map((c) => c.password)).size, creds.length);
    for (const c of creds) {
      assert.ok(c.password.length >= PASSWORD_MIN_LENGTH, `${c.email}: ${c.password.length} characters`);
      const row = await t.ctx.db
        .selectFrom('users')
        .select('password_hash')
        .where('email', '=', c.email)
        .executeTakeFirstOrThrow();
      assert.ok(row.password_hash?.startsWith('$argon2id$'), 'stored as an argon2id hash');
      assert.equal(await verifyPassword(row.password_hash, c.password), true, c.email);
    }
  });

  it('flags exactly the staff accounts as needing MFA, as the login will require', async () => {
    const users = await t.ctx.db
      .selectFrom('users')
      .leftJoin('organizations', 'organizations.id', 'users.organization_id')
      .select(['users.email', 'users.role', 'organizations.type'])
      .execute();
    for (const c of creds) {
      const u = users.find((x) => x.email === c.email)!;
      assert.equal(c.mfa, requiresMfa(u.role, u.type), c.email);
    }
    assert.deepEqual(
      creds
        .filter((c) => c.mfa)
        .map((c) => c.role)
        .sort(),
      ['admin', 'handler', 'lead'],
    );
  });

  it('records that it seeded, and writes who created each account to the audit trail', async () => {
    const setting = await t.ctx.db
      .selectFrom('settings')
      .select('key')
      .where('key', '=', 'demo.seeded')
      .execute();
    assert.equal(setting.length, 1);
    const created = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_label'])
      .where('action', '=', 'user.created')
      .execute();
    assert.equal(created.length, 7);
    assert.ok(created.every((r) => r.actor_label.includes('seed-demo')));
  });

  it('prints one line per account with its password, marking the MFA ones', () => {
    const text = formatCredentials(creds);
    for (const c of creds) {
      const line = text.split('\n').find((l) => l.includes(c.email));
      assert.ok(line?.includes(c.password), c.email);
      assert.equal(line?.includes(', MFA'), c.mfa, c.email);
    }
  });
});

describe('an interrupted demo seed', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('carries on where it stopped instead of failing on the accounts already made', async () => {
    const { createOrganization } = await import('../admin/create-organization.js');
    const { createUser } = await import('../accounts/create-user.js');
    const system = { kind: 'system' as const, label: 'test' };
    // the first run made the reception body and its admin, then stopped
    const { organizationId } = await createOrganization(t.ctx, system, {
      type: 'reception_body',
      nameJa: 'デモ受付機関',
      nameEn: 'Demo Reception Body',
    });
    await createUser(t.ctx, system, {
      email: 'admin@reception.demo.keikai.test',
      displayName: 'x',
      organizationId,
      role: 'admin',
    });
    const creds = await seedDemo(t.ctx);
    assert.ok(creds);
    assert.equal(creds.length, 7);
    assert.match(creds.find((c) => c.email.startsWith('admin@'))!.password, /created earlier/);
    const orgs = await t.ctx.db.selectFrom('organizations').select('id').execute();
    assert.equal(orgs.length, 5);
    assert.equal(await seedDemo(t.ctx), null);
  });
});
