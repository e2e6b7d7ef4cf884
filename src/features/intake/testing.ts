// Test helpers for the intake pages: a test app with the intake routes, report forms posted as a browser does,
// filled-in forms to start from, and what to look for in the pages.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { FEATURES } from '../../app.js';
import { buildServer } from '../../platform/http/server.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import type { Browser, FilePart, Response } from '../../testing/browser.js';
import { submit } from '../../testing/reports.js';
import { reportSchema } from './report-input.js';
import { sealMessage } from './report-sealing.js';
import { intakeRoutes } from './routes.js';

/** startTestApp, with the intake routes added when the composition root does not list them (yet). */
export async function startIntakeTestApp(opts: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  const t = await startTestApp(opts);
  if (FEATURES.includes(intakeRoutes)) return t;
  const app = await buildServer(t.ctx, [...FEATURES, intakeRoutes]);
  await app.ready();
  return {
    ...t,
    app,
    async close() {
      await app.close();
      await t.close();
    },
  };
}

/** Posts a report form as a browser would (the CSRF field from the form page when none was seen yet). */
export function postMultipart(
  b: Browser,
  url: string,
  fields: Record<string, string | string[]>,
  files: FilePart[] = [],
): Promise<Response> {
  return b.postMultipart(url, fields, files, '/reports/new');
}

/** How many reports there are in all. */
export async function reportCount(t: TestApp): Promise<number> {
  const r = await t.ctx.db
    .selectFrom('reports')
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** keikai pages run no script of their own: any <script> in one, or an element with a handler, was injected. */
export function assertNoRawScript(html: string) {
  assert.ok(!/<script/i.test(html), 'no <script> element in the page');
  assert.ok(!/<img[^>]*onerror/i.test(html), 'no injected element in the page');
}

/** A complete software-product form, as field name → value. */
export function softwareForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    finderName: '山田 太郎',
    finderEmail: 'taro@example.jp',
    finderPhone: '03-1234-5678',
    finderOrganization: '例示セキュリティ株式会社',
    productName: 'Example CMS',
    developerName: 'Example Inc.',
    versions: '1.0–1.4',
    description: 'コメント欄にクロスサイトスクリプティングの脆弱性があります。',
    steps: '1. /comments を開く\n2. <b>test</b> を投稿する',
    environment: 'Debian 13, Firefox 140',
    impact: 'セッションの乗っ取り',
    consentPublicCredit: 'on',
    creditName: 'T. Yamada',
    attestLawful: 'on',
    ...over,
  };
}

/** A complete website form. */
export function websiteForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    finderName: 'Jane Doe',
    finderEmail: 'jane@example.org',
    siteUrl: 'https://shop.example.com/search',
    siteName: 'Example Shop',
    vulnerabilityType: 'sql_injection',
    description: 'The search parameter q is concatenated into SQL.',
    steps: "1. open /search?q=' OR 1=1 --",
    threat: 'Customer records can be read.',
    attestLawful: 'on',
    ...over,
  };
}

/** The tracking number on a receipt page. */
export function trackingNumberIn(html: string): string {
  const m = /id="tracking-number">([^<]+)</.exec(html);
  if (!m?.[1]) throw new Error('no tracking number on the page');
  return m[1];
}

/** The path of the follow-up link on a receipt page, e.g. `/reports/follow-up/…`. */
export function followUpPathIn(html: string): string {
  const m = /href="https?:\/\/[^/"]+(\/reports\/follow-up\/[A-Za-z0-9_-]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no follow-up link on the page');
  return m[1];
}

/** A report submitted straight through the use case (anonymous, software), for the follow-up tests. */
export function submitted(t: TestApp, over: Record<string, unknown> = {}) {
  return submit(
    t,
    reportSchema.parse({
      track: 'software',
      productName: 'Example Router',
      description: 'Authentication bypass in the admin page',
      steps: '1. GET /admin;.css',
      finder: { name: '佐藤 花子', email: 'hanako@example.jp', phone: '090-1111-2222' },
      consent: {},
      attestLawful: true,
      ...over,
    }),
  );
}

/** What screening does when it asks the finder for more (state and a sealed message), without its code. */
export async function askFinderForMore(t: TestApp, reportId: string, text: string) {
  const id = randomUUID();
  await t.ctx.db
    .updateTable('reports')
    .set({ state: 'awaiting_finder' })
    .where('id', '=', reportId)
    .execute();
  await t.ctx.db
    .insertInto('report_messages')
    .values({
      id,
      report_id: reportId,
      direction: 'to_finder',
      author_user_id: null,
      body_enc: sealMessage(t.ctx.secrets, id, text),
      created_at: t.clock.now(),
    })
    .execute();
  await t.ctx.db
    .insertInto('events')
    .values({
      stream_type: 'report',
      stream_id: reportId,
      type: 'report.info_requested',
      actor_user_id: null,
      data: JSON.stringify({ from: 'submitted', to: 'awaiting_finder' }),
      at: t.clock.now(),
    })
    .execute();
}
