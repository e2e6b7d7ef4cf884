// The directory's JSON API: a party reads its own entry and proposes changes with a bearer token (organization
// admins only; nothing changes before approval); staff look parties up; the session cookie grants nothing here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as openpgp from 'openpgp';
import { makeOrganization, makeUser, startTestApp, type TestApp } from '../../testing/app.js';
import { createApiToken } from '../accounts/create-api-token.js';
import { getContactWindow } from './contact-window.js';

describe('directory API', () => {
  let t: TestApp;
  const org = { coordination: '', dev: '', other: '' };
  const token = { admin: '', member: '', staff: '', other: '' };

  const tokenFor = async (userId: string) =>
    (await createApiToken(t.ctx, { kind: 'system', label: 'test' }, { userId, name: 'directory test' }))
      .token;
  const call = (tok: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...(tok ? { authorization: `Bearer ${tok}` } : {}), 'accept-language': 'en' },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  before(async () => {
    t = await startTestApp();
    org.coordination = await makeOrganization(t.ctx, 'coordination_body', 'Coordination');
    org.dev = await makeOrganization(t.ctx, 'product_developer', 'Api Dev');
    org.other = await makeOrganization(t.ctx, 'product_developer', 'Other Dev');
    token.admin = await tokenFor(
      (await makeUser(t.ctx, { organizationId: org.dev, role: 'org_admin', locale: 'en' })).userId,
    );
    token.member = await tokenFor(
      (await makeUser(t.ctx, { organizationId: org.dev, role: 'member' })).userId,
    );
    token.other = await tokenFor(
      (await makeUser(t.ctx, { organizationId: org.other, role: 'org_admin' })).userId,
    );
    const staff = await makeUser(t.ctx, { organizationId: org.coordination, role: 'handler' });
    // staff tokens work only with MFA on
    await t.ctx.db
      .updateTable('users')
      .set({ totp_enabled_at: new Date() })
      .where('id', '=', staff.userId)
      .execute();
    token.staff = await tokenFor(staff.userId);
  });
  after(() => t.close());

  const proposal = {
    nameJa: 'Api Dev（日本語）',
    nameEn: 'Api Dev',
    emails: ['PSIRT@apidev.example.jp'],
    phone: null,
    languages: ['ja', 'en'],
    locale: 'en',
    webUrl: 'https://apidev.example.jp/',
    pgpPublicKey: null,
  };

  it('reads its own entry; anonymous is a 401', async () => {
    const res = await call(token.member, 'GET', '/api/v1/directory/me');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.organizationId, org.dev);
    assert.equal(body.contact, null);
    assert.deepEqual(body.products, []);
    assert.equal((await call(null, 'GET', '/api/v1/directory/me')).statusCode, 401);
  });

  it('an organization admin proposes changes; invalid ones are 400s with fields; a member is refused', async () => {
    const bad = await call(token.admin, 'POST', '/api/v1/directory/me/change-requests', {
      ...proposal,
      emails: ['not-an-address'],
      webUrl: 'ftp://x',
    });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().error.fields['emails.0']);
    assert.ok(bad.json().error.fields.webUrl);
    const { privateKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'x@apidev.example.jp' }],
      format: 'armored',
    });
    const priv = await call(token.admin, 'POST', '/api/v1/directory/me/change-requests', {
      ...proposal,
      pgpPublicKey: privateKey,
    });
    assert.equal(priv.statusCode, 400);
    assert.match(priv.json().error.fields.pgpPublicKey[0], /private key was pasted/);
    const member = await call(token.member, 'POST', '/api/v1/directory/me/change-requests', {
      nonsense: true,
    });
    assert.equal(member.statusCode, 403);
    const ok = await call(token.admin, 'POST', '/api/v1/directory/me/change-requests', proposal);
    assert.equal(ok.statusCode, 201);
    assert.match(ok.json().requestId, /^[0-9a-f-]{36}$/);
    // not applied until approved
    assert.deepEqual(
      (await getContactWindow(t.ctx.db, org.dev))?.emails.includes('psirt@apidev.example.jp'),
      false,
    );
    const me = (await call(token.admin, 'GET', '/api/v1/directory/me')).json();
    assert.deepEqual(
      me.changeRequests.map((r: { state: string }) => r.state),
      ['pending'],
    );
  });

  it('staff look parties up; a party cannot', async () => {
    const res = await call(token.staff, 'GET', '/api/v1/directory/parties?type=product_developer&q=api');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json().parties.map((p: { organizationId: string }) => p.organizationId),
      [org.dev],
    );
    assert.equal((await call(token.staff, 'GET', '/api/v1/directory/parties?type=bogus')).statusCode, 400);
    assert.equal(
      (await call(token.other, 'GET', '/api/v1/directory/parties?type=product_developer')).statusCode,
      403,
    );
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.ok(doc.paths['/api/v1/directory/me']);
    assert.ok(doc.paths['/api/v1/directory/me/change-requests']);
    assert.ok(doc.paths['/api/v1/directory/parties']);
  });
});
