// Product coordination in a real browser, end to end (issue 4, "How it is checked", first bullet): a finder reports
// a vulnerability in a product and consents to nothing about who they are; the reception body accepts it; the
// coordinator registers three developers, records the vulnerability (CWE, CVSS 3.1), adds and notifies them, and
// each gets a notice by mail in its own language. A acknowledges, is affected and ships a fix (keeping its words to
// itself at first); B acknowledges and is not affected; C never answers — as the clock moves, the reminder sweep
// mails C, then flags it unreachable. The coordinator proposes a publication moment, A proposes a later one with a
// reason, the coordinator accepts it, and both sides show the agreed moment in JST. B reads A's statement only once
// A shares it. No developer page and no developer mail ever carries the finder's name or address; axe checks the
// workspace and the portal on the way.
//
// The steps share one server, mail catcher, clock and browser, and run in order: each builds on the case as the
// steps before it left it.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { createBusinessCalendar } from '../src/domain/business-days.js';
import { formatInstant } from '../src/domain/time.js';
import { runCoordinationSweep } from '../src/features/coordination/run-coordination-sweep.js';
import { ackReminderDueAt, coordinationPolicy } from '../src/features/coordination/schedule-policy.js';
import { makeOrganization, makeUser } from '../src/testing/app.js';
import {
  coordinationSuite,
  errorsOn,
  everythingOn,
  expectNone,
  expectNoSeriousViolations,
  noticeOf,
  passwordLogIn,
  pathOf,
  portalLinkIn,
  press,
  rowOf,
  section,
} from './coordination-world.js';
import { clickAndLoad, htmlLang, textOf } from './harness.js';
import {
  decide,
  expectReceiptMail,
  type Filed,
  fillReport,
  JAPANESE,
  openFromQueue,
  receiptSubject,
  sendAndReadReceipt,
  staffLogIn,
  T,
} from './intake-helpers.js';

/** The finder, made unmistakable so that any trace of them on a developer's page or in its mail is found. */
const FINDER = {
  name: '鬼灯 朔夜',
  email: 'sakuya.hozuki.7731@finder-mail.example',
  phone: '+81 90-7731-0042',
  organization: '朔夜セキュリティ研究室',
};
const FINDER_SECRETS = [FINDER.name, FINDER.email, FINDER.phone, FINDER.organization, 'sakuya', 'hozuki'];

type Developer = {
  key: 'A' | 'B' | 'C';
  nameJa: string;
  nameEn: string;
  /** the directory's contact window: where the notices and reminders go */
  window: string;
  locale: 'ja' | 'en';
  organizationId: string;
  user: { userId: string; email: string; password: string };
  page: Page;
};

const DEVS = [
  {
    key: 'A',
    nameJa: '陽炎ネットワークス株式会社',
    nameEn: 'Kagerou Networks K.K.',
    window: 'psirt@kagerou.example',
    locale: 'ja',
  },
  {
    key: 'B',
    nameJa: '北風ソフト合同会社',
    nameEn: 'Kitakaze Soft LLC',
    window: 'security@kitakaze.example',
    locale: 'en',
  },
  {
    key: 'C',
    nameJa: '霧島電子株式会社',
    nameEn: 'Kirishima Denshi Co., Ltd.',
    window: 'support@kirishima.example',
    locale: 'ja',
  },
] as const;

const staffT = T.ja; // the staff accounts are Japanese
const VULN = {
  titleJa: 'ルーター管理画面の格納型クロスサイト・スクリプティング',
  titleEn: 'Stored cross-site scripting in the router admin console',
  cwe: 'CWE-79',
  cvss31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
};
const A_STATEMENT = 'A社の見解: ファームウェア 2.3 系が影響を受けることを確認しました。';
const A_FIX = 'A社の対策: ファームウェア 2.3.9 で修正しました。';
const REPORT_DESCRIPTION = '管理画面の端末名欄に入力したスクリプトが、一覧画面で実行されます。';
const B_STATEMENT = 'Kitakaze does not ship the affected admin console component.';
const COUNTER_REASON = 'A社: 修正版の配布に2週間の準備期間が必要なため。';

describe('coordinating a three-developer case in a browser', () => {
  const { world, step } = coordinationSuite();
  let report: Filed;
  let reference = '';
  let coordinator: Page;
  let coordinatorEmail = '';
  const devs = new Map<'A' | 'B' | 'C', Developer>();
  const dev = (k: 'A' | 'B' | 'C') => devs.get(k) as Developer;
  const workspace = () => `/coordination/cases/${encodeURIComponent(reference)}`;
  const portal = () => `/portal/cases/${encodeURIComponent(reference)}`;

  /** A developer's page must never show the finder: checked on every developer page the test looks at. */
  async function expectNoFinder(page: Page, label: string): Promise<void> {
    expectNone(await everythingOn(page), FINDER_SECRETS, label);
  }

  /** Opens the developer's page of the case (a fresh load) and checks it for the finder. */
  async function openPortal(d: Developer): Promise<void> {
    const res = await d.page.goto(portal());
    assert.equal(res?.status(), 200, `${d.key} opens its part of the case`);
    await expectNoFinder(d.page, `${d.key}'s portal page`);
  }

  step('a finder reports a product vulnerability and consents to nothing about who they are', async () => {
    const page = await world.newPage();
    await page.goto('/reports/new/software');
    await fillReport(page, {
      finderName: FINDER.name,
      finderEmail: FINDER.email,
      finderPhone: FINDER.phone,
      finderOrganization: FINDER.organization,
      productName: 'Kagerou WR-3000 ファームウェア',
      developerName: 'Kagerou',
      versions: '2.3.0〜2.3.8',
      description: REPORT_DESCRIPTION,
      steps: '1. 端末名に <script>alert(1)</script> を設定する\n2. 管理画面の端末一覧を開く',
    });
    for (const box of await page.locator('main input[type=checkbox][id^=consent]').all()) {
      assert.equal(await box.isChecked(), false, `${await box.getAttribute('id')} is left unchecked`);
    }
    const receipt = await sendAndReadReceipt(page, 'software', world.baseUrl);
    report = { ...receipt, email: FINDER.email, locale: 'ja', page };
    await expectReceiptMail(await world.mail.waitFor(FINDER.email, receiptSubject(report)), report);
  });

  step('reception staff accept it, and the coordination body finds it in its product queue', async () => {
    const { app } = world;
    const reception = await makeOrganization(app.ctx, 'reception_body');
    const handler = await makeUser(app.ctx, { organizationId: reception, role: 'handler' });
    const staff = await world.newPage();
    await staffLogIn(staff, app, handler.email, handler.password);
    await openFromQueue(staff, report.trackingNumber);
    await decide(staff, 'accept');
    reference = report.trackingNumber; // a report's first case is known by its tracking number

    const body = await makeOrganization(app.ctx, 'coordination_body');
    const person = await makeUser(app.ctx, { organizationId: body, role: 'handler' });
    coordinatorEmail = person.email;
    coordinator = await world.newPage();
    await staffLogIn(coordinator, app, person.email, person.password);
    await coordinator.goto('/coordination/cases');
    assert.equal(
      await coordinator.locator('main').getByRole('link', { name: reference, exact: true }).count(),
      1,
      'the product queue lists the new case',
    );
  });

  step(
    'the coordinator registers developers A, B and C in the directory; each has a user account',
    async () => {
      const page = coordinator;
      for (const d of DEVS) {
        await page.goto('/directory/new');
        const form = page.locator('main form', { has: page.locator('[name=emails]') });
        await form
          .getByLabel(staffT('directory.form.type'), { exact: true })
          .selectOption('product_developer');
        await form.getByLabel(staffT('directory.form.nameJa'), { exact: true }).fill(d.nameJa);
        await form.getByLabel(staffT('directory.form.nameEn'), { exact: true }).fill(d.nameEn);
        await form.getByLabel(staffT('directory.form.emails'), { exact: true }).fill(d.window);
        for (const l of ['ja', 'en'] as const) {
          const box = form.getByLabel(staffT(`directory.languages.${l}`), { exact: true });
          if (l === d.locale) await box.check();
          else await box.uncheck();
        }
        await form.getByLabel(staffT('directory.form.locale'), { exact: true }).selectOption(d.locale);
        const status = await press(page, form.getByRole('button', { name: staffT('directory.form.create') }));
        assert.equal(
          status,
          303,
          `${d.key} is registered (HTTP ${status}: ${await textOf(page.locator('main'))})`,
        );
        const organizationId = /^\/directory\/([0-9a-f-]{36})$/.exec(pathOf(page))?.[1];
        assert.ok(organizationId, `the entry page of ${d.key} follows (${pathOf(page)})`);
        assert.equal(await noticeOf(page), staffT('directory.entry.notices.created'));
        const user = await makeUser(world.app.ctx, {
          organizationId,
          role: 'member',
          email: `${d.key.toLowerCase()}.user@${d.window.split('@')[1]}`,
          locale: d.locale,
        });
        const devPage = await world.newPage(d.locale === 'en' ? { locale: 'en-US' } : {});
        devs.set(d.key, { ...d, organizationId, user, page: devPage });
      }
    },
  );

  step(
    'the coordinator records the vulnerability, adds A, B and C and notifies them; each notice comes in its language',
    async (t) => {
      const page = coordinator;
      // from the product queue to the case, and from the case to its workspace
      await page.goto('/coordination/cases');
      await clickAndLoad(page, page.locator('main').getByRole('link', { name: reference, exact: true }));
      await clickAndLoad(page, page.getByRole('link', { name: staffT('coordination.workspace.link') }));
      assert.equal(pathOf(page), `/coordination/cases/${reference}`, 'the workspace opens');
      await expectNoFinder(page, 'the workspace (the finder consented to nothing)');

      // the vulnerability: a title in both languages, a CWE from the shipped list, a CVSS 3.1 vector
      const vulns = section(page, 'vulnerabilities');
      const add = vulns.locator('form', {
        has: page.getByRole('button', { name: staffT('coordination.workspace.addVulnerability') }),
      });
      await add.getByLabel(staffT('coordination.workspace.titleJa'), { exact: true }).fill(VULN.titleJa);
      await add.getByLabel(staffT('coordination.workspace.titleEn'), { exact: true }).fill(VULN.titleEn);
      await add.getByLabel(staffT('coordination.workspace.cwe'), { exact: true }).fill(VULN.cwe);
      // a vector with a metric left out is refused, with the error at the field and everything typed kept
      const cvss = add.getByLabel(staffT('coordination.workspace.cvss31'), { exact: true });
      await cvss.fill('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L');
      const refused = await press(
        page,
        add.getByRole('button', { name: staffT('coordination.workspace.addVulnerability') }),
      );
      assert.equal(refused, 400, 'an incomplete CVSS vector is refused');
      const again = section(page, 'vulnerabilities').locator('form', {
        has: page.getByRole('button', { name: staffT('coordination.workspace.addVulnerability') }),
      });
      const cvssAgain = again.getByLabel(staffT('coordination.workspace.cvss31'), { exact: true });
      assert.equal(await cvssAgain.getAttribute('aria-invalid'), 'true', 'the vector is marked');
      assert.ok((await errorsOn(page)).length > 0, 'and named in the error summary');
      assert.equal(
        await again.getByLabel(staffT('coordination.workspace.titleJa'), { exact: true }).inputValue(),
        VULN.titleJa,
        'the title typed is kept',
      );
      assert.ok(
        (await textOf(section(page, 'vulnerabilities'))).includes(staffT('coordination.workspace.none')),
        'and nothing was recorded',
      );
      await cvssAgain.fill(VULN.cvss31);
      const saved = await press(
        page,
        again.getByRole('button', { name: staffT('coordination.workspace.addVulnerability') }),
      );
      assert.equal(saved, 303, `the vulnerability is saved (HTTP ${saved}: ${await errorsOn(page)})`);
      assert.equal(await noticeOf(page), staffT('coordination.workspace.notices.saved'));
      const recorded = await textOf(section(page, 'vulnerabilities'));
      assert.ok(
        recorded.includes(`${reference}.1 ${VULN.titleJa}`),
        `the vulnerability is listed: ${recorded}`,
      );
      assert.ok(recorded.includes(VULN.cwe), 'with its CWE');
      assert.ok(recorded.includes(`${VULN.cvss31} — 6.1`), 'with its vector and the computed base score 6.1');

      // the developers, one at a time from the directory
      for (const d of devs.values()) {
        const parties = section(page, 'parties');
        await parties
          .getByLabel(staffT('coordination.workspace.addDeveloper'), { exact: true })
          .selectOption({ label: `${d.nameJa} / ${d.nameEn}` });
        const added = await press(
          page,
          parties.getByRole('button', { name: staffT('coordination.workspace.addDeveloper') }),
        );
        assert.equal(added, 303, `${d.key} is added to the case`);
        assert.equal(await rowOf(section(page, 'parties'), d.nameJa).count(), 1, `${d.key} has a row`);
      }

      // notified, one at a time: the first notice is the start date (起算日)
      for (const d of devs.values()) {
        const row = rowOf(section(page, 'parties'), d.nameJa);
        const notified = await press(
          page,
          row.getByRole('button', { name: staffT('coordination.workspace.notify'), exact: true }),
        );
        assert.equal(notified, 303, `${d.key} is notified`);
        assert.equal(await noticeOf(page), staffT('coordination.workspace.notices.notified'));
      }
      const summary = await textOf(section(page, 'summary'));
      assert.ok(
        summary.includes('2027-01-12'),
        `the start date is the JST date of the first notice: ${summary}`,
      );
      assert.ok(summary.includes('2027-02-26'), `the target is 45 days later: ${summary}`);

      for (const d of devs.values()) {
        const subject = T[d.locale]('coordination.mail.notified.subject', { reference });
        const mail = await world.mail.waitFor(d.window, subject);
        assert.equal(mail.language, d.locale, `${d.key}'s notice is marked ${d.locale}`);
        assert.equal(
          JAPANESE.test(mail.text ?? ''),
          d.locale === 'ja',
          `${d.key}'s notice is written in ${d.locale}`,
        );
        assert.ok(mail.text?.includes(d.locale === 'ja' ? d.nameJa : d.nameEn), `${d.key}'s notice names it`);
        assert.equal(
          portalLinkIn(mail, world.baseUrl),
          world.baseUrl + portal(),
          'and links to its part of the case',
        );
        expectNone(`${mail.subject}\n${mail.text}\n${mail.html ?? ''}`, FINDER_SECRETS, `${d.key}'s notice`);
      }
      await page.reload();
      for (const d of devs.values()) {
        const row = await textOf(rowOf(section(page, 'parties'), d.nameJa));
        assert.ok(
          row.includes(staffT('coordination.workspace.notifyAgain')),
          `${d.key} shows as notified: ${row}`,
        );
      }
      await expectNoSeriousViolations(t, page, 'the workspace with three notified developers');
    },
  );

  step(
    'A acknowledges and is affected, B acknowledges and is not affected; B does not see what A keeps to itself',
    async (t) => {
      const a = dev('A');
      const b = dev('B');
      await passwordLogIn(a.page, a.user.email, a.user.password);
      // A follows the link from its notice
      const notice = await world.mail.waitFor(
        a.window,
        T.ja('coordination.mail.notified.subject', { reference }),
      );
      await a.page.goto(portalLinkIn(notice, world.baseUrl));
      assert.equal(pathOf(a.page), `/portal/cases/${reference}`);
      await expectNoFinder(a.page, "A's portal page");
      await expectNoSeriousViolations(t, a.page, "A's portal page (ja)");
      const aMain = await textOf(a.page.locator('main'));
      assert.ok(aMain.includes(VULN.titleJa), 'A reads the vulnerability');
      assert.ok(aMain.includes(REPORT_DESCRIPTION), 'and the report itself');
      assert.equal(
        await section(a.page, 'finder').locator('.withheld').count(),
        1,
        'but the finder is withheld (no consent)',
      );

      assert.equal(
        await press(a.page, a.page.getByRole('button', { name: T.ja('portal.case.acknowledge') })),
        303,
      );
      assert.equal(await noticeOf(a.page), T.ja('portal.notices.acknowledged'));
      await saveStatus(a, 'affected', { statement: A_STATEMENT, shared: false });

      await passwordLogIn(b.page, b.user.email, b.user.password);
      await openPortal(b);
      assert.equal(await htmlLang(b.page), 'en', 'B reads its page in English');
      assert.ok((await textOf(b.page.locator('main'))).includes(VULN.titleEn), 'B reads the vulnerability');
      assert.equal(
        await press(b.page, b.page.getByRole('button', { name: T.en('portal.case.acknowledge') })),
        303,
      );
      assert.equal(await noticeOf(b.page), T.en('portal.notices.acknowledged'));
      await saveStatus(b, 'not_affected', { statement: B_STATEMENT, shared: false });
      await expectNoSeriousViolations(t, b.page, "B's portal page (en)");

      // A ships its fix, still keeping statement and countermeasure to the coordinator
      await saveStatus(a, 'fixed', { statement: A_STATEMENT, countermeasure: A_FIX, shared: false });

      await openPortal(b);
      await expectNothingOfA(b.page, 'B’s page while A shares nothing');
      assert.ok(
        (await textOf(section(b.page, 'vuln-1'))).includes(T.en('portal.vulns.noneShared')),
        'B is told nothing was shared',
      );

      // the coordinator sees every answer in the matrix, with A's words
      await coordinator.goto(workspace());
      const matrix = section(coordinator, 'matrix');
      const cell = async (d: Developer) => textOf(rowOf(matrix, d.nameJa).locator('td').first());
      assert.ok((await cell(a)).startsWith(staffT('coordination.statuses.fixed')), `A: ${await cell(a)}`);
      assert.ok(
        (await cell(b)).startsWith(staffT('coordination.statuses.not_affected')),
        `B: ${await cell(b)}`,
      );
      assert.ok(
        (await cell(dev('C'))).startsWith(staffT('coordination.statuses.unknown')),
        `C: ${await cell(dev('C'))}`,
      );
      const aCell = await rowOf(matrix, a.nameJa).locator('td').first().innerHTML();
      assert.ok(
        aCell.includes(A_STATEMENT) && aCell.includes(A_FIX),
        'the coordinator reads A’s statement and fix',
      );
      // and which developers opened their notice and acknowledged it
      for (const d of [a, b, dev('C')]) {
        const cells = rowOf(section(coordinator, 'parties'), d.nameJa).locator('td');
        const seen = d.key === 'C' ? 0 : 1;
        assert.equal(
          await cells.nth(2).locator('time').count(),
          seen,
          `${d.key} opened the case: ${seen === 1}`,
        );
        assert.equal(
          await cells.nth(3).locator('time').count(),
          seen,
          `${d.key} acknowledged: ${seen === 1}`,
        );
      }
    },
  );

  /** Saves the developer's status on vulnerability 1 with the portal's form and checks the notice. */
  async function saveStatus(
    d: Developer,
    status: string,
    o: { statement: string; countermeasure?: string; shared: boolean },
  ): Promise<void> {
    const t = T[d.locale];
    await openPortal(d);
    const form = section(d.page, 'vuln-1').locator('form');
    await form.getByLabel(t('portal.vulns.status'), { exact: true }).selectOption(status);
    await form.getByLabel(t('portal.vulns.statement'), { exact: true }).fill(o.statement);
    await form.getByLabel(t('portal.vulns.countermeasure'), { exact: true }).fill(o.countermeasure ?? '');
    await form.getByLabel(t('portal.vulns.shared'), { exact: true }).setChecked(o.shared);
    const saved = await press(d.page, form.getByRole('button', { name: t('portal.vulns.save') }));
    assert.equal(saved, 303, `${d.key} saves ${status} (HTTP ${saved}: ${await errorsOn(d.page)})`);
    assert.equal(await noticeOf(d.page), t('portal.notices.status'));
    const mine = await textOf(section(d.page, 'vuln-1'));
    assert.ok(mine.includes(t(`portal.statuses.${status}`)), `${d.key}'s page shows ${status}`);
    await expectNoFinder(d.page, `${d.key}'s portal page after saving`);
  }

  /** Neither A's words nor its name on another developer's page. */
  async function expectNothingOfA(page: Page, label: string): Promise<void> {
    const a = dev('A');
    expectNone(await everythingOn(page), [A_STATEMENT, A_FIX, a.nameJa, a.nameEn, a.window], label);
  }

  step('C never answers: reminders follow as the clock moves on, then C is flagged unreachable', async () => {
    const { app } = world;
    const c = dev('C');
    const policy = coordinationPolicy(app.ctx.config);
    const calendar = createBusinessCalendar();
    const party = await app.ctx.db
      .selectFrom('coordination_parties')
      .select(['notified_at'])
      .where('organization_id', '=', c.organizationId)
      .executeTakeFirstOrThrow();
    assert.ok(party.notified_at, 'C was notified');
    const reminder = (nth: number) => T.ja('coordination.mail.ackReminder.subject', { reference, nth });

    for (let nth = 1; nth <= policy.unreachableAfterReminders; nth++) {
      const due = ackReminderDueAt(party.notified_at, nth, policy, calendar);
      app.clock.set(new Date(due.getTime() - 60_000));
      assert.deepEqual(
        await runCoordinationSweep(app.ctx),
        { reminders: 0, unreachable: 0, targetNotices: 0 },
        `nothing a minute before reminder ${nth} (${due.toISOString()})`,
      );
      app.clock.set(due);
      assert.deepEqual(
        await runCoordinationSweep(app.ctx),
        { reminders: 1, unreachable: 0, targetNotices: 0 },
        `reminder ${nth} to C only (A and B acknowledged)`,
      );
      assert.deepEqual(
        await runCoordinationSweep(app.ctx),
        { reminders: 0, unreachable: 0, targetNotices: 0 },
        'a second sweep sends nothing again',
      );
      const mail = await world.mail.waitFor(c.window, reminder(nth));
      assert.equal(mail.language, 'ja');
      assert.equal(portalLinkIn(mail, world.baseUrl), world.baseUrl + portal());
    }
    const last = ackReminderDueAt(party.notified_at, policy.unreachableAfterReminders + 1, policy, calendar);
    app.clock.set(last);
    assert.deepEqual(
      await runCoordinationSweep(app.ctx),
      { reminders: 0, unreachable: 1, targetNotices: 0 },
      `C is flagged unreachable after ${policy.unreachableAfterReminders} unanswered reminders`,
    );
    assert.equal((await world.mail.all(c.window, reminder(1))).length, 1, 'each reminder went once');
    await world.mail.waitFor(
      coordinatorEmail,
      staffT('coordination.mail.unreachableCoordinator.subject', { reference }),
    );
    for (const k of ['A', 'B'] as const) {
      const d = dev(k);
      const subjectPart = T[d.locale]('coordination.mail.ackReminder.subject', { reference, nth: 1 });
      assert.equal(
        (await world.mail.all(d.window, subjectPart)).length,
        0,
        `${k} acknowledged and is not reminded`,
      );
    }

    // the workspace shows it
    await coordinator.goto(workspace());
    const row = rowOf(section(coordinator, 'parties'), c.nameJa);
    const cells = row.locator('td');
    const unreachableCell = cells.nth(4);
    assert.equal(
      await unreachableCell.locator('strong time').getAttribute('datetime'),
      last.toISOString(),
      'C is marked unreachable, with when',
    );
    assert.ok(
      (await textOf(unreachableCell)).includes(
        staffT('coordination.workspace.remindersSent', { count: policy.unreachableAfterReminders }),
      ),
      `and the reminders it was sent: ${await textOf(unreachableCell)}`,
    );
    for (const k of ['A', 'B'] as const) {
      const other = rowOf(section(coordinator, 'parties'), dev(k).nameJa).locator('td').nth(4);
      assert.equal(await other.locator('strong time').count(), 0, `${k} is not unreachable`);
    }
    assert.ok(
      (await textOf(section(coordinator, 'history'))).includes(
        staffT('coordination.events.coordination_party_unreachable'),
      ),
      'the history records it',
    );
  });

  step(
    'the coordinator proposes a publication moment, A proposes a later one with a reason, and the coordinator accepts it',
    async () => {
      const a = dev('A');
      const b = dev('B');
      const proposed = new Date('2027-02-24T01:00:00.000Z'); // 10:00 JST
      const counter = new Date('2027-03-10T01:00:00.000Z'); // 10:00 JST, two weeks later
      const jst = (at: Date, locale: 'ja' | 'en' = 'ja') =>
        formatInstant(at, { locale, timeZone: 'Asia/Tokyo' });

      const schedule = section(coordinator, 'schedule');
      const propose = schedule.locator('form', {
        has: coordinator.getByRole('button', { name: staffT('coordination.workspace.propose') }),
      });
      await propose
        .getByLabel(staffT('coordination.workspace.publishAt'), { exact: true })
        .fill('2027-02-24T10:00');
      await propose
        .getByLabel(staffT('coordination.workspace.timeZone'), { exact: true })
        .selectOption('Asia/Tokyo');
      await propose
        .getByLabel(staffT('coordination.workspace.reason'), { exact: true })
        .fill('目標日の2日前の公表を提案します。');
      const sent = await press(
        coordinator,
        propose.getByRole('button', { name: staffT('coordination.workspace.propose') }),
      );
      assert.equal(sent, 303, `the proposal is taken (HTTP ${sent}: ${await errorsOn(coordinator)})`);
      assert.equal(await noticeOf(coordinator), staffT('coordination.workspace.notices.proposed'));
      for (const d of [a, b]) {
        await world.mail.waitFor(
          d.window,
          T[d.locale]('coordination.mail.scheduleProposed.subject', { reference }),
        );
      }

      // A sees the proposal in JST and answers with a later moment and its reason
      await openPortal(a);
      const aSchedule = section(a.page, 'schedule');
      assert.equal(
        await aSchedule.locator(`time[datetime="${proposed.toISOString()}"]`).first().textContent(),
        jst(proposed),
      );
      const answer = aSchedule.locator('form');
      await answer
        .getByLabel(T.ja('portal.schedule.response'), { exact: true })
        .selectOption('counter_proposal');
      await answer.getByLabel(T.ja('portal.schedule.publishAt'), { exact: true }).fill('2027-03-10T10:00');
      await answer.getByLabel(T.ja('portal.schedule.timeZone'), { exact: true }).selectOption('Asia/Tokyo');
      await answer.getByLabel(T.ja('portal.schedule.reasonLabel'), { exact: true }).fill(COUNTER_REASON);
      const answered = await press(
        a.page,
        answer.getByRole('button', { name: T.ja('portal.schedule.send') }),
      );
      assert.equal(
        answered,
        303,
        `A's counter-proposal is taken (HTTP ${answered}: ${await errorsOn(a.page)})`,
      );
      assert.equal(await noticeOf(a.page), T.ja('portal.notices.schedule'));
      await expectNoFinder(a.page, "A's portal page after answering");

      // B acknowledges the coordinator's proposal
      await openPortal(b);
      const bAnswer = section(b.page, 'schedule').locator('form');
      await bAnswer
        .getByLabel(T.en('portal.schedule.response'), { exact: true })
        .selectOption('acknowledged');
      assert.equal(
        await press(b.page, bAnswer.getByRole('button', { name: T.en('portal.schedule.send') })),
        303,
      );
      await expectNothingOfA(b.page, 'B’s page after the counter-proposal (A’s reason stays private)');
      expectNone(await everythingOn(b.page), [COUNTER_REASON], 'B’s page');

      // the coordinator reads A's counter-proposal with its reason, and agrees to it
      await coordinator.goto(workspace());
      const history = await textOf(section(coordinator, 'schedule'));
      assert.ok(history.includes(COUNTER_REASON), 'the coordinator reads A’s reason');
      assert.ok(history.includes(jst(counter)), 'and A’s moment in JST');
      const accepted = await press(
        coordinator,
        section(coordinator, 'schedule').getByRole('button', {
          name: `${staffT('coordination.workspace.acceptCounter')} (${a.nameJa})`,
        }),
      );
      assert.equal(accepted, 303, 'the coordinator accepts A’s moment');
      assert.equal(await noticeOf(coordinator), staffT('coordination.workspace.notices.decided'));

      // the agreed moment, in JST, on both sides
      const agreedOn = async (page: Page, id: string) => {
        const time = section(page, id).locator(`time[datetime="${counter.toISOString()}"]`).first();
        return (await time.count()) ? ((await time.textContent()) ?? '') : '(not shown)';
      };
      assert.equal(
        await agreedOn(coordinator, 'summary'),
        jst(counter),
        'the workspace shows the agreed moment in JST',
      );
      assert.ok(
        (await textOf(section(coordinator, 'summary'))).includes(jst(counter)),
        'as the agreed publication moment',
      );
      await openPortal(a);
      assert.equal(
        await agreedOn(a.page, 'schedule'),
        jst(counter),
        'A’s page shows the agreed moment in JST',
      );
      assert.ok((await textOf(section(a.page, 'schedule'))).includes(T.ja('portal.schedule.agreed')));
      await openPortal(b);
      assert.equal(await agreedOn(b.page, 'schedule'), jst(counter, 'en'), 'so does B’s');
      for (const d of [a, b]) {
        const mail = await world.mail.waitFor(
          d.window,
          T[d.locale]('coordination.mail.scheduleAgreed.subject', { reference }),
        );
        assert.ok(mail.text?.includes(jst(counter, d.locale)), `${d.key}'s mail gives the moment in JST`);
      }
    },
  );

  step('A shares its statement and fix with the other developers; only then does B read them', async () => {
    const a = dev('A');
    const b = dev('B');
    await openPortal(b);
    await expectNothingOfA(b.page, 'B’s page before A shares');

    await saveStatus(a, 'fixed', { statement: A_STATEMENT, countermeasure: A_FIX, shared: true });

    await openPortal(b);
    const shared = await textOf(section(b.page, 'vuln-1'));
    assert.ok(shared.includes(A_STATEMENT), 'B reads A’s statement once shared');
    assert.ok(shared.includes(A_FIX), 'and its countermeasure');
    assert.ok(shared.includes(T.en('portal.vulns.anotherDeveloper')), 'from “another developer”');
    expectNone(await everythingOn(b.page), [a.nameJa, a.nameEn, a.window, a.user.email], 'B’s page names A');

    // C, unreachable, never signed in; its part of the case still shows no finder and A's shared words only
    const c = dev('C');
    await passwordLogIn(c.page, c.user.email, c.user.password);
    await openPortal(c);
    assert.ok((await textOf(section(c.page, 'vuln-1'))).includes(A_STATEMENT), 'C reads what A shared');
    expectNone(await everythingOn(c.page), [B_STATEMENT, COUNTER_REASON], 'C’s page');
  });

  step('no developer page or mail ever carried the finder’s name or address', async () => {
    const addresses = [...devs.values()].flatMap((d) => [d.window, d.user.email]);
    const mails = await world.mailsTo(addresses);
    assert.ok(mails.length >= 3 + 3 + 2 + 2, `the developers were mailed (${mails.length} mails)`);
    for (const m of mails) {
      expectNone(
        `${m.subject}\n${m.text ?? ''}\n${m.html ?? ''}`,
        FINDER_SECRETS,
        `the mail “${m.subject}” to ${m.rcpt}`,
      );
    }
    for (const d of devs.values()) {
      await openPortal(d);
      assert.equal((await d.page.goto('/portal'))?.status(), 200, `${d.key}'s list of cases`);
      assert.equal(
        await d.page.locator('main').getByRole('link', { name: reference }).count(),
        1,
        `${d.key}'s list has the case`,
      );
      await expectNoFinder(d.page, `${d.key}'s list of cases`);
    }
    // the finder still hears from the reception body, under their own address only
    assert.ok((await world.mail.all(FINDER.email, '')).length >= 1, 'the finder’s own mail is theirs');
  });
});
