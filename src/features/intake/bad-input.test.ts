import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';

import { openBody } from './report-sealing.js';
import {
  assertNoRawScript,
  followUpPathIn,
  postMultipart,
  reportCount,
  softwareForm,
  startIntakeTestApp,
  trackingNumberIn,
  websiteForm,
} from './testing.js';

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe('bad input on the report forms', () => {
  let t: TestApp;
  before(async () => {
    t = await startIntakeTestApp();
  });
  after(() => t.close());

  it('shows missing fields, a bad URL and a bad address at the fields, in the user language, keeping every input', async () => {
    const b = new Browser(t, { acceptLanguage: 'en' });
    const before = await reportCount(t);
    const res = await postMultipart(
      b,
      '/reports/new/website',
      websiteForm({
        siteUrl: 'javascript:alert(1)',
        finderEmail: 'not-an-address',
        description: '',
        vulnerabilityType: '',
        attestLawful: '',
        threat: 'keep me 保持',
      }),
      [{ filename: 'shot.txt', content: 'x' }],
    );
    assert.equal(res.statusCode, 400);
    const html = res.body;
    assert.match(html, /<div class="error-summary" role="alert"/);
    for (const id of ['siteUrl', 'finderEmail', 'description', 'vulnerabilityType', 'attestLawful']) {
      assert.ok(html.includes(`href="#${id}"`), `summary links to ${id}`);
      assert.match(html, new RegExp(`id="${id}-error"`), `error beside ${id}`);
      assert.match(html, new RegExp(`aria-describedby="[^"]*${id}-error`), `${id} described by its error`);
    }
    assert.ok(html.includes('Choose the type of vulnerability.'));
    assert.ok(html.includes('http:// or https://'));
    assert.ok(html.includes('value="not-an-address"'), 'the typed address is kept');
    assert.ok(html.includes('value="javascript:alert(1)"'));
    assert.ok(html.includes('keep me 保持</textarea>'));
    assert.ok(html.includes('value="Jane Doe"'));
    assert.match(html, /please choose your attachments again \(shot\.txt\)/);
    assert.equal(await reportCount(t), before);

    const ja = await postMultipart(
      new Browser(t),
      '/reports/new/software',
      softwareForm({ productName: '' }),
    );
    assert.equal(ja.statusCode, 400);
    assert.ok(ja.body.includes('入力してください。'));
  });

  it('refuses fields beyond their limits and control characters, storing nothing', async () => {
    const before = await reportCount(t);
    const long = 'あ'.repeat(20_001);
    const res = await postMultipart(
      new Browser(t),
      '/reports/new/software',
      softwareForm({ description: long, productName: 'x'.repeat(301), steps: 'bell\u0007 here' }),
    );
    assert.equal(res.statusCode, 400);
    for (const id of ['description', 'productName', 'steps'])
      assert.ok(res.body.includes(`href="#${id}"`), id);
    assert.ok(res.body.includes('制御文字は使用できません。'));
    assert.ok(res.body.includes(long), 'the long text is given back to be shortened');
    assert.equal(await reportCount(t), before);
  });

  it('stores script and HTML in every field as given and never renders them as markup', async () => {
    const b = new Browser(t);
    const every = Object.fromEntries(
      Object.entries(softwareForm()).map(([k, v]) => [
        k,
        k === 'finderEmail' || k.startsWith('consent') || k === 'attestLawful' || k === 'finderPhone'
          ? v
          : `${v}${XSS}`,
      ]),
    );
    const res = await postMultipart(b, '/reports/new/software', every, [
      { filename: `${XSS}.txt`, content: XSS },
    ]);
    assert.equal(res.statusCode, 303);
    const receipt = await b.get('/reports/receipt');
    assertNoRawScript(receipt.body);
    const page = await b.get(followUpPathIn(receipt.body));
    assert.equal(page.statusCode, 200);
    assertNoRawScript(page.body);
    assert.ok(page.body.includes('&lt;script>alert(&quot;x&quot;)&lt;/script>'), 'shown escaped');
    const tn = trackingNumberIn(receipt.body);
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow();
    const body = openBody(t.ctx.secrets, row.id, row.body_enc);
    assert.equal(body.track === 'software' && body.productName, `Example CMS${XSS}`);
    // and a form shown again with errors escapes what it keeps
    const bad = await postMultipart(new Browser(t), '/reports/new/software', { ...every, attestLawful: '' });
    assert.equal(bad.statusCode, 400);
    assertNoRawScript(bad.body);
  });

  it("shows the website form's texts escaped too, the site URL included", async () => {
    const b = new Browser(t, { acceptLanguage: 'en' });
    const fields = websiteForm({
      siteUrl: 'https://shop.example.com/search?q=<script>alert(1)</script>',
      siteName: XSS,
      description: XSS,
      steps: XSS,
      threat: XSS,
      creditName: XSS,
    });
    assert.equal((await postMultipart(b, '/reports/new/website', fields)).statusCode, 303);
    const page = await b.get(followUpPathIn((await b.get('/reports/receipt')).body));
    assertNoRawScript(page.body);
    assert.ok(page.body.includes('q=&lt;script>alert(1)&lt;/script>'));
  });

  it('refuses a file whose content does not match its name, and ignores an empty file input', async () => {
    const before = await reportCount(t);
    const bad = await postMultipart(
      new Browser(t, { acceptLanguage: 'en' }),
      '/reports/new/software',
      softwareForm(),
      [{ filename: 'screenshot.png', content: 'this is not a PNG' }],
    );
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('href="#attachments"'));
    assert.ok(bad.body.includes('content does not match its name'));
    assert.equal(await reportCount(t), before);

    const b = new Browser(t);
    const ok = await postMultipart(b, '/reports/new/software', softwareForm(), [
      { filename: '', content: '' },
    ]);
    assert.equal(ok.statusCode, 303);
    const tn = trackingNumberIn((await b.get('/reports/receipt')).body);
    const files = await t.ctx.db
      .selectFrom('report_attachments')
      .innerJoin('reports', 'reports.id', 'report_attachments.report_id')
      .select('report_attachments.id')
      .where('reports.tracking_number', '=', tn)
      .execute();
    assert.equal(files.length, 0);
  });

  it('stores nothing when the trap field is filled, and shows the form again with the input and an empty trap', async () => {
    const before = await reportCount(t);
    const res = await postMultipart(
      new Browser(t, { acceptLanguage: 'en' }),
      '/reports/new/software',
      softwareForm({ homepage: 'http://spam.example' }),
    );
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes('could not be accepted automatically'));
    assert.ok(res.body.includes('value="Example CMS"'));
    assert.ok(!res.body.includes('spam.example'));
    assert.equal(await reportCount(t), before);
  });

  it('refuses a form without its CSRF token and an unknown track', async () => {
    const b = new Browser(t);
    await b.get('/reports/new');
    b.csrf = 'forged';
    assert.equal((await postMultipart(b, '/reports/new/software', softwareForm())).statusCode, 403);
    assert.equal((await new Browser(t).get('/reports/new/firmware')).statusCode, 404);
  });
});
