// Page steps of the intake browser test: filling and sending the report forms, reading receipts and mails, the
// reception body's decisions with their forms, logging staff in with TOTP, and the check that a page showing
// hostile text ran none of it.
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import type { Locator, Page } from 'playwright-core';
import type { Locale } from '../src/platform/db/schema.js';
import { translator } from '../src/platform/i18n/i18n.js';
import type { TestApp } from '../src/testing/app.js';
import { clickAndLoad, textOf } from './harness.js';
import type { IntakeWorld, Mail } from './intake-world.js';

export const T = { ja: translator('ja'), en: translator('en') };
export const staffT = T.ja; // the staff accounts are Japanese
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

export type Filed = {
  trackingNumber: string;
  followUpUrl: string;
  email: string;
  locale: Locale;
  page: Page;
};
type Form = 'software' | 'website';

/** Fills a report form: text by field id, a select for the website's vulnerability type, checkboxes, files. */
export async function fillReport(
  page: Page,
  fields: Record<string, string>,
  opts: { check?: string[]; files?: { name: string; text: string }[] } = {},
): Promise<void> {
  for (const [id, value] of Object.entries(fields)) {
    if (id === 'vulnerabilityType') await page.locator(`#${id}`).selectOption(value);
    else await page.locator(`#${id}`).fill(value);
  }
  for (const id of ['attestLawful', ...(opts.check ?? [])]) await page.locator(`#${id}`).check();
  if (opts.files) {
    await page
      .locator('#attachments')
      .setInputFiles(
        opts.files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })),
      );
  }
}

/** Sends the report form and reads the receipt: an IPA# tracking number and a follow-up link on this server. */
export async function sendAndReadReceipt(page: Page, form: Form, baseUrl: string) {
  const status = await submitForm(page, form === 'software' ? '#productName' : '#siteUrl');
  assert.equal(
    status,
    303,
    `the ${form} form is taken (HTTP ${status}: ${await textOf(page.locator('h1'))})`,
  );
  assert.equal(pathOf(page), '/reports/receipt', `the ${form} form leads to the receipt`);
  const trackingNumber = await textOf(page.locator('#tracking-number'));
  assert.match(trackingNumber, /^IPA#\d{8}$/, 'a tracking number: IPA# and 8 digits');
  const followUpUrl = (await page.locator('#follow-up-link').getAttribute('href')) ?? '';
  assert.match(followUpUrl, new RegExp(`^${baseUrl}/reports/follow-up/[A-Za-z0-9_-]{40,}$`), 'a secret link');
  assert.equal(await textOf(page.locator('#follow-up-link')), followUpUrl, 'the link is shown as text too');
  return { trackingNumber, followUpUrl };
}

export const receiptSubject = (r: Filed) =>
  T[r.locale]('intake.mail.receipt.subject', { trackingNumber: r.trackingNumber });

/** The receipt mail: in the finder's language, the tracking number in the subject, the link in the body. */
export async function expectReceiptMail(mail: Mail, r: Filed): Promise<void> {
  assert.equal(mail.subject, receiptSubject(r));
  assert.ok(mail.subject?.includes(r.trackingNumber), 'the subject carries the tracking number');
  assert.equal(mail.language, r.locale, 'Content-Language is the finder’s language');
  assert.equal(JAPANESE.test(mail.text ?? ''), r.locale === 'ja', `the body is in ${r.locale}`);
  assert.ok(mail.text?.includes(r.followUpUrl), 'the body carries the follow-up link');
}

/** A decision mail to the finder: in their language, the tracking number in the subject; returns the body. */
export async function decisionMail(world: IntakeWorld, r: Filed): Promise<string> {
  const subject = T[r.locale]('screening.mail.decision.subject', { trackingNumber: r.trackingNumber });
  const mail = await world.mail.waitFor(r.email, subject);
  assert.equal(mail.subject, subject);
  assert.ok(subject.includes(r.trackingNumber), 'the subject carries the tracking number');
  assert.equal(mail.language, r.locale);
  assert.equal(JAPANESE.test(mail.text ?? ''), r.locale === 'ja', `the decision mail is in ${r.locale}`);
  assert.equal(mail.text?.includes('/reports/follow-up/'), false, 'a decision mail never carries the link');
  return mail.text ?? '';
}

/** Opens a report from the reception queue by its tracking number. */
export async function openFromQueue(page: Page, trackingNumber: string): Promise<void> {
  await page.goto('/reception/reports');
  await clickAndLoad(page, page.getByRole('link', { name: trackingNumber, exact: true }));
  assert.equal(pathOf(page), `/reception/reports/${trackingNumber}`);
}

/** Makes a decision on the open report page with its form (a <details> disclosure) and checks the notice. */
export async function decide(
  page: Page,
  decision: 'accept' | 'discontinue' | 'request_info',
  fill: (form: Locator) => Promise<void> = async () => {},
): Promise<void> {
  const details = page.locator('details', { has: page.locator(`input[name=decision][value=${decision}]`) });
  await details.locator('summary').click();
  await fill(details);
  const button = details.getByRole('button', { name: staffT(`screening.decisions.${decision}.submit`) });
  await clickAndLoad(page, button);
  assert.equal(
    await textOf(page.locator('main .notice[role=status]')),
    staffT(`screening.report.notices.${decision}`),
  );
}

/** The row of a report in the reception queue (empty when the queue does not list it). */
export const queueRow = (page: Page, trackingNumber: string) =>
  page.locator('main tbody tr', { has: page.getByRole('link', { name: trackingNumber, exact: true }) });

// text that would run if it were ever put into a page as markup
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg onload=window.__xss=1>",
];
export const hostile = (field: string) => `${field} ${PAYLOADS.join(' ')}`;
export const HOSTILE_FILE = '<img src=x onerror=window.__xss=1>.txt';

export const pathOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);

/**
 * Submits the form in <main> that holds `inside` (the header has forms of its own), waits for the page that
 * follows, and returns the HTTP status of the POST itself (303 when it went through, 400 when refused).
 */
export async function submitForm(page: Page, inside: string): Promise<number> {
  const form = page.locator('main form', { has: page.locator(inside) });
  const posted = page
    .waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest())
    .catch(() => null);
  await clickAndLoad(page, form.locator('button[type=submit]').first());
  return (await posted)?.status() ?? 0;
}

/** Logs a staff member in through /login and /mfa/setup, with a TOTP code made at the server's clock. */
export async function staffLogIn(page: Page, app: TestApp, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await submitForm(page, '#password');
  assert.equal(pathOf(page), '/mfa/setup', `${email}: staff set up a second factor on first login`);
  const secret = (await textOf(page.locator('#totp-secret'))).replace(/\s+/g, '');
  const epoch = Math.floor(app.clock.now().getTime() / 1000);
  await page.locator('#code').fill(await generate({ secret, epoch }));
  await submitForm(page, '#code');
  assert.equal(await textOf(page.locator('header .who')), email, `${email} is signed in`);
}

/**
 * The page ran nothing from the text it shows: no `window.__xss`, no CSP violation recorded in the page, no
 * element carrying an event handler attribute, no <img src=x>, no script mentioning __xss, no javascript: link;
 * and each of `shown` is there as text (in main's rendered text, or as the value of a form field).
 */
export async function expectInert(page: Page, label: string, shown: string[]): Promise<void> {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    const main = document.querySelector('main') as HTMLElement | null;
    const fields = Array.from(document.querySelectorAll('main input, main textarea')).map(
      (e) => (e as HTMLInputElement).value,
    );
    return {
      xss: w.__xss,
      csp: w.__csp ?? ['(the page has no violation recorder)'],
      handlers: Array.from(document.querySelectorAll('*'))
        .filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name)))
        .map((e) => e.outerHTML.slice(0, 120)),
      injected: document.querySelectorAll('img[src="x"], svg[onload], a[href^="javascript:" i]').length,
      scripts: Array.from(document.scripts).filter((s) => (s.textContent ?? '').includes('__xss')).length,
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is the point (text, not markup)
      text: `${main?.innerText ?? ''}\n${fields.join('\n')}`,
    };
  });
  assert.equal(state.xss, undefined, `${label}: window.__xss was set: an injected script ran`);
  assert.deepEqual(state.csp, [], `${label}: the page blocked an injected script (CSP)`);
  assert.deepEqual(state.handlers, [], `${label}: elements carry event handler attributes`);
  assert.equal(state.injected, 0, `${label}: injected elements are in the page`);
  assert.equal(state.scripts, 0, `${label}: an injected <script> is in the page`);
  for (const s of shown) {
    assert.ok(state.text.includes(s), `${label}: ${JSON.stringify(s)} is shown as text`);
  }
}
