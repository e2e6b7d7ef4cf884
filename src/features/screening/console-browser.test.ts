// The reception console and the case pages in a real browser: WCAG checks (axe, which needs the browser's
// scripting) on the queue, the report page with every decision form open and the case pages; the pages carry no
// script of their own, so a decision is made with forms and <details> alone; a phone-width layout without
// sideways scrolling.

import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import {
  browserSuite,
  clickAndLoad,
  expectAccessible,
  expectNoHorizontalScroll,
  textOf,
} from '../../../e2e/harness.js';
import { createSession } from '../../platform/auth/sessions.js';
import type { TestApp } from '../../testing/app.js';
import { softwareReport, submit, websiteReport } from '../../testing/reports.js';
import { makeCast, reportUrl } from './testing.js';

async function signInAs(app: TestApp, context: BrowserContext, userId: string, baseUrl: string) {
  const token = await createSession(app.ctx.db, app.ctx, {
    userId,
    mfaVerified: true,
    ip: null,
    userAgent: null,
  });
  await context.addCookies([{ name: 'keikai_session', value: token, url: baseUrl }]);
}

describe('the reception console in a browser', () => {
  const e2e = browserSuite();

  e2e.test(
    'is accessible, and a report is accepted and handed over with forms alone',
    async ({ app, context, page, url }) => {
      const cast = await makeCast(app);
      const r = await submit(app, softwareReport(), [{ filename: 'poc.txt', data: Buffer.from('steps') }]);
      await submit(app, websiteReport({ locale: 'en' }));
      await signInAs(app, context, cast.receptionLead.userId, url('/'));

      await page.goto('/reception/reports');
      await expectAccessible(page);
      await clickAndLoad(page, page.getByRole('link', { name: r.trackingNumber }));
      assert.equal(new URL(page.url()).pathname, reportUrl(r.trackingNumber).replace('#', '%23'));
      await expectAccessible(page, 'report page');
      assert.equal(await page.locator('script').count(), 0, 'no script: it works without JavaScript');
      // every decision form opened, so the checks cover them too
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      await expectAccessible(page, 'report page with the decision forms open');

      await page.locator('details').first().locator('summary').focus();
      await clickAndLoad(page, page.getByRole('button', { name: '受理して案件を引き渡す' }));
      assert.match(await textOf(page.locator('.notice[role="status"]')), /受理しました/);
      assert.match(await textOf(page.locator('#status + dl, section[aria-labelledby="status"] dl')), /受理/);

      await page.goto('/coordination/cases');
      await expectAccessible(page);
      await clickAndLoad(page, page.getByRole('link', { name: r.trackingNumber }));
      await expectAccessible(page, 'case page');

      const phone = await context.newPage();
      await phone.setViewportSize({ width: 360, height: 740 });
      await phone.goto(reportUrl(r.trackingNumber));
      await expectNoHorizontalScroll(phone, 'report page at 360px');
    },
  );

  e2e.test(
    'shows a coordinator the withheld marker on an accessible case page, in English',
    async ({ app, context, page, url }) => {
      const cast = await makeCast(app);
      const r = await submit(app, softwareReport());
      const lead = cast.receptionLead;
      await signInAs(app, context, lead.userId, url('/'));
      await page.goto(reportUrl(r.trackingNumber));
      await page.locator('details').first().locator('summary').click();
      await clickAndLoad(page, page.getByRole('button', { name: '受理して案件を引き渡す' }));
      await context.clearCookies();
      await app.ctx.db
        .updateTable('users')
        .set({ locale: 'en' })
        .where('id', '=', cast.coordinationHandler.userId)
        .execute();
      await signInAs(app, context, cast.coordinationHandler.userId, url('/'));
      await page.goto(`/cases/${encodeURIComponent(r.trackingNumber)}`);
      assert.match(await textOf(page.locator('main')), /Withheld: the finder did not consent/);
      await expectAccessible(page, 'case page (en)');
    },
  );
});
