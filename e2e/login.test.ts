// Logging in through the real pages: staff set up and then use TOTP, finders and vendors need a password
// only, and a signed-in user's language is kept on the account.
//
// The pages' contract: GET /login has #email, #password and a submit button; staff go to /mfa/setup (secret
// in #totp-secret, code in #code) on their first login and to /mfa (#code) after that.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import type { ManualClock } from '../src/platform/clock.js';
import { makeOrganization, makeUser } from '../src/testing/app.js';
import {
  browserSuite,
  clickAndLoad,
  expectAccessible,
  expectNoHorizontalScroll,
  htmlLang,
  switchLanguage,
  textOf,
} from './harness.js';

/** Submits the form that holds `field` (the page header has forms and buttons of its own). */
function submitFormOf(page: Page, field: string): Promise<void> {
  const form = page.locator('main form', { has: page.locator(field) });
  return clickAndLoad(page, form.locator('button[type=submit]').first());
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  const res = await page.goto('/login');
  assert.equal(res?.status(), 200, `GET /login answered ${res?.status()}: the login page is missing`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await submitFormOf(page, '#password');
}

async function logOut(page: Page): Promise<void> {
  await clickAndLoad(page, page.locator('header form.logout button[type=submit]'));
}

/** The code an authenticator app would show at the server's time (the server reads its clock, not `Date`). */
function totp(secret: string, clock: ManualClock): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
}

function path(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Fully signed in: the header names the user and the navigation offers the account page. */
async function expectSignedIn(page: Page, email: string): Promise<void> {
  assert.equal(await textOf(page.locator('header .who')), email, `signed in as ${email}`);
  assert.equal(
    await page.locator('header nav a[href="/account"]').count(),
    1,
    'the navigation offers the account page (a user part-way through login does not get it)',
  );
}

async function expectAnonymous(page: Page): Promise<void> {
  assert.equal(await page.locator('header .who').count(), 0, 'nobody is named in the header');
  assert.equal(await page.locator('header a[href="/login"]').count(), 1, 'the header offers to log in');
}

describe('logging in with a browser', () => {
  const e2e = browserSuite();

  e2e.test(
    'a staff member sets up TOTP on first login, logs out, and logs in again with a code',
    async ({ page, app }) => {
      app.clock.set(new Date());
      const organizationId = await makeOrganization(app.ctx, 'reception_body');
      const staff = await makeUser(app.ctx, { organizationId, role: 'admin' });

      await page.goto('/login');
      assert.equal(await htmlLang(page), 'ja');
      await expectAccessible(page, 'login page');
      await logIn(page, staff.email, staff.password);
      assert.equal(path(page), '/mfa/setup', 'staff without a second factor are sent to set one up');
      await expectAccessible(page, 'MFA setup page');
      assert.equal(await page.locator('header nav a[href="/account"]').count(), 0, 'not signed in yet');
      const secret = (await textOf(page.locator('#totp-secret'))).replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{16,}=*$/, `a base32 secret is shown (got ${JSON.stringify(secret)})`);

      await page.locator('#code').fill(await totp(secret, app.clock));
      await submitFormOf(page, '#code');
      const main = await textOf(page.locator('main'));
      assert.ok(
        path(page) === '/' || /recovery|リカバリ|回復|復旧|バックアップ|backup/i.test(main),
        `after setting up TOTP the user sees recovery codes or the home page (got ${path(page)}: ${main.slice(0, 200)})`,
      );
      await expectSignedIn(page, staff.email);
      if (path(page) !== '/') await expectAccessible(page, 'recovery codes page');

      // the staff header (more navigation, a long e-mail address) still fits a phone
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto('/');
      await expectNoHorizontalScroll(page, '/ (signed-in staff, 375px)');
      await page.setViewportSize({ width: 1280, height: 800 });

      await logOut(page);
      await expectAnonymous(page);
      await page.goto('/');
      await expectAnonymous(page);

      // the next login asks for a code, not for a new setup; a code is never accepted twice, so use the next one
      app.clock.advance(30_000);
      await logIn(page, staff.email, staff.password);
      assert.equal(path(page), '/mfa', 'an enrolled user is asked for a code');
      await expectAccessible(page, 'MFA page');

      const code = await totp(secret, app.clock);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      await page.locator('#code').fill(wrong);
      await submitFormOf(page, '#code');
      assert.equal(path(page), '/mfa', 'a wrong code is refused');
      assert.equal(await page.locator('header nav a[href="/account"]').count(), 0, 'not signed in');
      assert.ok(
        (await page.locator('[role=alert], .error, [aria-invalid=true]').count()) > 0,
        'the refusal is announced',
      );
      await expectAccessible(page, 'MFA page with an error');

      await page.locator('#code').fill(code);
      await submitFormOf(page, '#code');
      await expectSignedIn(page, staff.email);
    },
  );

  e2e.test(
    'a finder and a vendor member log in with a password alone and land on the home page',
    async ({ page, app }) => {
      const finder = await makeUser(app.ctx, { organizationId: null, role: 'finder' });
      const vendorOrg = await makeOrganization(app.ctx, 'product_developer');
      const vendor = await makeUser(app.ctx, { organizationId: vendorOrg, role: 'member' });

      await logIn(page, finder.email, 'not the password');
      assert.equal(path(page), '/login', 'a wrong password is refused');
      await expectAnonymous(page);
      await expectAccessible(page, 'login page with an error');

      for (const user of [finder, vendor]) {
        await logIn(page, user.email, user.password);
        assert.equal(path(page), '/', `${user.email} lands on the home page`);
        await expectSignedIn(page, user.email);
        await expectAccessible(page, 'home page, signed in');
        await logOut(page);
        await expectAnonymous(page);
      }
    },
  );

  e2e.test(
    'a signed-in user’s language is kept on the account, not only in the browser',
    async ({ page, context, app, newContext }) => {
      const finder = await makeUser(app.ctx, { organizationId: null, role: 'finder', locale: 'ja' });
      await logIn(page, finder.email, finder.password);
      await expectSignedIn(page, finder.email);
      assert.equal(await htmlLang(page), 'ja');

      await switchLanguage(page, 'English');
      assert.equal(await htmlLang(page), 'en');
      await expectSignedIn(page, finder.email);
      await page.reload();
      assert.equal(await htmlLang(page), 'en', 'after a reload');

      // without the browser's language cookie, the account still remembers
      await context.clearCookies({ name: 'keikai_lang' });
      await page.reload();
      assert.equal(await htmlLang(page), 'en', 'after a reload without the language cookie');
      const tab = await context.newPage();
      await tab.goto('/');
      assert.equal(await htmlLang(tab), 'en', 'in a new tab');

      const row = await app.ctx.db
        .selectFrom('users')
        .select('locale')
        .where('email', '=', finder.email)
        .executeTakeFirstOrThrow();
      assert.equal(row.locale, 'en', 'stored on the account');

      // another browser that asks for Japanese gets the account's English once the user has logged in
      const elsewhere = await (await newContext({ locale: 'ja-JP' })).newPage();
      await elsewhere.goto('/');
      assert.equal(await htmlLang(elsewhere), 'ja', 'anonymous: the browser’s language');
      await logIn(elsewhere, finder.email, finder.password);
      await expectSignedIn(elsewhere, finder.email);
      assert.equal(await htmlLang(elsewhere), 'en', 'signed in: the account’s language');
    },
  );
});
