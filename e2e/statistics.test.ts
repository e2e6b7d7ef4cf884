// The statistics pages in a real browser, as an anonymous visitor: the dashboard and the 2012-Q3 quarterly
// report (the seeds' reference figures, put in the engine's place) pass axe (WCAG 2.2 AA) in Japanese and in
// English with every server-drawn chart shown (no CSP violation from the SVG), the as-of form works without
// JavaScript, and printing hides the navigation and keeps the charts and tables.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { emptyReport, replaceEngineForTests } from '../src/features/statistics/load-report.js';
import { sampleReport } from '../src/features/statistics/testing.js';
import { browserSuite, clickAndLoad, expectAccessible, expectNoHorizontalScroll, textOf } from './harness.js';

async function expectPrintable(page: Page, label: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  assert.equal(
    await page.locator('header nav').isVisible(),
    false,
    `${label}: the navigation is not printed`,
  );
  assert.equal(
    await page.locator('.lang-switch').isVisible(),
    false,
    `${label}: the language switch is not printed`,
  );
  assert.equal(await page.locator('svg.chart-svg').first().isVisible(), true, `${label}: charts are printed`);
  assert.equal(
    await page.locator('table.stat-table').first().isVisible(),
    true,
    `${label}: tables are printed`,
  );
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('header nav').isVisible(), true);
}

describe('statistics in the browser', () => {
  const e2e = browserSuite();

  // each page carries twenty-odd SVG charts, which axe walks element by element: one page or two per test
  const withFixture = async (fn: () => Promise<void>) => {
    const restore = replaceEngineForTests(async (_ctx, asOf) =>
      asOf === '2012-09-30' ? sampleReport() : emptyReport(asOf, '2004-07-08'),
    );
    try {
      await fn();
    } finally {
      restore();
    }
  };

  e2e.test('the dashboard from the navigation, as of a chosen day: accessible, printable (ja)', ({ page }) =>
    withFixture(async () => {
      await page.goto('/');
      await clickAndLoad(page, page.locator('header nav').getByRole('link', { name: '届出状況' }));
      assert.equal(new URL(page.url()).pathname, '/statistics');
      await expectAccessible(page, '/statistics (today, nothing counted)');

      // the as-of form is a plain GET
      await page.getByLabel('基準日').fill('2012-09-30');
      await clickAndLoad(page, page.getByRole('button', { name: '表示', exact: true }));
      assert.match(page.url(), /asOf=2012-09-30/);
      assert.match(await textOf(page.locator('.stat-headlines')), /7,950/);
      assert.ok((await page.locator('svg[role="img"]').count()) >= 4);
      await expectAccessible(page, '/statistics?asOf=2012-09-30 (ja)');
      await expectNoHorizontalScroll(page);
      await expectPrintable(page, 'dashboard');

      await clickAndLoad(page, page.getByRole('link', { name: /2012年第3四半期の届出状況 の四半期報告/ }));
      assert.equal(new URL(page.url()).pathname, '/statistics/quarters/2012Q3');
    }),
  );

  e2e.test(
    'the 2012-Q3 report: reference figures, charts named by their captions, accessible, printable (ja)',
    ({ page }) =>
      withFixture(async () => {
        await page.goto('/statistics/quarters/2012Q3');
        const body = await textOf(page.locator('main'));
        for (const figure of ['7,950', '1,424', '6,526', '667', '4,436', '35%', '47%', '66%'])
          assert.ok(body.includes(figure), figure);
        const chart = page.getByRole('img', { name: 'ソフトウェア製品の脆弱性関連情報の届出の処理状況' });
        assert.equal(await chart.count(), 1, 'a chart is named by its caption');
        await expectAccessible(page, '/statistics/quarters/2012Q3 (ja)');
        await expectPrintable(page, 'quarter (ja)');
      }),
  );

  e2e.test(
    'in English: the dashboard, the quarterly report and a refused day are accessible',
    ({ page }) =>
      withFixture(async () => {
        await page.goto('/statistics?asOf=2012-09-30');
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
        await expectAccessible(page, '/statistics?asOf=2012-09-30 (en)');
        await page.goto('/statistics/quarters/2012Q3');
        assert.match(await textOf(page.locator('h1')), /Reporting statistics, Q3 2012/);
        await expectAccessible(page, '/statistics/quarters/2012Q3 (en)');
        await expectPrintable(page, 'quarter (en)');

        // a refused day: the error is announced and tied to the field
        await page.goto('/statistics?asOf=2099-01-01');
        assert.match(await textOf(page.locator('.error-summary')), /cannot be in the future/);
        await expectAccessible(page, '/statistics?asOf=2099-01-01 (en, refused)');
      }),
    { context: { locale: 'en-GB' } },
  );
});
