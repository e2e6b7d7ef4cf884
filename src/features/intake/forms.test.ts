import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { TestApp } from '../../testing/app.js';
import { Browser, mailTo } from '../accounts/testing.js';
import { openBody, openIdentity } from './report-sealing.js';
import {
  followUpPathIn,
  postMultipart,
  softwareForm,
  startIntakeTestApp,
  trackingNumberIn,
  websiteForm,
} from './testing.js';

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

async function reportCount(t: TestApp): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('reports')
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function assertNoRawScript(html: string) {
  assert.ok(!/<script/i.test(html), 'no <script> element in the page');
  assert.ok(!/<img[^>]*onerror/i.test(html), 'no injected element in the page');
}

describe('the public report forms', () => {
  let t: TestApp;
  before(async () => {
    t = await startIntakeTestApp();
  });
  after(() => t.close());

  it('explains both tracks, the rules and where the OpenPGP key is, in Japanese and English', async () => {
    const ja = await new Browser(t).get('/reports/new');
    assert.equal(ja.statusCode, 200);
    for (const s of [
      'ソフトウエア製品',
      'ウェブサイト',
      '第三者に開示しないでください',
      '違法な方法',
      '/reports/pgp-key',
    ]) {
      assert.ok(ja.body.includes(s), s);
    }
    const en = await new Browser(t, { acceptLanguage: 'en' }).get('/reports/new');
    for (const s of [
      'software product',
      'website',
      'until the countermeasures are published',
      'unlawfully',
    ]) {
      assert.ok(en.body.includes(s), s);
    }
    assert.ok(
      en.body.includes('href="/reports/new/software"') && en.body.includes('href="/reports/new/website"'),
    );
  });

  it('labels every field, groups the consents in a fieldset with a legend and hides the trap field', async () => {
    const res = await new Browser(t, { acceptLanguage: 'en' }).get('/reports/new/website');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    for (const id of [
      'finderName',
      'finderEmail',
      'siteUrl',
      'vulnerabilityType',
      'description',
      'steps',
      'threat',
    ]) {
      assert.match(html, new RegExp(`<label for="${id}">`), `label for ${id}`);
      assert.match(html, new RegExp(`id="${id}"`), `control ${id}`);
    }
    assert.match(
      html,
      /<fieldset aria-describedby="consent-hint"><legend>How your details may be used<\/legend>/,
    );
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /<input type="file" id="attachments" name="attachments" multiple/);
    assert.match(html, /<div class="visually-hidden" aria-hidden="true">/);
    assert.match(html, /name="homepage" value tabindex="-1" autocomplete="off"/);
    for (const label of [
      'Cross-site scripting',
      'SQL injection',
      'DNS misconfiguration',
      'Path traversal',
      'Other',
    ]) {
      assert.ok(html.includes(`>${label}</option>`), label);
    }
  });

  it('takes a software report in Japanese: 303 to a receipt with the tracking number, stored sealed, mail queued', async () => {
    const b = new Browser(t);
    const before = await reportCount(t);
    const res = await postMultipart(b, '/reports/new/software', softwareForm(), [
      { filename: 'poc.txt', content: 'curl -d "<b>x</b>" http://target/comments' },
    ]);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/reports/receipt');
    const receipt = await b.get('/reports/receipt');
    assert.equal(receipt.statusCode, 200);
    assert.equal(receipt.headers['cache-control'], 'no-store');
    assert.equal(receipt.headers['referrer-policy'], 'no-referrer');
    const tn = trackingNumberIn(receipt.body);
    assert.match(tn, /^IPA#\d{8}$/);
    assert.ok(receipt.body.includes('確認メールを送りました'));
    assert.equal(await reportCount(t), before + 1);

    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('tracking_number', '=', tn!)
      .executeTakeFirstOrThrow();
    assert.equal(row.source, 'form');
    assert.equal(row.locale, 'ja');
    assert.equal(row.consent_public_credit, true);
    assert.equal(row.consent_direct_contact, false);
    const body = openBody(t.ctx.secrets, row.id, row.body_enc);
    assert.equal(body.track, 'software');
    assert.equal(body.track === 'software' && body.productName, 'Example CMS');
    assert.equal(body.track === 'software' && body.countermeasure, undefined);
    assert.equal(openIdentity(t.ctx.secrets, row.id, row.finder_identity_enc).phone, '03-1234-5678');
    const files = await t.ctx.db
      .selectFrom('report_attachments')
      .selectAll()
      .where('report_id', '=', row.id)
      .execute();
    assert.equal(files.length, 1);
    const mail = await mailTo(t, 'taro@example.jp');
    assert.ok(mail[0]?.body_text.includes(followUpPathIn(receipt.body)));
    assert.ok(mail[0]?.subject.startsWith(`[${tn}]`));
  });

  it('takes a website report in English and shows the receipt only once', async () => {
    const b = new Browser(t, { acceptLanguage: 'en' });
    const res = await postMultipart(b, '/reports/new/website', websiteForm());
    assert.equal(res.statusCode, 303);
    const receipt = await b.get('/reports/receipt');
    assert.ok(receipt.body.includes('We have received your report'));
    assert.ok(receipt.body.includes('A receipt with the tracking number and the link has been sent'));
    const tn = trackingNumberIn(receipt.body);
    const row = await t.ctx.db
      .selectFrom('reports')
      .selectAll()
      .where('tracking_number', '=', tn)
      .executeTakeFirstOrThrow();
    assert.equal(row.track, 'website');
    assert.equal(row.locale, 'en');
    assert.equal(row.website_vuln_type, 'sql_injection');
    assert.equal((await mailTo(t, 'jane@example.org'))[0]?.locale, 'en');

    const again = await b.get('/reports/receipt');
    assert.equal(again.statusCode, 410);
    assert.ok(!again.body.includes(tn));
    assert.ok(!again.body.includes('/reports/follow-up/'));
  });

  it('says no receipt mail was sent to an anonymous finder who gave no address', async () => {
    const b = new Browser(t);
    const form = softwareForm({ finderName: '', finderEmail: '', finderPhone: '', finderOrganization: '' });
    assert.equal((await postMultipart(b, '/reports/new/software', form)).statusCode, 303);
    const receipt = await b.get('/reports/receipt');
    assert.ok(receipt.body.includes('確認メールは送っていません'));
  });

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
