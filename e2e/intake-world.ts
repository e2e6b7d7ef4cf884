// The world of the intake browser test: a keikai on loopback whose mail worker delivers to a test SMTP server,
// PUBLIC_URL set to the server's own address (so the follow-up links in pages and mails can be followed), and one
// Chromium shared by the finders and the staff, whose pages are watched for anything an injected script would do.
//
// The harness's browserSuite() starts its app without environment or mail worker, so this file has a suite of its
// own; it reuses the harness's browser path, axe helper and navigation helpers.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from '../src/testing/app.js';
import { CHROMIUM, type StepSuite, stepSuite } from './harness.js';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'];
const FAILURES_DIR = join(import.meta.dirname, '..', 'test-results', 'e2e');

// ── mail ──

export type Mail = Awaited<ReturnType<typeof PostalMime.parse>> & {
  rcpt: string[];
  language: string | undefined;
};

/** A loopback SMTP server that keeps every message it is given. */
export class MailCatcher {
  readonly #raw: { to: string[]; raw: Buffer }[] = [];
  readonly #server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.#raw.push({ to: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return (this.#server.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  async #parsed(to: string): Promise<Mail[]> {
    const mine = this.#raw.filter((r) => r.to.includes(to));
    return Promise.all(
      mine.map(async (r) => {
        const mail = await PostalMime.parse(r.raw);
        const language = mail.headers.find((h) => h.key === 'content-language')?.value;
        return { ...mail, rcpt: r.to, language };
      }),
    );
  }

  /** The first message to `to` whose subject contains `subjectPart`, waiting for the mail worker (bounded). */
  async waitFor(to: string, subjectPart: string, ms = 30_000): Promise<Mail> {
    const until = Date.now() + ms;
    for (;;) {
      const found = (await this.#parsed(to)).filter((m) => (m.subject ?? '').includes(subjectPart));
      if (found[0]) return found[0];
      if (Date.now() > until) {
        const seen = (await this.#parsed(to)).map((m) => m.subject);
        assert.fail(
          `no mail to ${to} with "${subjectPart}" in the subject within ${ms} ms; got ${JSON.stringify(seen)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Every message to `to` whose subject contains `subjectPart`, now. */
  async all(to: string, subjectPart: string): Promise<Mail[]> {
    return (await this.#parsed(to)).filter((m) => (m.subject ?? '').includes(subjectPart));
  }
}

// ── the suite ──

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export class IntakeWorld {
  app!: TestApp;
  browser!: Browser;
  baseUrl = '';
  readonly mail = new MailCatcher();
  /** script errors, CSP violations, dialogs and requests an injected <img src=x> would make, in any page */
  readonly problems: string[] = [];
  readonly #contexts: BrowserContext[] = [];

  /** Starts the mail catcher, keikai (with more settings or a start moment, if given) and Chromium. */
  async start(more: { env?: Record<string, string>; now?: string } = {}): Promise<void> {
    const smtpPort = await this.mail.listen();
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.app = await startTestApp({
      ...(more.now ? { now: more.now } : {}),
      env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: this.baseUrl, ...more.env },
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

  async stop(): Promise<void> {
    for (const c of this.#contexts) await c.close().catch(() => {});
    await this.browser?.close();
    await this.app?.close();
    await this.mail.close();
  }

  /** A new browser (context) with one page; Japanese in Japan unless told otherwise. */
  async newPage(opts: BrowserContextOptions = {}): Promise<Page> {
    const context = await this.browser.newContext({
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1280, height: 800 },
      ...opts,
      baseURL: this.baseUrl,
    });
    context.setDefaultTimeout(15_000);
    context.setDefaultNavigationTimeout(30_000);
    // what an injected script would leave behind, recorded before any page script could run
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    context.on('page', (page) => this.#watch(page));
    context.on('request', (req) => {
      // an injected <img src=x> asks for `x` relative to the page it is on
      if (/\/x$/.test(new URL(req.url()).pathname))
        this.problems.push(`an injected image loaded: ${req.url()}`);
    });
    this.#contexts.push(context);
    return context.newPage();
  }

  #watch(page: Page): void {
    page.on('pageerror', (err) => this.problems.push(`${page.url()}: uncaught ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) this.problems.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('dialog', (d) => {
      this.problems.push(`${page.url()}: a ${d.type()} dialog opened: ${d.message()}`);
      void d.dismiss().catch(() => {});
    });
  }

  async screenshots(name: string): Promise<string[]> {
    const files: string[] = [];
    mkdirSync(FAILURES_DIR, { recursive: true });
    for (const [i, c] of this.#contexts.entries()) {
      const page = c.pages().at(-1);
      if (!page || page.isClosed()) continue;
      const file = join(FAILURES_DIR, `${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 100)}-${i}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        files.push(`${page.url()} → ${file}`);
      } catch {
        // a screenshot is a courtesy; the step's own error is what matters
      }
    }
    return files;
  }
}

/** The intake world in a suite of ordered steps (harness.ts's stepSuite). */
export function intakeSuite(): StepSuite<IntakeWorld> {
  return stepSuite(new IntakeWorld());
}
