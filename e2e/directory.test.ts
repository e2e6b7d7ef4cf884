// The directory (名簿) in a real browser: a coordinator registers a developer (after a refused private key), adds a
// product; the developer's admin proposes a new phone number on /my/directory; the coordinator reviews the before
// and after and approves it; the group pages. axe (WCAG 2.2 AA) checks every page on the way, in both languages.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import * as openpgp from 'openpgp';
import type { BrowserContext, Page } from 'playwright-core';
import { createSession } from '../src/platform/auth/sessions.js';
import { makeOrganization, makeUser, type TestApp } from '../src/testing/app.js';
import { browserSuite, clickAndLoad, expectAccessible, textOf } from './harness.js';

/** Signs a user in by giving the browser a session cookie (the login pages are tested elsewhere). */
async function signInAs(app: TestApp, context: BrowserContext, url: string, userId: string): Promise<void> {
  const token = await createSession(app.ctx.db, app.ctx, {
    userId,
    mfaVerified: true,
    ip: null,
    userAgent: null,
  });
  await context.addCookies([{ name: 'keikai_session', value: token, url }]);
}

const submit = (page: Page, formAction: string) =>
  clickAndLoad(page, page.locator(`form[action="${formAction}"] button[type=submit]`).first());

describe('directory in the browser', () => {
  const e2e = browserSuite();

  e2e.test(
    'register, propose, review and approve, with accessible pages',
    async ({ app, page, context, url, newContext }) => {
      const coordination = await makeOrganization(app.ctx, 'coordination_body', 'Coordination');
      const keeper = await makeUser(app.ctx, { organizationId: coordination, role: 'handler' });
      await signInAs(app, context, url('/'), keeper.userId);

      await page.goto('/directory');
      await expectAccessible(page, '/directory (empty)');
      await clickAndLoad(page, page.getByRole('link', { name: '名簿に登録する' }));
      await expectAccessible(page);
      await page.getByLabel('種類').selectOption('product_developer');
      await page.getByLabel('名称（日本語）').fill('ルーター工業');
      await page.getByLabel('名称（英語）').fill('Router Industries');
      await page.getByLabel('メールアドレス').fill('psirt@router.example.jp\nsupport@router.example.jp');
      const { privateKey } = await openpgp.generateKey({
        type: 'ecc',
        curve: 'curve25519Legacy',
        userIDs: [{ email: 'psirt@router.example.jp' }],
        format: 'armored',
      });
      await page.getByLabel('OpenPGP 公開鍵').fill(privateKey);
      await submit(page, '/directory');
      assert.match(await textOf(page.locator('.error-summary')), /秘密鍵が貼り付けられました/);
      assert.equal(
        await page.getByLabel('OpenPGP 公開鍵').inputValue(),
        '',
        'a private key is never shown again',
      );
      assert.equal(await page.getByLabel('名称（英語）').inputValue(), 'Router Industries');
      await expectAccessible(page, '/directory/new with errors');
      await submit(page, '/directory');
      assert.match(await textOf(page.locator('h1')), /ルーター工業/);
      await expectAccessible(page, 'the new entry');
      const entryPath = new URL(page.url()).pathname;
      const organizationId = entryPath.split('/')[2] ?? '';

      await page.getByLabel('製品名（日本語）').fill('ルーター RT-100');
      await page.getByLabel('製品名（英語）').fill('Router RT-100');
      await page.getByLabel('CPE').fill('cpe:2.3:h:router:rt-100:-:*:*:*:*:*:*:*');
      await page.getByLabel('分類').selectOption('ics');
      await submit(page, `${entryPath}/products`);
      assert.match(
        await textOf(page.locator('section[aria-labelledby=products]')),
        /Router RT-100|ルーター RT-100/,
      );
      await expectAccessible(page, 'entry with a product');

      // the developer's admin asks for a new phone number
      const admin = await makeUser(app.ctx, { organizationId, role: 'org_admin', locale: 'en' });
      const partyContext = await newContext({ locale: 'en-GB' });
      await signInAs(app, partyContext, url('/'), admin.userId);
      const party = await partyContext.newPage();
      await party.goto('/my/directory');
      await expectAccessible(party, '/my/directory');
      await party.getByLabel('Phone').fill('03-1234-5678');
      await submit(party, '/my/directory');
      assert.match(await textOf(party.locator('.notice[role=status]')), /requested/);
      await expectAccessible(party, '/my/directory after a request');

      await page.goto(entryPath);
      await clickAndLoad(page, page.locator('section[aria-labelledby=requests] a').first());
      assert.match(await textOf(page.locator('table')), /電話番号（なし）03-1234-5678変更あり/);
      await expectAccessible(page, 'a change request');
      await clickAndLoad(page, page.getByRole('button', { name: '承認して反映する' }));
      assert.match(await textOf(page.locator('.notice[role=status]')), /承認し、登録内容に反映しました/);

      // the groups, in English
      const english = await newContext({ locale: 'en-GB' });
      await signInAs(app, english, url('/'), keeper.userId);
      await app.ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', keeper.userId).execute();
      const groups = await english.newPage();
      await groups.goto('/directory/groups');
      await groups.getByLabel('Group name').fill('Router developers');
      await submit(groups, '/directory/groups');
      await groups
        .getByLabel('Organization to add')
        .selectOption({ label: 'Router Industries（Product developer）' });
      await clickAndLoad(groups, groups.getByRole('button', { name: 'Add', exact: true }));
      assert.match(await textOf(groups.locator('table')), /Router Industries/);
      await expectAccessible(groups, 'a group, in English');
      await groups.goto('/directory');
      await expectAccessible(groups, '/directory, in English');
    },
  );
});
