// The world of the product-coordination browser test (issue 4): the intake test's world (a keikai on loopback whose
// mail worker delivers to a test SMTP server, PUBLIC_URL set to the server's own address, one Chromium whose pages
// are watched for script errors and CSP violations), started at a fixed moment on the app's ManualClock, with
// sessions long enough to outlive the weeks the test moves the clock through (the server reads its clock; the
// browser's session cookies carry no expiry of their own).
//
// Also the small page steps the coordination test shares: logging a developer in (password only), pressing a
// form's button and reading the POST's status, the rows of the workspace's tables, axe with serious and critical
// violations failing, and the check that a text (a page, a mail) does not carry the finder's identity.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { after, before, it, type TestContext } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Locator, type Page } from 'playwright-core';
import { startTestApp } from '../src/testing/app.js';
import { AXE_TAGS, CHROMIUM, clickAndLoad, textOf } from './harness.js';
import { IntakeWorld, type Mail } from './intake-world.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'];

/**
 * Where the clock starts: Tuesday 2027-01-12, 09:30 JST, the day after a public holiday (成人の日, Monday
 * 2027-01-11), so the reminders' business days are counted across a known calendar.
 */
export const START = '2027-01-12T00:30:00.000Z';

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export class CoordinationWorld extends IntakeWorld {
  override async start(): Promise<void> {
    const smtpPort = await this.mail.listen();
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.app = await startTestApp({
      now: START,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        PUBLIC_URL: this.baseUrl,
        // the clock moves weeks ahead while people stay signed in (60 days idle, 2000 hours at most)
        KEIKAI_SESSION_IDLE_MINUTES: String(60 * 24 * 60),
        KEIKAI_SESSION_MAX_HOURS: '2000',
      },
      worker: true,
    });
    await this.app.app.listen({ port, host: '127.0.0.1' });
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  }

  /** Every mail caught for any of these addresses, now. */
  async mailsTo(addresses: string[]): Promise<Mail[]> {
    const all: Mail[] = [];
    for (const a of addresses) all.push(...(await this.mail.all(a, '')));
    return all;
  }
}

/**
 * One world for the whole file, and steps that run in order and share it (each builds on the case as the steps
 * before it left it). Without Chromium the steps are skipped, except under CI, where they fail.
 */
export function coordinationSuite(): {
  world: CoordinationWorld;
  step(name: string, fn: (t: TestContext) => Promise<void>): void;
} {
  const world = new CoordinationWorld();
  let skip: string | null = null;
  before(async () => {
    if (!existsSync(CHROMIUM)) {
      skip = `${CHROMIUM} is missing: install Debian's chromium to run browser tests`;
      if (process.env.CI) throw new Error(skip);
      return;
    }
    await world.start();
  });
  after(() => world.stop());
  let failed: string | null = null;
  return {
    world,
    step(name, fn) {
      it(name, async (t) => {
        if (skip) return t.skip(skip);
        if (failed) return t.skip(`an earlier step failed (${failed})`);
        try {
          await fn(t);
          assert.deepEqual(world.problems, [], 'script errors, CSP violations or dialogs');
        } catch (err) {
          failed = name;
          for (const s of await world.screenshots(name)) t.diagnostic(`screenshot of ${s}`);
          throw err;
        }
      });
    },
  };
}

// ── page steps ──

export const pathOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);

/**
 * Presses a button that posts a form (or a link), waits for the page that follows, and returns the HTTP status of
 * the POST itself (303 when it went through, 400 when the input was refused; 0 when nothing was posted).
 */
export async function press(page: Page, button: Locator): Promise<number> {
  const posted = page
    .waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest(), {
      timeout: 30_000,
    })
    .catch(() => null);
  await clickAndLoad(page, button);
  return (await posted)?.status() ?? 0;
}

/** Logs in with a password only (product developers have no second factor to give) and checks the header. */
export async function passwordLogIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  const form = page.locator('main form', { has: page.locator('#password') });
  assert.equal(await press(page, form.locator('button[type=submit]').first()), 303, `${email} logs in`);
  assert.equal(await textOf(page.locator('header .who')), email, `${email} is signed in`);
}

/** What the page's error summary says ('' when it has none), for the message of a failed assertion. */
export async function errorsOn(page: Page): Promise<string> {
  const summary = page.locator('main .error-summary');
  return (await summary.count()) ? textOf(summary.first()) : '';
}

/** The notice a form's redirect leads to (`<p class="notice" role="status">`). */
export const noticeOf = (page: Page) => textOf(page.locator('main .notice[role=status]'));

/** A section of a page by the id of its heading (`<section aria-labelledby=…>`). */
export const section = (page: Page, id: string) => page.locator(`main section[aria-labelledby="${id}"]`);

/** The row of a table in `scope` whose row header (<th scope=row>) holds `name`. */
export const rowOf = (scope: Locator, name: string) =>
  scope.locator('tbody tr', { has: scope.page().locator('th', { hasText: name }) });

/** Everything a person could read on the page or find in its markup: rendered text, then the HTML itself. */
export async function everythingOn(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is the point (text, not markup)
  const rendered = await page.evaluate(() => document.body.innerText);
  return `${rendered}\n${await page.content()}`;
}

/** Fails when `text` carries any of `secrets` (compared without case, as an address may be written in any). */
export function expectNone(text: string, secrets: string[], label: string): void {
  const lower = text.toLowerCase();
  for (const s of secrets) {
    assert.ok(!lower.includes(s.toLowerCase()), `${label} shows ${JSON.stringify(s)}`);
  }
}

/**
 * axe on the page as it is now: serious and critical WCAG violations fail the step with a readable list; minor
 * and moderate ones are reported as diagnostics of the test, to be fixed without stopping it.
 */
export async function expectNoSeriousViolations(t: TestContext, page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const describe = (v: (typeof results.violations)[number]) => [
    `- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.slice(0, 5).map((n) => {
      const why = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
      return `    at ${n.target.join(' ')}${why ? ` — ${why}` : ''}`;
    }),
  ];
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of results.violations.filter((x) => !serious.includes(x))) {
    t.diagnostic(`${label}: ${describe(v).join('\n')}`);
  }
  if (serious.length === 0) return;
  assert.fail(
    `${serious.length} serious or critical accessibility violation(s) on ${label}:\n${serious.flatMap(describe).join('\n')}`,
  );
}

/** The portal link a notice mail carries (the case's page in the developer portal, on this server). */
export function portalLinkIn(mail: Mail, baseUrl: string): string {
  const link = /https?:\/\/\S+\/portal\/cases\/\S+/.exec(mail.text ?? '')?.[0];
  assert.ok(link?.startsWith(`${baseUrl}/portal/cases/`), `the mail links to the portal: ${mail.text}`);
  return link as string;
}
