// Test helpers for the reception console and the case queues: the cast (reception, coordination, a developer,
// a finder with an account) and their signed-in browsers, and everything a decision writes, read back.
// (Reports to work on are made with src/testing/reports.ts.)
import { makeOrganization, makeUser, type TestApp } from '../../testing/app.js';
import type { Browser } from '../../testing/browser.js';
import { signIn } from '../../testing/login.js';
import { openMessage } from '../intake/report-sealing.js';

export type Person = { userId: string; email: string; password: string };

export type Cast = {
  receptionHandler: Person;
  receptionHandler2: Person;
  receptionLead: Person;
  coordinationHandler: Person;
  coordinationAdmin: Person;
  developer: Person;
  finder: Person;
};

export async function makeCast(t: TestApp): Promise<Cast> {
  const reception = await makeOrganization(t.ctx, 'reception_body', 'Reception');
  const coordination = await makeOrganization(t.ctx, 'coordination_body', 'Coordination');
  const vendor = await makeOrganization(t.ctx, 'product_developer', 'Vendor');
  return {
    receptionHandler: await makeUser(t.ctx, { organizationId: reception, role: 'handler' }),
    receptionHandler2: await makeUser(t.ctx, { organizationId: reception, role: 'handler' }),
    receptionLead: await makeUser(t.ctx, { organizationId: reception, role: 'lead' }),
    coordinationHandler: await makeUser(t.ctx, { organizationId: coordination, role: 'handler' }),
    coordinationAdmin: await makeUser(t.ctx, { organizationId: coordination, role: 'admin' }),
    developer: await makeUser(t.ctx, { organizationId: vendor, role: 'member' }),
    finder: await makeUser(t.ctx, { organizationId: null, role: 'finder' }),
  };
}

const sessions = new WeakMap<TestApp, Map<string, Browser>>();

/** A browser signed in as this person (TOTP enrolled and done for staff), reused within one test app. */
export async function as(t: TestApp, p: Person, opts: { acceptLanguage?: string } = {}): Promise<Browser> {
  const byUser = sessions.get(t) ?? new Map<string, Browser>();
  sessions.set(t, byUser);
  const key = `${p.email}|${opts.acceptLanguage ?? ''}`;
  const known = byUser.get(key);
  if (known) return known;
  const b = await signIn(t, p.email, p.password, opts);
  byUser.set(key, b);
  return b;
}

export const reportUrl = (trackingNumber: string) =>
  `/reception/reports/${encodeURIComponent(trackingNumber)}`;
export const caseUrl = (reference: string) => `/cases/${encodeURIComponent(reference)}`;

/** The hidden fields a decision form carries, read from the report page as a browser would. */
export async function decisionFields(b: Browser, trackingNumber: string) {
  const page = await b.get(reportUrl(trackingNumber));
  const state = /name="expectedState" value="([^"]+)"/.exec(page.body)?.[1];
  const track = /name="expectedTrack" value="([^"]+)"/.exec(page.body)?.[1];
  if (!state || !track) throw new Error(`no decision form on ${trackingNumber} (HTTP ${page.statusCode})`);
  return { expectedState: state, expectedTrack: track };
}

/** Posts a decision the way the report page does, with the template message unless one is given. */
export async function postDecision(
  b: Browser,
  trackingNumber: string,
  decision: string,
  fields: Record<string, string> = {},
) {
  const hidden = await decisionFields(b, trackingNumber);
  return b.post(`${reportUrl(trackingNumber)}/decisions`, {
    decision,
    ...hidden,
    message: 'テンプレートから編集したメッセージ',
    ...fields,
  });
}

/** The message prefilled in a decision form, as the browser would submit it. */
export function templateIn(html: string, decision: string): string {
  const m = new RegExp(`<textarea id="${decision}-message"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!m?.[1]) throw new Error(`no ${decision} form`);
  return m[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Everything a decision could have written for a report, to compare before and after a refused one. */
export async function footprint(t: TestApp, reportId: string) {
  const count = async (
    table: 'events' | 'report_messages' | 'mail_messages' | 'cases' | 'audit_log',
    col: string,
  ) =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where(col as never, '=', reportId as never)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const r = await t.ctx.db
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  return {
    state: r.state,
    track: r.track,
    decidedAt: r.decided_at,
    events: await count('events', 'stream_id'),
    messages: await count('report_messages', 'report_id'),
    mails: await count('mail_messages', 'related_id'),
    cases: await count('cases', 'report_id'),
    decisionAudits: (
      await t.ctx.db
        .selectFrom('audit_log')
        .select('seq')
        .where('subject_id', '=', reportId)
        .where('action', 'not in', ['report.read', 'report.submitted'])
        .execute()
    ).length,
  };
}

export const latestMessage = async (t: TestApp, reportId: string) => {
  const m = await t.ctx.db
    .selectFrom('report_messages')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return { ...m, text: openMessage(t.ctx.secrets, m.id, m.body_enc) };
};
export const latestMail = (t: TestApp, reportId: string) =>
  t.ctx.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('related_id', '=', reportId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
export const reportRow = (t: TestApp, reportId: string) =>
  t.ctx.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
export const eventOf = (t: TestApp, reportId: string, type: string) =>
  t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream_id', '=', reportId)
    .where('type', '=', type)
    .executeTakeFirst();
