// Intake and screening in a real browser, end to end (issue 3, "How it is checked"): finders without an account
// report each track in Japanese and in English and get a tracking number, a follow-up link and a receipt mail;
// reception staff (logged in with TOTP) accept one, discontinue one with a reason of 資料1 and ask for more on a
// third, with forms alone; each finder follows every step on the follow-up page and by mail, and answers the
// question. Then text full of HTML and script, in every field of either form, is shown as text and runs nothing on
// any page that shows it — to the finder, the reception body and the coordinator. axe checks the pages on the way.
//
// The steps share one server, mail catcher and browser, and run in order: each builds on the reports before it.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { makeOrganization, makeUser } from '../src/testing/app.js';
import { clickAndLoad, expectAccessible, htmlLang, switchLanguage, textOf } from './harness.js';
import {
  decide,
  decisionMail,
  expectInert,
  expectReceiptMail,
  type Filed,
  fillReport,
  HOSTILE_FILE,
  hostile,
  JAPANESE,
  openFromQueue,
  PAYLOADS,
  pathOf,
  queueRow,
  receiptSubject,
  sendAndReadReceipt,
  staffLogIn,
  staffT,
  submitForm,
  T,
} from './intake-helpers.js';
import { intakeSuite } from './intake-world.js';

describe('reporting and screening in a browser', () => {
  const { world, step } = intakeSuite();
  const filed: Filed[] = [];
  let staff: Page;
  const QUESTION = '再現に使った製品の設定ファイルを送ってください。';
  const ANSWER = '設定は既定のままです。/etc/example.conf は変更していません。';

  step(
    'a finder reports a software product in Japanese, with a file, and gets a receipt and a mail',
    async () => {
      const page = await world.newPage();
      await page.goto('/reports/new');
      assert.equal(await htmlLang(page), 'ja');
      await expectAccessible(page, 'choose a track (ja)');
      await clickAndLoad(page, page.locator('main a[href="/reports/new/software"]'));
      await expectAccessible(page, 'software form (ja)');

      // the empty form comes back with errors by field, in Japanese, linked from a summary
      assert.equal(await submitForm(page, '#productName'), 400);
      assert.equal(pathOf(page), '/reports/new/software');
      assert.match(await textOf(page.locator('main .error-summary')), JAPANESE);
      for (const id of ['productName', 'description', 'steps', 'attestLawful']) {
        assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', `${id} is marked`);
        assert.equal(
          await page.locator(`main .error-summary a[href="#${id}"]`).count(),
          1,
          `${id} is summarised`,
        );
      }
      await expectAccessible(page, 'software form with errors (ja)');

      await fillReport(
        page,
        {
          finderName: '山田 太郎',
          finderEmail: 'taro.yamada@example.jp',
          productName: 'Example CMS',
          developerName: 'Example 株式会社',
          versions: '1.0〜1.4',
          description: 'コメント欄に格納型のクロスサイト・スクリプティングがあります。',
          steps: '1. /comments を開く\n2. スクリプトを含むコメントを投稿する',
          environment: 'Debian 13, Chromium',
          impact: 'セッションの乗っ取り',
        },
        { files: [{ name: 'poc.txt', text: 'proof of concept: steps and output\n' }] },
      );
      const receipt = await sendAndReadReceipt(page, 'software', world.baseUrl);
      assert.match(await textOf(page.locator('main')), /確認メールを送りました/);
      await expectAccessible(page, 'receipt (ja)');
      const r: Filed = { ...receipt, email: 'taro.yamada@example.jp', locale: 'ja', page };
      filed.push(r);
      assert.equal((await page.reload())?.status(), 410, 'the receipt is shown once');

      await expectReceiptMail(await world.mail.waitFor(r.email, receiptSubject(r)), r);
    },
  );

  step('a finder switches to English and reports a website; a third report comes in Japanese', async () => {
    const page = await world.newPage();
    await page.goto('/reports/new');
    await switchLanguage(page, 'English');
    assert.equal(pathOf(page), '/reports/new');
    assert.equal(await htmlLang(page), 'en');
    await clickAndLoad(page, page.locator('main a[href="/reports/new/website"]'));
    await expectAccessible(page, 'website form (en)');
    assert.equal(await submitForm(page, '#siteUrl'), 400);
    const errors = await textOf(page.locator('main .error-summary'));
    assert.equal(JAPANESE.test(errors), false, `the errors are in English: ${errors}`);
    assert.equal(await page.locator('#vulnerabilityType').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, 'website form with errors (en)');

    await fillReport(page, {
      finderName: 'Jane Doe',
      finderEmail: 'jane.doe@example.org',
      siteUrl: 'https://shop.example.com/search',
      siteName: 'Example Shop',
      vulnerabilityType: 'sql_injection',
      description: 'The search parameter q is concatenated into an SQL query.',
      steps: "1. Open /search?q=' OR 1=1 --\n2. Every product is listed.",
      threat: 'Customer records can be read.',
    });
    const en: Filed = {
      ...(await sendAndReadReceipt(page, 'website', world.baseUrl)),
      email: 'jane.doe@example.org',
      locale: 'en',
      page,
    };
    assert.match(await textOf(page.locator('main')), /A receipt .* has been sent/);
    await expectAccessible(page, 'receipt (en)');
    filed.push(en);

    const third = await world.newPage();
    await third.goto('/reports/new/website');
    await fillReport(third, {
      finderEmail: 'hanako.sato@example.jp',
      siteUrl: 'https://www.example.jp/login',
      siteName: '例示市役所',
      vulnerabilityType: 'auth_session',
      description: 'ログイン後もセッションIDが変わりません。',
      steps: '1. ログイン前のセッションIDを控える\n2. ログインしても同じIDが使われる',
    });
    filed.push({
      ...(await sendAndReadReceipt(third, 'website', world.baseUrl)),
      email: 'hanako.sato@example.jp',
      locale: 'ja',
      page: third,
    });
    for (const r of filed.slice(1)) {
      await expectReceiptMail(await world.mail.waitFor(r.email, receiptSubject(r)), r);
    }
    assert.equal(new Set(filed.map((r) => r.trackingNumber)).size, 3, 'three different tracking numbers');
  });

  step(
    'reception staff accept one, discontinue one and ask for more on the third, with forms alone',
    async () => {
      const [accepted, discontinued, asked] = filed as [Filed, Filed, Filed];
      const { app } = world;
      const reception = await makeOrganization(app.ctx, 'reception_body');
      const handler = await makeUser(app.ctx, { organizationId: reception, role: 'handler' });
      staff = await world.newPage();
      await staffLogIn(staff, app, handler.email, handler.password);

      await staff.goto('/reception/reports');
      await expectAccessible(staff, 'reception queue');
      for (const r of filed) {
        assert.match(
          await textOf(queueRow(staff, r.trackingNumber)),
          new RegExp(staffT('screening.states.submitted')),
        );
      }

      await openFromQueue(staff, accepted.trackingNumber);
      assert.equal(await staff.locator('script').count(), 0, 'the report page needs no script');
      for (const summary of await staff.locator('main details > summary').all()) await summary.click();
      await expectAccessible(staff, 'report page with every decision form open');
      await staff.reload();
      await decide(staff, 'accept');
      const status = await textOf(staff.locator('section[aria-labelledby=status] dl'));
      assert.match(status, new RegExp(`${staffT('screening.states.accepted')}.*${accepted.trackingNumber}`));

      await openFromQueue(staff, discontinued.trackingNumber);
      await decide(staff, 'discontinue', async (form) => {
        await form.locator('#discontinueReason').selectOption('not_reproducible');
      });
      const discontinuedStatus = await textOf(staff.locator('section[aria-labelledby=status] dl'));
      assert.ok(discontinuedStatus.includes(staffT('screening.discontinueReasons.not_reproducible')));

      await openFromQueue(staff, asked.trackingNumber);
      await decide(staff, 'request_info', (form) => form.locator('#request_info-question').fill(QUESTION));
      await expectAccessible(staff, 'report page after a decision');

      await staff.goto('/reception/reports');
      assert.equal(
        await queueRow(staff, accepted.trackingNumber).count(),
        0,
        'an accepted report leaves the queue',
      );
      assert.equal(
        await queueRow(staff, discontinued.trackingNumber).count(),
        0,
        'so does a discontinued one',
      );
      assert.match(
        await textOf(queueRow(staff, asked.trackingNumber)),
        new RegExp(staffT('screening.states.awaiting_finder')),
      );
    },
  );

  step(
    'each finder sees the decision on the follow-up page and by mail, and answers the question',
    async () => {
      const [accepted, discontinued, asked] = filed as [Filed, Filed, Filed];
      const status = (r: Filed) => textOf(r.page.locator('#status-text'));
      const messages = (r: Filed) =>
        textOf(r.page.locator('main section[aria-labelledby=messages] ol.messages'));

      // accepted (ja, software): the link from the receipt mail opens the page
      const receiptMail = await world.mail.waitFor(accepted.email, receiptSubject(accepted));
      const link = /https?:\/\/\S+\/reports\/follow-up\/[A-Za-z0-9_-]+/.exec(receiptMail.text ?? '')?.[0];
      assert.equal(link, accepted.followUpUrl, 'the mailed link is the link on the receipt');
      await accepted.page.goto(link);
      assert.equal(await status(accepted), T.ja('intake.status.accepted_software'));
      assert.match(
        await textOf(accepted.page.locator('main section[aria-labelledby=timeline]')),
        /受理しました/,
      );
      const acceptText = T.ja('screening.finder.templates.accept.software', {
        trackingNumber: accepted.trackingNumber,
      });
      assert.ok(
        (await messages(accepted)).includes(acceptText.split('\n')[0]!),
        'the acceptance message is shown',
      );
      assert.match(
        await textOf(accepted.page.locator('main section[aria-labelledby=attachments]')),
        /poc\.txt/,
      );
      await expectAccessible(accepted.page, 'follow-up page, accepted (ja)');
      assert.ok((await decisionMail(world, accepted)).includes(acceptText.split('\n')[0]!));

      // discontinued (en, website), with the reason of 資料1 in the finder's words
      await discontinued.page.goto(discontinued.followUpUrl);
      assert.equal(await htmlLang(discontinued.page), 'en', 'the finder’s browser keeps English');
      assert.equal(
        await status(discontinued),
        T.en('intake.status.discontinued', { reason: T.en('intake.reasons.not_reproducible') }),
      );
      const reason = `${T.en('screening.finder.details.reason')} ${T.en('screening.discontinueReasons.not_reproducible')}`;
      assert.ok((await messages(discontinued)).includes(reason), `the message gives the reason (${reason})`);
      await expectAccessible(discontinued.page, 'follow-up page, discontinued (en)');
      const mailed = await decisionMail(world, discontinued);
      assert.match(mailed, /discontinue handling your report/);
      assert.ok(mailed.replace(/\s+/g, ' ').includes(reason), 'the mail gives the reason');

      // asked for more (ja, website): the question, then the answer from the follow-up page
      await asked.page.goto(asked.followUpUrl);
      assert.equal(await status(asked), T.ja('intake.status.awaiting_finder'));
      assert.ok((await messages(asked)).includes(QUESTION), 'the question from the reception body is shown');
      await expectAccessible(asked.page, 'follow-up page, awaiting the finder (ja)');
      assert.ok((await decisionMail(world, asked)).includes(QUESTION), 'the mail carries the question');

      // an empty message is stopped by the browser (required); one of spaces by the server, with a field error
      const message = asked.page.locator('#message');
      assert.equal(await message.evaluate((e: HTMLTextAreaElement) => e.validity.valueMissing), true);
      await message.fill('   ');
      assert.equal(await submitForm(asked.page, '#message'), 400);
      assert.equal(await asked.page.locator('#message').getAttribute('aria-invalid'), 'true');
      await expectAccessible(asked.page, 'follow-up page with an error (ja)');
      await asked.page.locator('#message').fill(ANSWER);
      assert.equal(await submitForm(asked.page, '#message'), 303);
      assert.equal(pathOf(asked.page), new URL(asked.followUpUrl).pathname);
      assert.equal(
        await textOf(asked.page.locator('main .notice[role=status]')),
        T.ja('intake.followUp.sent'),
      );
      assert.equal(await status(asked), T.ja('intake.status.submitted'), 'the answer puts the report back');
      assert.ok((await messages(asked)).includes(ANSWER));

      // the reception body sees the answer, and the report is back in its queue awaiting screening
      await openFromQueue(staff, asked.trackingNumber);
      const thread = await textOf(staff.locator('main section[aria-labelledby=messages] ol.thread'));
      assert.ok(thread.includes(`${staffT('screening.messages.fromFinder')}`) && thread.includes(ANSWER));
      const submitted = staffT('screening.states.submitted');
      assert.ok((await textOf(staff.locator('section[aria-labelledby=status] dl'))).includes(submitted));
      await staff.goto('/reception/reports');
      assert.ok(
        (await textOf(queueRow(staff, asked.trackingNumber))).includes(submitted),
        'back in the queue',
      );
    },
  );

  const SOFTWARE_FIELDS = [
    'finderName',
    'finderOrganization',
    'productName',
    'developerName',
    'versions',
    'description',
    'steps',
    'environment',
    'impact',
    'creditName',
  ];

  step('HTML and script in every field of a software report run nowhere and are shown as text', async () => {
    const page = await world.newPage({ locale: 'en-US' });
    await page.goto('/reports/new/software');
    const fields = Object.fromEntries(SOFTWARE_FIELDS.map((f) => [f, hostile(f)]));
    await fillReport(
      page,
      { ...fields, finderEmail: 'mallory@example.org', finderPhone: '+81 3-0000-0000' },
      {
        check: ['consentIdentityToCoordinator', 'consentPublicCredit'],
        files: [{ name: HOSTILE_FILE, text: 'a file with a hostile name\n' }],
      },
    );
    const r = await sendAndReadReceipt(page, 'software', world.baseUrl);
    await expectInert(page, 'receipt', [r.trackingNumber]);

    // the finder's follow-up page shows what was sent (never the finder's identity), and a hostile message
    await clickAndLoad(page, page.locator('#follow-up-link'));
    const sent = SOFTWARE_FIELDS.filter((f) => !f.startsWith('finder') && f !== 'creditName').map(hostile);
    await expectInert(page, 'follow-up page', [...sent, HOSTILE_FILE]);
    const message = hostile('message');
    await page.locator('#message').fill(message);
    assert.equal(await submitForm(page, '#message'), 303);
    await expectInert(page, 'follow-up page with the message', [...sent, message]);

    // the reception body: queue and report page, then a hostile question
    await staff.goto('/reception/reports');
    await expectInert(staff, 'reception queue', [hostile('productName')]);
    await openFromQueue(staff, r.trackingNumber);
    const everything = [...Object.values(fields), HOSTILE_FILE, message];
    await expectInert(staff, 'report page', everything);
    const question = hostile('question');
    await decide(staff, 'request_info', (form) => form.locator('#request_info-question').fill(question));
    await expectInert(staff, 'report page with the question', [...everything, question]);
    await page.reload();
    await expectInert(page, 'follow-up page with the question', [question, message]);

    // accepted: the coordinator's case page (the finder consented to be known to the coordination body)
    await decide(staff, 'accept');
    await expectInert(staff, 'report page, accepted', everything);
    const { app } = world;
    const coordination = await makeOrganization(app.ctx, 'coordination_body');
    const coordinator = await makeUser(app.ctx, { organizationId: coordination, role: 'handler' });
    const coordinatorPage = await world.newPage();
    await staffLogIn(coordinatorPage, app, coordinator.email, coordinator.password);
    const res = await coordinatorPage.goto(`/cases/${encodeURIComponent(r.trackingNumber)}`);
    assert.equal(res?.status(), 200, 'the coordinator reads the case');
    await expectInert(coordinatorPage, 'case page', [...Object.values(fields), HOSTILE_FILE]);
    await expectAccessible(coordinatorPage, 'case page');
  });

  step('a website report: a javascript: URL is refused with every field kept, and no text runs', async () => {
    const page = await world.newPage();
    // a finder who checks a report's status often can still send another: looking is not reporting (the
    // submission limit, 20 an hour from one address by default, counts submissions only)
    for (let i = 0; i < 25; i++) await page.goto(filed[0]!.followUpUrl);
    await page.goto('/reports/new/website');
    const names = [
      'finderName',
      'finderOrganization',
      'siteName',
      'description',
      'steps',
      'threat',
      'creditName',
    ];
    const fields = Object.fromEntries(names.map((f) => [f, hostile(f)]));
    const scriptUrl = 'javascript:window.__xss=1//https://shop.example.test/';
    await fillReport(page, { ...fields, siteUrl: scriptUrl, vulnerabilityType: 'xss' });
    const status = await submitForm(page, '#siteUrl');
    assert.equal(status, 400, `refused for its URL (HTTP ${status}: ${await textOf(page.locator('h1'))})`);
    assert.equal(pathOf(page), '/reports/new/website');
    assert.equal(
      await page.locator('#siteUrl').getAttribute('aria-invalid'),
      'true',
      'the URL is the problem',
    );
    assert.equal(await page.locator('main .error-summary li').count(), 1, 'and the only one');
    for (const [id, value] of Object.entries({ ...fields, siteUrl: scriptUrl })) {
      assert.equal(await page.locator(`#${id}`).inputValue(), value, `${id} is kept exactly as typed`);
    }
    await expectInert(page, 'website form with errors', []);

    const siteUrl = `https://shop.example.test/search?q=${PAYLOADS[1]}${PAYLOADS[0]}`;
    await page.locator('#siteUrl').fill(siteUrl);
    await page.locator('#attestLawful').check();
    const r = await sendAndReadReceipt(page, 'website', world.baseUrl);
    await expectInert(page, 'receipt (website)', [r.trackingNumber]);
    await page.goto(r.followUpUrl);
    const sent = ['siteName', 'description', 'steps', 'threat'].map(hostile);
    await expectInert(page, 'follow-up page (website)', [siteUrl, ...sent]);

    await staff.goto('/reception/reports');
    await expectInert(staff, 'reception queue (website)', [hostile('siteName')]);
    await openFromQueue(staff, r.trackingNumber);
    await expectInert(staff, 'report page (website)', [siteUrl, ...Object.values(fields)]);
  });
});
