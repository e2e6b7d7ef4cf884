import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { mailTo } from '../accounts/testing.js';
import { openBody, openIdentity } from './report-sealing.js';
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
    assertNoRawScript(ja.body);
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

  for (const [kind, form] of [
    ['software', softwareForm],
    ['website', websiteForm],
  ] as const) {
    for (const lang of ['ja', 'en'] as const) {
      it(`takes the ${kind} form in ${lang}: tracking number shown, report stored, receipt mailed in ${lang}`, async () => {
        const b = new Browser(t, { acceptLanguage: lang });
        const email = `${kind}-${lang}@example.net`;
        assert.equal(
          (await postMultipart(b, `/reports/new/${kind}`, form({ finderEmail: email }))).statusCode,
          303,
        );
        const receipt = await b.get('/reports/receipt');
        assert.equal(receipt.statusCode, 200);
        assert.match(receipt.body, new RegExp(`<html lang="${lang}"`));
        assertNoRawScript(receipt.body);
        const tn = trackingNumberIn(receipt.body);
        const row = await t.ctx.db
          .selectFrom('reports')
          .select(['id', 'track', 'locale'])
          .where('tracking_number', '=', tn)
          .executeTakeFirstOrThrow();
        assert.deepEqual([row.track, row.locale], [kind, lang]);
        const mail = await mailTo(t, email);
        assert.equal(mail.length, 1);
        assert.equal(mail[0]?.locale, lang);
        assert.equal(mail[0]?.related_id, row.id);
      });
    }
  }

  it('says no receipt mail was sent to an anonymous finder who gave no address', async () => {
    const b = new Browser(t);
    const form = softwareForm({ finderName: '', finderEmail: '', finderPhone: '', finderOrganization: '' });
    assert.equal((await postMultipart(b, '/reports/new/software', form)).statusCode, 303);
    const receipt = await b.get('/reports/receipt');
    assert.ok(receipt.body.includes('確認メールは送っていません'));
  });
});
