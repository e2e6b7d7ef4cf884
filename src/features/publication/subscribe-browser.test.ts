// The subscription pages in a real browser, in Japanese and English: the form (with an error), "check your mail",
// the confirmation page and its result, the unsubscribe page and its result, and a dead link — each passing axe
// (WCAG 2.2 AA), with forms alone (no script).
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  browserSuite,
  clickAndLoad,
  expectAccessible,
  htmlLang,
  switchLanguage,
  textOf,
} from '../../../e2e/harness.js';
import { subscriptionToken } from './subscription-token.js';

describe('the subscription pages in a browser', () => {
  const e2e = browserSuite();

  e2e.test(
    'subscribe, confirm and unsubscribe with accessible pages in both languages',
    async ({ app, page }) => {
      await page.goto('/subscribe');
      assert.equal(await htmlLang(page), 'ja');
      await expectAccessible(page, 'subscribe form (ja)');
      assert.equal(await page.locator('script').count(), 0);

      await page.getByLabel('メールアドレス').fill('not-an-address');
      await clickAndLoad(page, page.getByRole('button', { name: '登録を申し込む' }));
      assert.match(await textOf(page.locator('.error-summary')), /メールアドレスを正しく入力してください/);
      assert.equal(await page.getByLabel('メールアドレス').inputValue(), 'not-an-address');
      await expectAccessible(page, 'subscribe form with an error (ja)');

      await page.getByLabel('メールアドレス').fill('browser-reader@example.org');
      await page.getByLabel('メールの言語').selectOption('en');
      await clickAndLoad(page, page.getByRole('button', { name: '登録を申し込む' }));
      assert.match(await textOf(page.locator('.notice[role="status"]')), /確認のメール/);
      await expectAccessible(page, 'mail sent (ja)');

      const mail = await app.ctx.db
        .selectFrom('mail_messages')
        .select('body_text')
        .where('template', '=', 'publication.mail.confirm')
        .where('to_address', '=', 'browser-reader@example.org')
        .executeTakeFirstOrThrow();
      const confirm = /(\/subscribe\/confirm\/[A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1];
      assert.ok(confirm);
      await page.goto(confirm);
      await expectAccessible(page, 'confirmation page (ja)');
      await switchLanguage(page, 'English');
      assert.equal(await htmlLang(page), 'en');
      assert.match(await textOf(page.locator('main')), /browser-reader@example\.org/);
      await expectAccessible(page, 'confirmation page (en)');
      await clickAndLoad(page, page.getByRole('button', { name: 'Subscribe' }));
      assert.match(await textOf(page.locator('h1')), /You are subscribed/);
      await expectAccessible(page, 'subscribed (en)');

      const row = await app.ctx.db
        .selectFrom('advisory_subscriptions')
        .select(['id', 'confirmed_at'])
        .where('email', '=', 'browser-reader@example.org')
        .executeTakeFirstOrThrow();
      assert.ok(row.confirmed_at);
      const unsubscribe = `/unsubscribe/${subscriptionToken(app.ctx.secrets, row.id)}`;
      await page.goto(unsubscribe);
      await expectAccessible(page, 'unsubscribe page (en)');
      await clickAndLoad(page, page.getByRole('button', { name: 'Stop the mails' }));
      assert.match(await textOf(page.locator('h1')), /Mails stopped/);
      await expectAccessible(page, 'unsubscribed (en)');

      const gone = await page.goto(unsubscribe);
      assert.equal(gone?.status(), 404);
      await expectAccessible(page, 'dead link (en)');
      await page.goto('/subscribe');
      await expectAccessible(page, 'subscribe form (en)');
      await switchLanguage(page, '日本語');
      await page.goto(unsubscribe);
      assert.match(await textOf(page.locator('h1')), /このリンクは使えません/);
      await expectAccessible(page, 'dead link (ja)');
    },
  );
});
