import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, makeUser, type TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { signIn } from '../../testing/login.js';

import { postMultipart, softwareForm, startIntakeTestApp, trackingNumberIn, websiteForm } from './testing.js';

describe("a finder's own reports", () => {
  let t: TestApp;
  let alice: { email: string; password: string; userId: string };
  let bob: { email: string; password: string; userId: string };
  before(async () => {
    t = await startIntakeTestApp();
    alice = await makeUser(t.ctx, {
      organizationId: null,
      role: 'finder',
      email: 'alice@example.org',
      locale: 'en',
    });
    bob = await makeUser(t.ctx, { organizationId: null, role: 'finder', email: 'bob@example.org' });
  });
  after(() => t.close());

  async function submitAs(b: Browser, form: Record<string, string>, kind = 'software') {
    const res = await postMultipart(b, `/reports/new/${kind}`, form);
    assert.equal(res.statusCode, 303);
    return trackingNumberIn((await b.get('/reports/receipt')).body);
  }

  it('attaches a report sent while signed in to the account, offers the account address, and lists it', async () => {
    const b = await signIn(t, alice.email, alice.password);
    const form = await b.get('/reports/new/software');
    assert.ok(form.body.includes('value="alice@example.org"'));
    const first = await submitAs(b, softwareForm({ finderEmail: alice.email }));
    const second = await submitAs(b, websiteForm({ finderEmail: alice.email }), 'website');
    const row = await t.ctx.db
      .selectFrom('reports')
      .select('finder_user_id')
      .where('tracking_number', '=', first)
      .executeTakeFirstOrThrow();
    assert.equal(row.finder_user_id, alice.userId);

    const list = await b.get('/my/reports');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes('My reports'));
    assert.ok(list.body.includes(`href="/my/reports/${encodeURIComponent(first)}"`));
    assert.ok(list.body.indexOf(second) < list.body.indexOf(first), 'newest first');
    assert.ok(list.body.includes('Under review'));
    assert.ok(list.body.includes('Website'));

    const page = await b.get(`/my/reports/${encodeURIComponent(first)}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Example CMS'));
    assert.ok(!page.body.includes('山田'), 'no identity on the page');
    assert.ok(!page.body.includes('/rotate'), 'no link to replace on an account page');
    const msg = await b.post(`/my/reports/${encodeURIComponent(first)}/messages`, {
      message: 'One more detail',
    });
    assert.equal(msg.statusCode, 303);
    const sent = await t.ctx.db
      .selectFrom('report_messages')
      .innerJoin('reports', 'reports.id', 'report_messages.report_id')
      .select('report_messages.author_user_id')
      .where('reports.tracking_number', '=', first)
      .executeTakeFirstOrThrow();
    assert.equal(sent.author_user_id, alice.userId);
    const audited = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'report.read_own')
      .where('actor_user_id', '=', alice.userId)
      .execute();
    assert.ok(audited.length >= 1);
  });

  it("gives another finder a 404 for someone else's report, and sends the anonymous to the login", async () => {
    const owner = await signIn(t, alice.email, alice.password);
    const tn = await submitAs(owner, softwareForm());
    const url = `/my/reports/${encodeURIComponent(tn)}`;
    const other = await signIn(t, bob.email, bob.password);
    assert.equal((await other.get(url)).statusCode, 404);
    assert.equal((await other.post(`${url}/messages`, { message: 'mine?' })).statusCode, 404);
    assert.ok(!(await other.get('/my/reports')).body.includes(tn));
    assert.equal((await other.get('/my/reports/IPA%2399999999')).statusCode, 404);
    const anon = await new Browser(t).get('/my/reports');
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/login\?returnTo=/);
  });

  it('does not attach an anonymous report to anyone, and refuses the list to accounts that are not finders', async () => {
    const tn = await submitAs(new Browser(t), softwareForm());
    const row = await t.ctx.db
      .selectFrom('reports')
      .select('finder_user_id')
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow();
    assert.equal(row.finder_user_id, null);
    const vendor = await makeOrganization(t.ctx, 'product_developer');
    const dev = await makeUser(t.ctx, { organizationId: vendor, role: 'member' });
    const b = await signIn(t, dev.email, dev.password);
    assert.equal((await b.get('/my/reports')).statusCode, 403);
    assert.equal((await b.get(`/my/reports/${encodeURIComponent(tn)}`)).statusCode, 404);
  });
});
