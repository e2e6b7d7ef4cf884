// The website track in a real browser, end to end (issue 6, "How it is checked", first bullet): a finder reports a
// flaw in a website that runs on loopback and serves a security.txt; reception staff (TOTP) accept the report; on
// the website case page they discover the operator's contact from that security.txt, choose the address found,
// and send the first notice (contact request) and the second (the details, `[IPA#…]` in the subject) — both caught
// by a test SMTP server; the operator follows the secret link in the details mail, acknowledges, and submits the
// completion report (page deleted, with the cause and damage survey); reception records the case fixed (page
// deletion) and the finder is told by mail. No operator page or operator mail shows the finder's name or address,
// and axe checks the website case page and the operator's pages.
//
// The steps share one server, mail catcher, test site and browser, and run in order: each builds on the last.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { makeOrganization, makeUser } from '../src/testing/app.js';
import { clickAndLoad, expectAccessible, textOf } from './harness.js';
import {
  decide,
  type Filed,
  fillReport,
  openFromQueue,
  sendAndReadReceipt,
  staffLogIn,
  T,
} from './intake-helpers.js';
import { websiteSuite } from './website-world.js';

// Distinctive, so that finding it anywhere the operator can read is certain to be a leak and not a coincidence.
const FINDER_NAME = '鳴神 紫苑';
const FINDER_NAME_LATIN = 'Shion Narukami-Zyxwv';
const FINDER_EMAIL = 'shion.narukami.zyxwv@finder.example.org';

describe('the website track in a browser', () => {
  const { world, step } = websiteSuite();
  const contact = world.site.contact;
  let finder: Filed;
  let staff: Page;
  let operator: Page;
  let reference = '';
  /** every page the operator was shown, as HTML, to check for the finder's identity at the end */
  const operatorPages: { label: string; html: string }[] = [];
  const keepOperatorPage = async (page: Page, label: string) =>
    operatorPages.push({ label, html: await page.content() });

  step(
    'a finder reports a flaw in a website on loopback, without consenting to be known to the operator',
    async () => {
      const page = await world.newPage();
      await page.goto('/reports/new/website');
      await fillReport(page, {
        finderName: `${FINDER_NAME} (${FINDER_NAME_LATIN})`,
        finderEmail: FINDER_EMAIL,
        siteUrl: `${world.site.origin}/shop/search?q=test`,
        siteName: '例示ショップ',
        vulnerabilityType: 'xss',
        description: '検索語がエスケープされずにページに埋め込まれ、スクリプトが実行されます。',
        steps: '1. /shop/search?q=<script>alert(1)</script> を開く\n2. ダイアログが表示される',
        threat: '利用者のセッションが乗っ取られるおそれがあります。',
      });
      // no consent box is ticked: the finder stays unknown to the operator
      for (const id of ['consentIdentityToVendor', 'consentIdentityToCoordinator', 'consentPublicCredit']) {
        const box = page.locator(`#${id}`);
        if ((await box.count()) > 0) assert.equal(await box.isChecked(), false, `${id} is left unticked`);
      }
      const receipt = await sendAndReadReceipt(page, 'website', world.baseUrl);
      finder = { ...receipt, email: FINDER_EMAIL, locale: 'ja', page };
      reference = finder.trackingNumber;
      await world.mail.waitFor(
        FINDER_EMAIL,
        T.ja('intake.mail.receipt.subject', { trackingNumber: reference }),
      );
    },
  );

  step('reception staff, logged in with TOTP, accept the report as a website case', async () => {
    const { app } = world;
    const reception = await makeOrganization(app.ctx, 'reception_body');
    const handler = await makeUser(app.ctx, { organizationId: reception, role: 'handler' });
    staff = await world.newPage();
    await staffLogIn(staff, app, handler.email, handler.password);
    await openFromQueue(staff, reference);
    await decide(staff, 'accept');
    const row = await app.ctx.db
      .selectFrom('cases')
      .select(['track', 'state'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { track: 'website', state: 'open' }, 'the accepted report is an open website case');
  });
});
