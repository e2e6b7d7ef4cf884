// Browser tests: a real keikai HTTP server on a free loopback port over a fresh test database, Debian's
// chromium driven by playwright-core, a fresh browser context per test, and axe for WCAG checks.
//
//   describe('…', () => {
//     const e2e = browserSuite();
//     e2e.test('does something', async ({ page, app }) => { … });
//   });
//
// Without /usr/bin/chromium the tests are skipped with a message, except under CI=true, where they fail.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, it, type TestContext } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { startTestApp, type TestApp } from '../src/testing/app.js';

export const CHROMIUM = '/usr/bin/chromium';

// Playwright passes --headless itself and gives every launch a new empty profile (--user-data-dir in a
// temporary folder, removed on close); it refuses a --user-data-dir in args. The rest keep Chromium off the
// network: this machine has none but loopback.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Japanese is the default audience: a browser that asks for Japanese, in Japan's time zone. */
const DEFAULT_CONTEXT: BrowserContextOptions = {
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
  viewport: { width: 1280, height: 800 },
};

const FAILURES_DIR = join(import.meta.dirname, '..', 'test-results', 'e2e');

export interface BrowserTest {
  t: TestContext;
  app: TestApp;
  context: BrowserContext;
  page: Page;
  /** Another fresh context (a second browser, say), closed with the test. */
  newContext(opts?: BrowserContextOptions): Promise<BrowserContext>;
  /** An absolute URL on the server under test. */
  url(path: string): string;
}

export interface BrowserSuite {
  test(name: string, fn: (b: BrowserTest) => Promise<void>, opts?: { context?: BrowserContextOptions }): void;
}

/** Why browser tests cannot run here, or null. Throws under CI, where a missing browser is a broken build. */
function missingBrowser(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const message = `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run browser tests`;
  if (process.env.CI) throw new Error(`${message}. Under CI this is a failure, not a skip.`);
  return message;
}

/** Registers before/after hooks in the enclosing describe(): one server and one browser for the suite. */
export function browserSuite(): BrowserSuite {
  let skipReason: string | null = null;
  let app: TestApp | null = null;
  let browser: Browser | null = null;
  let baseUrl = '';

  before(async () => {
    skipReason = missingBrowser();
    if (skipReason) return;
    app = await startTestApp();
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.app.server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  return {
    test(name, fn, opts = {}) {
      it(name, async (t) => {
        if (skipReason) {
          t.skip(skipReason);
          return;
        }
        assert.ok(browser && app, 'the browser suite did not start');
        const contexts: BrowserContext[] = [];
        const problems: string[] = [];
        const newContext = async (more: BrowserContextOptions = {}) => {
          const c = await browser!.newContext({
            ...DEFAULT_CONTEXT,
            ...opts.context,
            ...more,
            baseURL: baseUrl,
          });
          c.setDefaultTimeout(15_000);
          watchForPageProblems(c, problems);
          contexts.push(c);
          return c;
        };
        const context = await newContext();
        const page = await context.newPage();
        try {
          await fn({ t, app, context, page, newContext, url: (path) => new URL(path, baseUrl).toString() });
          assert.deepEqual(problems, [], 'the pages raised script errors or CSP violations');
        } catch (err) {
          await keepScreenshot(t, context);
          throw err;
        } finally {
          for (const c of contexts) await c.close();
        }
      });
    },
  };
}

/** What a step suite needs of its world: start and stop it, what its pages did wrong, screenshots of a failure. */
export interface StepWorld {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** script errors, CSP violations, dialogs and the like, in any page; a step fails when this is not empty */
  readonly problems: string[];
  /** screenshots of the world's pages as they are now, one line per file */
  screenshots(name: string): Promise<string[]>;
}

export interface StepSuite<W extends StepWorld> {
  world: W;
  step(name: string, fn: (t: TestContext) => Promise<void>): void;
}

/**
 * One world for the whole file, and steps that run in order and share it (a later step builds on what the earlier
 * ones left). Without Chromium the steps are skipped, except under CI, where they fail. After a failed step the
 * rest are skipped, and the failed one leaves screenshots of every page the world has open.
 */
export function stepSuite<W extends StepWorld>(
  world: W,
  problemsAre = 'script errors, CSP violations, dialogs or injected requests',
): StepSuite<W> {
  let skip: string | null = null;
  before(async () => {
    skip = missingBrowser();
    if (!skip) await world.start();
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
          assert.deepEqual(world.problems, [], problemsAre);
        } catch (err) {
          failed = name;
          for (const s of await world.screenshots(name)) t.diagnostic(`screenshot of ${s}`);
          throw err;
        }
      });
    },
  };
}

/** Uncaught script errors and Content-Security-Policy violations in any page of the context. */
function watchForPageProblems(context: BrowserContext, problems: string[]): void {
  context.on('page', (page) => {
    page.on('pageerror', (err) => problems.push(`${page.url()}: uncaught ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) {
        problems.push(`${page.url()}: ${msg.text()}`);
      }
    });
  });
}

async function keepScreenshot(t: TestContext, context: BrowserContext): Promise<void> {
  const page = context.pages().at(-1);
  if (!page || page.isClosed()) return;
  try {
    mkdirSync(FAILURES_DIR, { recursive: true });
    const file = join(FAILURES_DIR, `${t.fullName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 120)}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
    t.diagnostic(`screenshot of ${page.url()} at failure: ${file}`);
  } catch {
    // a screenshot is a courtesy; the test's own error is what matters
  }
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the page as it is now and fails with a readable list of every WCAG violation. */
export async function expectAccessible(page: Page, label = new URL(page.url()).pathname): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const lang = await page.evaluate(() => document.documentElement.lang);
  const lines = results.violations.flatMap((v) => [
    `- [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.slice(0, 5).map((n) => {
      const why = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
      return `    at ${n.target.join(' ')}${why ? ` — ${why}` : ''}`;
    }),
    ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more elements`] : []),
  ]);
  assert.fail(
    `${results.violations.length} accessibility violation(s) on ${label} (lang=${lang}):\n${lines.join('\n')}`,
  );
}

/** The document's language attribute (`<html lang>`). */
export function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** True when nothing is wider than the viewport (no horizontal scrolling). */
export async function expectNoHorizontalScroll(page: Page, label = new URL(page.url()).pathname) {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    // name the widest element, so a failure says what to fix
    let widest = '';
    let max = 0;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const right = el.getBoundingClientRect().right;
      if (right > max) {
        max = right;
        widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''} (right edge ${Math.round(right)}px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest };
  });
  assert.ok(
    scrollWidth <= innerWidth,
    `${label} scrolls sideways at ${innerWidth}px: the page is ${scrollWidth}px wide; widest element: ${widest}`,
  );
}

/** Clicks something that loads a new page (a link, a form's button) and waits until that page has loaded. */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await target.click();
  await navigated;
  await page.waitForLoadState('load');
}

/** Presses the header's language button (a form POST that redirects back) and waits for the page. */
export function switchLanguage(page: Page, to: 'English' | '日本語'): Promise<void> {
  return clickAndLoad(page, page.locator('header').getByRole('button', { name: to, exact: true }));
}

/** An element's text with runs of white space made single spaces ('' when it is missing). */
export async function textOf(target: Locator): Promise<string> {
  return ((await target.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
