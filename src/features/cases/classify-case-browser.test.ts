// The classification form (統計用の分類) in a real browser: WCAG checks (axe) on the coordination workspace and
// the website case page with the form, and on the page shown again with a refused choice; saved with the form
// alone (the pages carry no script).
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { browserSuite, clickAndLoad, expectAccessible, textOf } from '../../../e2e/harness.js';
import { createSession } from '../../platform/auth/sessions.js';
import type { TestApp } from '../../testing/app.js';
import { buildWorld } from '../../testing/world.js';

async function signInAs(app: TestApp, context: BrowserContext, userId: string, baseUrl: string) {
  const token = await createSession(app.ctx.db, app.ctx, {
    userId,
    mfaVerified: true,
    ip: null,
    userAgent: null,
  });
  await context.addCookies([{ name: 'keikai_session', value: token, url: baseUrl }]);
}

describe('the classification form in a browser', () => {
  const e2e = browserSuite();

  e2e.test(
    'is accessible on both pages, refuses a bad choice accessibly, and saves with the form alone',
    async ({ app, context, page, url }) => {
      const w = await buildWorld(app);

      await signInAs(app, context, w.people.coordinator.userId, url('/'));
      await page.goto(`/coordination/cases/${encodeURIComponent(w.product.reference)}`);
      await expectAccessible(page, 'workspace with the classification form');
      await page.locator('#classification-productType').selectOption('router');
      await page.locator('#classification-oss').check();
      await clickAndLoad(page, page.getByRole('button', { name: '分類を保存' }));
      assert.equal(await page.locator('#classification-productType').inputValue(), 'router');
      assert.equal(await page.locator('#classification-oss').isChecked(), true);

      await context.clearCookies();
      await signInAs(app, context, w.people.reception.userId, url('/'));
      await page.goto(`/website/cases/${encodeURIComponent(w.website.reference)}`);
      await expectAccessible(page, 'website case page with the classification form');
      // a choice the list does not have (as a stale or forged form would send)
      await page
        .locator('#classification-threat option[value="cookie_leak"]')
        .evaluate((o) => o.setAttribute('value', 'bogus'));
      await page.locator('#classification-threat').selectOption('bogus');
      await page.locator('#classification-operatorType').selectOption('education');
      await clickAndLoad(page, page.getByRole('button', { name: '分類を保存' }));
      assert.match(await textOf(page.locator('#classification')), /脅威を一覧から選んでください。/);
      assert.equal(await page.locator('#classification-operatorType').inputValue(), 'education');
      await expectAccessible(page, 'website case page with the refused classification');
      await page.locator('#classification-threat').selectOption('impersonation');
      await clickAndLoad(page, page.getByRole('button', { name: '分類を保存' }));
      assert.match(await textOf(page.locator('.notice[role="status"]')), /分類を保存しました。/);
      assert.equal(await page.locator('#classification-threat').inputValue(), 'impersonation');
    },
  );
});
