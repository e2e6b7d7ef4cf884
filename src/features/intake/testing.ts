// Test helpers for the intake pages: a test app with the intake routes, a multipart poster that behaves like a
// browser (CSRF field, cookies, `filename=""` for an empty file input), and filled-in forms to start from.
import { randomUUID } from 'node:crypto';
import { FEATURES } from '../../app.js';
import { buildServer } from '../../platform/http/server.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { type Browser, csrfOf, type Response } from '../accounts/testing.js';
import { reportSchema } from './report-input.js';
import { sealMessage } from './report-sealing.js';
import { intakeRoutes } from './routes.js';
import { submitReport } from './submit-report.js';

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

export type FilePart = { filename: string; content: Buffer | string; type?: string };

function multipartBody(fields: Record<string, string | string[]>, files: FilePart[]) {
  const boundary = `----keikai${randomUUID().replace(/-/g, '')}`;
  const chunks: Buffer[] = [];
  const head = (disposition: string, type?: string) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
    );
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      chunks.push(head(`name="${name}"`), Buffer.from(v, 'utf8'), Buffer.from('\r\n'));
    }
  }
  for (const f of files) {
    chunks.push(
      head(`name="attachments"; filename="${f.filename}"`, f.type ?? 'application/octet-stream'),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart form as a browser would, keeping cookies and the CSRF token like `Browser.post`. */
export async function postMultipart(
  b: Browser,
  url: string,
  fields: Record<string, string | string[]>,
  files: FilePart[] = [],
): Promise<Response> {
  if (!b.csrf) await b.get('/reports/new');
  const { payload, contentType } = multipartBody({ _csrf: b.csrf ?? '', ...fields }, files);
  const res = await b.t.app.inject({
    method: 'POST',
    url,
    remoteAddress: b.ip,
    payload,
    headers: { ...b.headers(), 'content-type': contentType },
  });
  for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
    if (c.maxAge === 0 || c.value === '') b.cookies.delete(c.name);
    else b.cookies.set(c.name, c.value);
  }
  const token = typeof res.body === 'string' ? csrfOf(res.body) : null;
  if (token) b.csrf = token;
  return res;
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
export async function submitted(t: TestApp, over: Record<string, unknown> = {}) {
  const input = reportSchema.parse({
    track: 'software',
    productName: 'Example Router',
    description: 'Authentication bypass in the admin page',
    steps: '1. GET /admin;.css',
    finder: { name: '佐藤 花子', email: 'hanako@example.jp', phone: '090-1111-2222' },
    consent: {},
    attestLawful: true,
    ...over,
  });
  return submitReport(t.ctx, { kind: 'anonymous' }, input, { source: 'form' });
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
