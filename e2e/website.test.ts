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
  pathOf,
  sendAndReadReceipt,
  staffLogIn,
  staffT,
  T,
} from './intake-helpers.js';
import { websiteSuite } from './website-world.js';

// Distinctive, so that finding it anywhere the operator can read is certain to be a leak and not a coincidence.
const FINDER_NAME = '鳴神 紫苑';
const FINDER_NAME_LATIN = 'Shion Narukami-Zyxwv';
const FINDER_EMAIL = 'shion.narukami.zyxwv@finder.example.org';

/** A section of the page's main part, by the id of its heading. */
const section = (page: Page, heading: string) => page.locator(`main section[aria-labelledby="${heading}"]`);
/** The notice a form's redirect shows. */
const notice = (page: Page) => textOf(page.locator('main .notice[role=status]'));

describe('the website track in a browser', () => {
  const { world, step } = websiteSuite();
  const contact = world.site.contact;
  let finder: Filed;
  let staff: Page;
  let operator: Page;
  let reference = '';
  let staffEmail = '';
  let operatorLink = '';
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
    staffEmail = handler.email;
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

  step(
    'on the website case page, staff find the contact in the site’s security.txt and choose the address found',
    async () => {
      // the way a person gets there: the website queue, the case, its website page
      await staff.goto('/website/cases');
      await clickAndLoad(staff, staff.locator('main').getByRole('link', { name: reference, exact: true }));
      await clickAndLoad(staff, staff.locator('main').getByRole('link', { name: staffT('website.title') }));
      assert.equal(pathOf(staff), `/website/cases/${reference}`);
      assert.equal(await textOf(staff.locator('h1')), staffT('website.case.title', { reference }));
      assert.ok((await textOf(section(staff, 'contact'))).includes(staffT('website.contact.none')));
      await expectAccessible(staff, 'website case page, new');

      await clickAndLoad(
        staff,
        section(staff, 'discovery').getByRole('button', { name: staffT('website.discovery.run') }),
      );
      assert.equal(await notice(staff), staffT('website.done.discovery'));
      assert.ok(
        world.site.requests.includes('GET /.well-known/security.txt'),
        `keikai asked the test site for its security.txt (it saw ${JSON.stringify(world.site.requests)})`,
      );
      const row = section(staff, 'discovery').locator('tbody tr').first();
      const found = await textOf(row);
      assert.ok(found.includes(staffT('website.discovery.outcomes.found')), `found (${found})`);
      assert.ok(found.includes(`${world.site.origin}/.well-known/security.txt`), 'where it was read');
      assert.ok(found.includes(contact), `the address found is shown (${contact})`);
      await expectAccessible(staff, 'website case page with a security.txt found');

      // the address found is chosen with the button beside it
      const choose = row.locator('div', { hasText: contact }).getByRole('button', {
        name: staffT('website.contact.useAddress'),
      });
      await clickAndLoad(staff, choose);
      assert.equal(await notice(staff), staffT('website.done.contact'));
      const chosen = await textOf(section(staff, 'contact').locator('dl').first());
      assert.ok(
        chosen.includes(staffT('website.contact.sources.security_txt')),
        `from security.txt (${chosen})`,
      );
      assert.ok(chosen.includes(contact), 'the address found is the contact now');
    },
  );

  step(
    'staff send the first notice and then the details, both caught with the handling number in the subject',
    async () => {
      const notices = () => section(staff, 'notices');
      await clickAndLoad(
        staff,
        notices().getByRole('button', { name: staffT('website.notices.sendContactRequest') }),
      );
      assert.equal(await notice(staff), staffT('website.done.contact_request'));
      const prefix = `[${reference}]`;
      const first = await world.mail.waitFor(
        contact,
        T.ja('website.mail.contactRequest.subject', { prefix }),
      );
      assert.ok(first.subject?.startsWith(prefix), `the first notice's subject starts with ${prefix}`);
      assert.ok(first.text?.includes(world.site.origin), 'the first notice names the site');
      assert.equal(
        first.text?.includes('/operator/link/'),
        false,
        'the first notice carries no operator link',
      );

      await clickAndLoad(
        staff,
        notices().getByRole('button', { name: staffT('website.notices.sendDetails') }),
      );
      assert.equal(await notice(staff), staffT('website.done.details'));
      const sent = await textOf(notices().locator('table'));
      for (const kind of ['contact_request', 'details']) {
        assert.ok(sent.includes(staffT(`website.notices.kinds.${kind}`)), `the ${kind} notice is listed`);
      }
      assert.equal(await notices().locator('tbody tr').count(), 2, 'two notices went out');
      assert.ok((await textOf(section(staff, 'clock'))).includes(staffT('website.clock.investigationDue')));
      await expectAccessible(staff, 'website case page, notified');
      const details = await world.mail.waitFor(contact, T.ja('website.mail.details.subject', { prefix }));
      assert.ok(details.subject?.startsWith(prefix), `the details' subject starts with ${prefix}`);
      const body = details.text ?? '';
      assert.ok(body.includes(`${world.site.origin}/shop/search?q=test`), 'the details give the URL');
      assert.ok(body.includes(T.ja('intake.types.xss')), 'and the type');
      assert.match(
        body,
        /上記は発見者からの情報であり、.+では検証していません。/,
        'and say the reception body did not verify it',
      );
      operatorLink = new RegExp(`${world.baseUrl}/operator/link/[A-Za-z0-9_-]+`).exec(body)?.[0] ?? '';
      assert.ok(operatorLink, 'the details carry the operator’s secret link on this server');
    },
  );

  step(
    'the operator follows the link in the mail, acknowledges, and reports the page deleted with the survey',
    async () => {
      operator = await world.newPage();
      const opened = await operator.goto(operatorLink);
      assert.equal(opened?.status(), 200, 'the link opens the operator’s page');
      assert.equal(
        pathOf(operator),
        `/operator/cases/${reference}`,
        'and leaves the token out of the address bar',
      );
      const main = () => textOf(operator.locator('main'));
      assert.ok((await main()).includes(reference), 'the page shows the handling number');
      assert.ok(
        (await main()).includes(T.ja('operator.case.reported.notVerified')),
        'says the report is unverified',
      );
      assert.ok((await main()).includes(T.ja('operator.case.finder.withheld')), 'and withholds the finder');
      await expectAccessible(operator, 'operator case page');
      await keepOperatorPage(operator, 'operator case page');

      await clickAndLoad(operator, operator.getByRole('button', { name: T.ja('operator.ack.submit') }));
      assert.equal(
        await textOf(operator.locator('main .notice[role=status]')),
        T.ja('operator.case.notices.acknowledged'),
      );
      await keepOperatorPage(operator, 'operator case page, acknowledged');
      await world.mail.waitFor(
        staffEmail,
        T.ja('operator.mail.acknowledged.subject', { prefix: `[${reference}]` }),
      );

      await clickAndLoad(operator, operator.getByRole('link', { name: T.ja('operator.completion.link') }));
      assert.equal(pathOf(operator), `/operator/cases/${reference}/completion`);
      await expectAccessible(operator, 'completion report form');
      await keepOperatorPage(operator, 'completion report form');
      const label = (key: string) => operator.getByLabel(T.ja(key), { exact: true });
      await label('operator.completion.actions.page_deleted').check();
      await label('operator.completion.whatDone').fill(
        '12月1日に検索ページ /shop/search を削除し、サイト内のリンクも外しました。',
      );
      await label('operator.completion.causeBasis.design').check();
      await label('operator.completion.causeDetail.xss').check();
      await label('operator.completion.damage.none').first().check();
      await operator
        .getByRole('group', { name: T.ja('operator.completion.q2b') })
        .getByLabel(T.ja('operator.completion.damage.cookie_leak'), { exact: true })
        .check();
      await label('operator.completion.nextContacts.reception_desk').check();
      await label('operator.completion.reporterOrganization').fill('例示ショップ株式会社');
      await label('operator.completion.reporterName').fill('運営 花子');
      await label('operator.completion.q3').fill('迅速な通知をありがとうございました。');
      await clickAndLoad(
        operator,
        operator.getByRole('button', { name: T.ja('operator.completion.submit') }),
      );
      assert.equal(pathOf(operator), `/operator/cases/${reference}`, 'back on the case page');
      assert.equal(
        await textOf(operator.locator('main .notice[role=status]')),
        T.ja('operator.case.notices.completed'),
      );
      const answers = await textOf(operator.locator('main section[aria-labelledby=answers]'));
      const completion = T.ja('operator.case.answers.completion', {
        action: T.ja('operator.completion.actions.page_deleted'),
      });
      assert.ok(answers.includes(completion), `the answers list the completion report (${completion})`);
      await expectAccessible(operator, 'operator case page after the completion report');
      await keepOperatorPage(operator, 'operator case page after the completion report');
      await world.mail.waitFor(
        staffEmail,
        T.ja('operator.mail.completion.subject', { prefix: `[${reference}]` }),
      );
    },
  );

  step('reception records the case fixed by page deletion, and the finder is told', async () => {
    await staff.reload();
    const answers = section(staff, 'operator-answers');
    const report = await textOf(answers.getByRole('region', { name: staffT('website.operator.completion') }));
    assert.ok(report.includes(staffT('website.fixActions.page_deleted')), `the completion report: ${report}`);
    assert.ok(report.includes(staffT('website.survey.cause_detail.xss')), 'with the survey answered');
    assert.ok(
      (await textOf(answers)).includes(staffT('website.operator.kinds.acknowledged')),
      'and the acknowledgement',
    );
    await expectAccessible(staff, 'website case page with the completion report');

    const form = staff.locator('#form-close');
    await form.getByLabel(staffT('website.close.outcome'), { exact: true }).selectOption('fixed');
    const fixAction = form.getByLabel(staffT('website.close.fixAction'), { exact: true });
    assert.equal(
      await fixAction.inputValue(),
      'page_deleted',
      'what was done comes from the completion report',
    );
    await form
      .getByLabel(staffT('website.close.reason'), { exact: true })
      .fill('運営者から該当ページを削除したとの修正完了報告があった。');
    assert.equal(
      await form.getByLabel(staffT('website.close.notifyFinder')).isChecked(),
      true,
      'the finder is told',
    );
    await clickAndLoad(staff, form.getByRole('button', { name: staffT('website.close.submit') }));
    assert.equal(await notice(staff), staffT('website.done.closed'));
    const outcome = await textOf(section(staff, 'outcome-heading'));
    assert.ok(outcome.includes(staffT('website.outcomes.fixed')), `fixed (${outcome})`);
    assert.ok(outcome.includes(staffT('website.fixActions.page_deleted')), 'by deleting the page');
    await expectAccessible(staff, 'website case page, closed');

    const row = await world.app.ctx.db
      .selectFrom('website_cases as w')
      .innerJoin('cases as c', 'c.id', 'w.case_id')
      .select(['w.outcome', 'w.fix_action', 'c.state'])
      .where('c.reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { outcome: 'fixed', fix_action: 'page_deleted', state: 'closed' });

    const told = await world.mail.waitFor(
      FINDER_EMAIL,
      T.ja('website.mail.finderOutcome.subject', { trackingNumber: reference }),
    );
    assert.ok(told.text?.includes(T.ja('website.outcomes.fixed')), 'the finder hears the case was fixed');
    assert.ok(told.text?.includes(T.ja('website.finderExplanations.fixed')));

    // on the closed case the operator's link still reads it (for the leak page, 90 days), with no answer forms
    const after = await operator.goto(operatorLink);
    assert.equal(after?.status(), 200, 'the operator’s link still opens the closed case');
    assert.equal(pathOf(operator), `/operator/cases/${reference}`);
    const closedPage = await textOf(operator.locator('main'));
    assert.ok(closedPage.includes(T.ja('operator.case.closed')), 'and says it is closed');
    assert.equal(await operator.locator('main form').count(), 0, 'no answer forms any more');
    await keepOperatorPage(operator, 'operator case page, closed');
  });

  step('no operator page and no mail to the operator names the finder', async () => {
    const mails = await world.mail.all(contact, '');
    assert.ok(mails.length >= 2, `the operator got the notices (${mails.length} mails)`);
    const leaks = (where: string, text: string) =>
      [FINDER_NAME, FINDER_NAME_LATIN, FINDER_EMAIL, 'finder.example.org']
        .filter((s) => text.includes(s))
        .map((s) => `${where} contains ${JSON.stringify(s)}`);
    const found = [
      ...mails.flatMap((m) => leaks(`mail "${m.subject}"`, `${m.subject}\n${m.text ?? ''}\n${m.html ?? ''}`)),
      ...operatorPages.flatMap((p) => leaks(p.label, p.html)),
    ];
    assert.deepEqual(found, [], 'the finder’s identity reached the operator');
    assert.ok(operatorPages.length >= 4, 'the operator’s pages were all checked');
  });
});
