// Test helpers for the operator side: a website case whose details were sent (as the website feature will have
// done it: the row in website_cases with notified_at and the hash of the operator's secret link), and a form post
// that can repeat a field, as checkboxes sharing a name do.
import { randomToken, sha256Hex } from '../../platform/crypto.js';
import type { TestApp } from '../../testing/app.js';
import type { Browser, Response } from '../../testing/browser.js';
import { submit, websiteReport } from '../../testing/reports.js';
import { as, type Cast, postDecision } from '../screening/testing.js';

export type NotifiedCase = { caseId: string; reference: string; reportId: string; token: string };

export async function notifiedWebsiteCase(
  t: TestApp,
  cast: Cast,
  opts: {
    operatorOrganizationId?: string | null;
    finder?: { name: string; email: string; organization?: string };
    identityToOperator?: boolean;
    siteUrl?: string;
  } = {},
): Promise<NotifiedCase> {
  const report = await submit(
    t,
    websiteReport({
      ...(opts.siteUrl ? { siteUrl: opts.siteUrl } : {}),
      ...(opts.finder ? { finder: opts.finder } : {}),
      consent: {
        identityToCoordinator: false,
        identityToVendor: opts.identityToOperator ?? false,
        directContact: false,
        publicCredit: false,
      },
    }),
  );
  const lead = await as(t, cast.receptionLead);
  const accepted = await postDecision(lead, report.trackingNumber, 'accept');
  if (accepted.statusCode !== 303) throw new Error(`accepting failed (HTTP ${accepted.statusCode})`);
  const c = await t.ctx.db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('report_id', '=', report.reportId)
    .executeTakeFirstOrThrow();
  const token = randomToken(32);
  const now = t.clock.now();
  await t.ctx.db
    .insertInto('website_cases')
    .values({
      case_id: c.id,
      operator_organization_id: opts.operatorOrganizationId ?? null,
      contact_email: opts.operatorOrganizationId ? null : 'webmaster@shop.example.org',
      contact_source: opts.operatorOrganizationId ? 'directory' : 'manual',
      vulnerability_type: 'sql_injection',
      stage: 'notified',
      first_notice_at: now,
      notified_at: now,
      operator_link_hash: sha256Hex(token),
      operator_link_created_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { caseId: c.id, reference: c.reference, reportId: report.reportId, token };
}

/** Posts url-encoded fields in order (a name may repeat), with the browser's cookies and CSRF token. */
export async function postFields(b: Browser, url: string, fields: [string, string][]): Promise<Response> {
  if (!b.csrf) await b.get('/');
  const form = new URLSearchParams(fields);
  form.set('_csrf', b.csrf ?? '');
  return b.t.app.inject({
    method: 'POST',
    url,
    remoteAddress: b.ip,
    payload: form.toString(),
    headers: { ...b.headers(), 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** A complete completion report: the page was deleted; the survey answered with an "other" and no damage. */
export function pageDeletionReport(over: Record<string, string | string[]> = {}): [string, string][] {
  const base: Record<string, string | string[]> = {
    action: 'page_deleted',
    whatDone: '2026-11-20 に検索ページを削除しました。',
    causeBasis: ['design', 'other'],
    causeDetail: ['input_check_sql'],
    causeOther: '外部委託先の改修時の確認漏れ',
    damageActual: ['none'],
    damagePotential: ['personal_data_leak', 'tampering'],
    opinion: '迅速な通知に感謝します。',
    nextContact: 'this_address',
    nextEmail: 'security@shop.example.org',
    nextName: '情報システム部 佐藤',
    reporterOrganization: '株式会社サンプルショップ',
    reporterDepartment: '情報システム部',
    reporterName: '佐藤 花子',
    ...over,
  };
  return Object.entries(base).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])) as [
    string,
    string,
  ][];
}
