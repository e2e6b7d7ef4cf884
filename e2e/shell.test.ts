// The page shell in a real browser: language (default, switch, remembered), skip link, accessibility, and a
// phone-width layout.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  browserSuite,
  expectAccessible,
  expectNoHorizontalScroll,
  htmlLang,
  switchLanguage,
  textOf,
} from './harness.js';

describe('page shell in a browser', () => {
  const e2e = browserSuite();

  e2e.test('serves the home page and a 404 page in Japanese to a Japanese browser', async ({ page }) => {
    const home = await page.goto('/');
    assert.equal(home?.status(), 200);
    assert.equal(await htmlLang(page), 'ja');
    assert.match(await page.title(), /keikai|脆弱性/);

    const missing = await page.goto('/no-such-page');
    assert.equal(missing?.status(), 404);
    assert.equal(await htmlLang(page), 'ja');
    assert.match(await textOf(page.locator('main')), /ページが見つかりません/);
  });

  e2e.test(
    'serves English to a browser that asks for it',
    async ({ page }) => {
      await page.goto('/');
      assert.equal(await htmlLang(page), 'en');
      await page.getByRole('button', { name: '日本語', exact: true }).waitFor();
    },
    { context: { locale: 'en-US' } },
  );

  e2e.test(
    'switches to English with the header button and remembers it across pages',
    async ({ page, context }) => {
      await page.goto('/');
      await switchLanguage(page, 'English');
      assert.equal(new URL(page.url()).pathname, '/', 'returns to the page it was pressed on');
      assert.equal(await htmlLang(page), 'en');
      await page.getByRole('button', { name: '日本語', exact: true }).waitFor();

      const cookie = (await context.cookies()).find((c) => c.name === 'keikai_lang');
      assert.equal(cookie?.value, 'en');
      assert.ok(cookie.httpOnly, 'the language cookie is httpOnly');

      await page.goto('/no-such-page');
      assert.equal(await htmlLang(page), 'en');
      assert.match(await textOf(page.locator('main')), /Page not found/);

      const other = await context.newPage();
      await other.goto('/');
      assert.equal(await htmlLang(other), 'en', 'a new tab keeps the choice');

      await switchLanguage(page, '日本語');
      assert.equal(new URL(page.url()).pathname, '/no-such-page');
      assert.equal(await htmlLang(page), 'ja');
      await page.goto('/');
      assert.equal(await htmlLang(page), 'ja');
    },
  );

  e2e.test('lets the keyboard skip to the main content first', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      return { tag: el?.tagName, href: el?.getAttribute('href'), text: el?.textContent?.trim() };
    });
    assert.deepEqual(focused, { tag: 'A', href: '#main', text: '本文へ移動' });
    const box = await page.locator('a.skip').boundingBox();
    const viewport = page.viewportSize()!;
    assert.ok(
      box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.height > 0,
      `the focused skip link is visible on screen (box ${JSON.stringify(box)})`,
    );

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.equal(new URL(page.url()).hash, '#main');

    // on a page with a link in its content, the next Tab after skipping lands there, past the header
    await page.goto('/no-such-page');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement;
      return { inMain: Boolean(el?.closest('main')), href: el?.getAttribute('href') };
    });
    assert.deepEqual(next, { inMain: true, href: '/' });
  });

  e2e.test('has no WCAG 2.2 AA violations found by axe, in Japanese and in English', async ({ page }) => {
    await page.goto('/');
    await expectAccessible(page, 'home');
    await page.goto('/no-such-page');
    await expectAccessible(page, '404 page');

    await switchLanguage(page, 'English');
    assert.equal(await htmlLang(page), 'en');
    await expectAccessible(page, '404 page');
    await page.goto('/');
    await expectAccessible(page, 'home');
  });

  e2e.test(
    'fits a 375px-wide phone screen without sideways scrolling',
    async ({ page }) => {
      for (const path of ['/', '/no-such-page']) {
        await page.goto(path);
        await expectNoHorizontalScroll(page, `${path} (ja)`);
      }
      await switchLanguage(page, 'English');
      for (const path of ['/', '/no-such-page']) {
        await page.goto(path);
        await expectNoHorizontalScroll(page, `${path} (en)`);
      }
      // the header's buttons stay large enough to press (WCAG 2.5.8: at least 24×24 CSS px)
      const button = await page.getByRole('button', { name: '日本語', exact: true }).boundingBox();
      assert.ok(button && button.width >= 24 && button.height >= 24, `button box ${JSON.stringify(button)}`);
    },
    { context: { viewport: { width: 375, height: 740 } } },
  );
});
