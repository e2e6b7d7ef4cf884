// The CSAF directory listings (trusted-provider requirement 14) in a real browser: the TLP:WHITE folder and a year
// folder pass axe (WCAG 2.2 AA), need no script, and their links lead to the files.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { browserSuite, expectAccessible, htmlLang } from '../../../e2e/harness.js';
import { writePublicAdvisories } from '../publication/public-writer.js';
import { storeCsafDocument } from './store-csaf.js';
import { minimalAdvisory, richAdvisory } from './testing.js';

describe('the CSAF directory listings in a browser', () => {
  const e2e = browserSuite();

  e2e.test(
    'the folder and a year folder are accessible and link to the published files',
    async ({ app, page }) => {
      await app.ctx.db.transaction().execute(async (trx) => {
        const docs = [minimalAdvisory(), richAdvisory()];
        await writePublicAdvisories(
          trx,
          docs.map((doc) => ({ doc, origin: 'keikai' as const })),
        );
        for (const doc of docs) await storeCsafDocument(trx, app.ctx, doc);
      });

      await page.goto('/.well-known/csaf/white/');
      assert.equal(await htmlLang(page), 'en');
      assert.equal(await page.locator('script').count(), 0);
      await expectAccessible(page, 'CSAF folder');
      await page.getByRole('link', { name: '2026/' }).click();
      await page.waitForURL(/\/white\/2026\/$/);
      await expectAccessible(page, 'CSAF year folder');
      const href = await page
        .getByRole('link', { name: 'jvn_10000001.json', exact: true })
        .getAttribute('href');
      const file = await page.goto(new URL(href ?? '', page.url()).toString());
      assert.equal(file?.status(), 200);
      assert.match(file?.url() ?? '', /\/\.well-known\/csaf\/white\/2026\/jvn_10000001\.json$/);
      assert.equal(JSON.parse((await file?.text()) ?? '{}').document.tracking.id, 'JVN#10000001');
    },
  );
});
