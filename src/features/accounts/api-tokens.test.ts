import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '../../platform/crypto.js';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { signIn } from '../../testing/login.js';

const tokenIn = (html: string) => /id="new-token"[^>]*>(kk_[A-Za-z0-9_-]+)</.exec(html)?.[1];

describe('API tokens', () => {
  let t: TestApp;
  let org: string;
  before(async () => {
    t = await startTestApp({ now: '2026-08-01T00:00:00Z' });
    org = await makeOrganization(t.ctx, 'product_developer', 'Token Maker');
  });
  after(() => t.close());

  it('creates a token, shows it once, and stores only its digest', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    const res = await b.post('/account/tokens', { tokenName: 'CI pipeline', tokenExpiry: '90' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const token = tokenIn(res.body);
    assert.ok(token);
    const row = await t.ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', u.userId)
      .executeTakeFirstOrThrow();
    assert.equal(row.token_hash, sha256Hex(token));
    assert.equal(row.name, 'CI pipeline');
    assert.ok(token.startsWith(`kk_${row.prefix}_`));
    assert.equal(row.expires_at?.getTime(), t.clock.now().getTime() + 90 * 86_400_000);
    const later = await b.get('/account');
    assert.ok(!later.body.includes(token), 'never shown again');
    assert.ok(later.body.includes(`kk_${row.prefix}_…`));
    assert.match(later.body, /CI pipeline/);
  });

  it('lets a bearer token call the API as its user, and nothing else does', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'org_admin' });
    const b = await signIn(t, u.email, u.password);
    const token = tokenIn(
      (await b.post('/account/tokens', { tokenName: 'api', tokenExpiry: 'never' })).body,
    )!;
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    const body = me.json();
    assert.equal(body.id, u.userId);
    assert.equal(body.email, u.email);
    assert.equal(body.role, 'org_admin');
    assert.deepEqual(body.organization, {
      id: org,
      type: 'product_developer',
      nameJa: 'Token Maker（日本語）',
      nameEn: 'Token Maker',
    });
    const cookieOnly = await b.get('/api/v1/me');
    assert.equal(cookieOnly.statusCode, 401);
    assert.equal(cookieOnly.json().error.code, 'unauthenticated');
    const bogus = await t.app.inject({
      url: '/api/v1/me',
      headers: { authorization: 'Bearer kk_abcdefgh_notarealtokennotarealtoken' },
    });
    assert.equal(bogus.statusCode, 401);
  });

  it('revokes one’s own token; a revoked token stops working', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    const token = tokenIn((await b.post('/account/tokens', { tokenName: 'temp', tokenExpiry: '30' })).body)!;
    const row = await t.ctx.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', u.userId)
      .executeTakeFirstOrThrow();
    const res = await b.post(`/account/tokens/${row.id}/revoke`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account?notice=tokenRevoked');
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 401);
    assert.doesNotMatch((await b.get('/account')).body, /temp<\/td>/);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', u.userId)
      .execute();
    assert.ok(audit.some((a) => a.action === 'api_token.created'));
    assert.ok(audit.some((a) => a.action === 'api_token.revoked'));
  });

  it('answers "not found" when someone tries to revoke another person’s token', async () => {
    const owner = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const other = await makeUser(t.ctx, { organizationId: org, role: 'org_admin' });
    const ob = await signIn(t, owner.email, owner.password);
    const token = tokenIn((await ob.post('/account/tokens', { tokenName: 'mine', tokenExpiry: '30' })).body)!;
    const row = await t.ctx.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    const b = await signIn(t, other.email, other.password);
    assert.equal((await b.post(`/account/tokens/${row.id}/revoke`)).statusCode, 404);
    assert.equal((await b.post('/account/tokens/not-a-uuid/revoke')).statusCode, 404);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
  });

  it('stops accepting a token once it has expired', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member' });
    const b = await signIn(t, u.email, u.password);
    const token = tokenIn((await b.post('/account/tokens', { tokenName: 'short', tokenExpiry: '30' })).body)!;
    t.clock.advance(30 * 86_400_000 + 1000);
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 401);
  });

  it('explains a missing token name in the user’s language', async () => {
    const u = await makeUser(t.ctx, { organizationId: org, role: 'member', locale: 'en' });
    const b = await signIn(t, u.email, u.password);
    const res = await b.post('/account/tokens', { tokenName: '', tokenExpiry: '30' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Please fill this in/);
    assert.equal(
      await t.ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', u.userId).executeTakeFirst(),
      undefined,
    );
  });

  it('documents GET /api/v1/me in the OpenAPI document, with bearer security', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/me']?.get;
    assert.ok(op);
    assert.deepEqual(op.security, [{ bearer: [] }]);
    assert.ok(op.responses['200'].content['application/json'].schema.properties.organization);
    assert.equal(doc.paths['/login'], undefined, 'HTML routes are not in the API document');
  });
});
