import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, type TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { signIn } from '../../testing/login.js';

import { openBody, openIdentity } from './report-sealing.js';
import { postMultipart, softwareForm, startIntakeTestApp, trackingNumberIn } from './testing.js';

describe("a developer's report on its own product (自社製品の届出)", () => {
  let t: TestApp;
  let vendor: string;
  before(async () => {
    t = await startIntakeTestApp();
    vendor = await makeOrganization(t.ctx, 'product_developer', 'Example Devices');
  });
  after(() => t.close());

  it('offers the form with the reporter filled in from the account and a countermeasure field', async () => {
    const dev = await makeUser(t.ctx, {
      organizationId: vendor,
      role: 'member',
      email: 'psirt@devices.example',
    });
    const b = await signIn(t, dev.email, dev.password);
    const choose = await b.get('/reports/new');
    assert.ok(choose.body.includes('href="/reports/new/own-product"'));
    const form = await b.get('/reports/new/own-product');
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('value="psirt@devices.example"'));
    assert.ok(form.body.includes('value="Example Devices（日本語）"'));
    assert.match(form.body, /<textarea id="countermeasure" name="countermeasure"/);
    assert.ok(form.body.includes('action="/reports/new/own-product"'));
  });

  it('stores it as a developer self-report with its countermeasure and the organization', async () => {
    const dev = await makeUser(t.ctx, { organizationId: vendor, role: 'org_admin' });
    const b = await signIn(t, dev.email, dev.password);
    const res = await postMultipart(
      b,
      '/reports/new/own-product',
      softwareForm({ finderEmail: dev.email, countermeasure: 'バージョン 1.5 で修正済み' }),
    );
    assert.equal(res.statusCode, 303);
    const tn = trackingNumberIn((await b.get('/reports/receipt')).body);
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow();
    assert.equal(row.source, 'developer_self');
    assert.equal(row.reporter_organization_id, vendor);
    assert.equal(row.finder_user_id, null);
    const body = openBody(t.ctx.secrets, row.id, row.body_enc);
    assert.equal(body.track === 'software' && body.countermeasure, 'バージョン 1.5 で修正済み');
    assert.equal(openIdentity(t.ctx.secrets, row.id, row.finder_identity_enc).email, dev.email);
  });

  it('ignores a countermeasure smuggled into the public form', async () => {
    const b = new Browser(t);
    const res = await postMultipart(
      b,
      '/reports/new/software',
      softwareForm({ countermeasure: 'not asked' }),
    );
    assert.equal(res.statusCode, 303);
    const tn = trackingNumberIn((await b.get('/reports/receipt')).body);
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow();
    const body = openBody(t.ctx.secrets, row.id, row.body_enc);
    assert.equal(body.track === 'software' && body.countermeasure, undefined);
  });

  it('refuses website operators (403) and sends the anonymous to the login', async () => {
    const operator = await makeOrganization(t.ctx, 'website_operator');
    const op = await makeUser(t.ctx, { organizationId: operator, role: 'member' });
    const b = await signIn(t, op.email, op.password);
    assert.equal((await b.get('/reports/new/own-product')).statusCode, 403);
    assert.equal((await postMultipart(b, '/reports/new/own-product', softwareForm())).statusCode, 403);
    assert.ok(!(await b.get('/reports/new')).body.includes('/reports/new/own-product'));
    const anon = await new Browser(t).get('/reports/new/own-product');
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/login/);
    const count = await t.ctx.db
      .selectFrom('reports')
      .select('id')
      .where('source', '=', 'developer_self')
      .execute();
    assert.equal(count.length, 1);
  });
});
