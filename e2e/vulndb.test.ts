// The public vulnerability database in a real browser, as an anonymous visitor: the search form (without
// JavaScript's help: a plain GET) finds a two-character Japanese word, and the list and the advisory page
// (with a sample banner and English fallbacks marked lang="ja") pass axe (WCAG 2.2 AA).
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { sampleDocument, seedPublic } from '../src/features/vulndb/testing.js';
import { browserSuite, clickAndLoad, expectAccessible, textOf } from './harness.js';

describe('vulnerability database in the browser', () => {
  const e2e = browserSuite();

  e2e.test('search, read an advisory, accessible pages', async ({ app, page, newContext }) => {
    await seedPublic(app.ctx, [
      sampleDocument({ id: 'JVN#60000001', firstPublishedAt: '2026-11-01T01:00:00.000Z', sample: true }),
      sampleDocument({
        id: 'JVN#60000002',
        firstPublishedAt: '2026-11-02T01:00:00.000Z',
        title: { ja: '暗号鍵のハードコード', en: '' },
        overview: { ja: '暗号の鍵が固定されています。', en: '' },
        description: { ja: '鍵が固定です。', en: '' },
        vulnerabilities: [],
        vendorStatuses: [],
      }),
    ]);

    await page.goto('/advisories');
    await page.getByLabel('キーワード').fill('認証');
    await page.getByLabel('緊急').check();
    await clickAndLoad(page, page.getByRole('button', { name: '検索', exact: true }));
    assert.match(page.url(), /q=%E8%AA%8D%E8%A8%BC/);
    const results = await textOf(page.locator('table'));
    assert.match(results, /JVN#60000001/);
    assert.doesNotMatch(results, /JVN#60000002/);
    await expectAccessible(page, '/advisories (search results)');

    await clickAndLoad(page, page.getByRole('link', { name: 'JVN#60000001' }));
    assert.match(await textOf(page.locator('h1')), /認証回避/);
    assert.match(await textOf(page.locator('.sample-banner')), /サンプル/);
    await expectAccessible(page, 'an advisory (ja)');
    // the anonymous page is cached whole (no CSRF token in it): its language switch still works
    const advisoryUrl = page.url();
    await clickAndLoad(page, page.locator('.lang-switch button'));
    assert.equal(page.url(), advisoryUrl, 'back on the same advisory');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    const english = await (await newContext({ locale: 'en-GB' })).newPage();
    await english.goto('/advisories/JVN60000002');
    assert.equal(await english.locator('html').getAttribute('lang'), 'en');
    assert.equal(await english.locator('h1').getAttribute('lang'), 'ja');
    await expectAccessible(english, 'an advisory (en, Japanese fallbacks)');
  });
});
