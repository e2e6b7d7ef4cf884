// The cases part of the demo (called by the demo seed once the demo organizations, users and directory entries
// exist), so that right after `npm start` every demo account has something to look at:
//   1. a software report from the demo finder, accepted → a product case the demo coordination lead works: one
//      vulnerability (CWE-79, CVSS 3.1), Developers A and B added and notified, A acknowledged and said it is
//      affected (through the portal, as A's org_admin), a publication moment proposed about 40 days ahead;
//   2. a website report, accepted → a website case with the demo operator as its contact and the first notice
//      (the request for a contact point) sent — the details notice is left for the demo handler to send;
//   3. a second software report left in the reception queue, submitted and not decided.
// Everything goes through the features' own use cases (events, audit entries and mail as in real use; mail stays
// in the outbox when no SMTP is configured), with times from ctx.clock. Every text is marked 【デモ】/[Demo].
//
// Resumable and idempotent: each step first looks at what is already there (the demo finder's reports in order,
// the case's parties, vulnerabilities, statuses and proposals, the website case's contact and notice) and only
// does what is missing, so a seed cut short carries on where it stopped; the settings key marks it finished.
import { createBusinessCalendar, jstDate } from '../../domain/business-days.js';
import type { UserActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { addParties } from '../coordination/add-parties.js';
import { addVulnerability } from '../coordination/add-vulnerability.js';
import { notifyParty } from '../coordination/notify-party.js';
import { proposeSchedule } from '../coordination/propose-schedule.js';
import { setProductCategory } from '../coordination/set-product-category.js';
import { reportSchema } from '../intake/report-input.js';
import { submitReport } from '../intake/submit-report.js';
import { acknowledgeNotification } from '../portal/acknowledge-notification.js';
import { updateMyStatus } from '../portal/update-my-status.js';
import { acceptReport } from '../screening/accept-report.js';
import { assignContact } from '../website/assign-contact.js';
import { sendNotice } from '../website/send-notice.js';

export const CASES_SEEDED = 'demo.cases-seeded';
/** Written before the first report is submitted: a database seeded before the demo had cases is left alone. */
export const CASES_STARTED = 'demo.cases-started';

/** The seeded people the demo acts as (made by seed-demo.ts). */
export const DEMO_PEOPLE = {
  finder: 'finder@demo.keikai.test',
  receptionHandler: 'handler@reception.demo.keikai.test',
  coordinationLead: 'lead@coordination.demo.keikai.test',
  developerA: 'psirt@vendor-a.demo.keikai.test',
  developerB: 'security@vendor-b.demo.keikai.test',
  operator: 'webmaster@operator.demo.keikai.test',
} as const;

export const DEMO_WEBSITE_DOMAIN = 'shop.demo.keikai.test';

/** How far ahead the demo proposes the publication moment (calendar days, then the next business day). */
export const DEMO_PUBLICATION_LEAD_DAYS = 40;

const calendar = createBusinessCalendar();

const FINDER_IDENTITY = { name: '発見者 デモ / Demo Finder', email: DEMO_PEOPLE.finder };

const PRODUCT_REPORT = {
  track: 'software',
  productName: '【デモ】デモルーター RT-100 / [Demo] Demo Router RT-100',
  developerName: 'デモ製品開発者A株式会社 / Demo Developer A Inc.',
  versions: '1.0–1.2',
  description:
    '【デモ】これはデモ用のサンプル届出です。管理画面の「ホスト名」欄に入力した文字列がエスケープされずに表示され、' +
    'クロスサイトスクリプティングが成立します。\n' +
    '[Demo] This is a sample report. The host name field of the admin console is shown unescaped: stored XSS.',
  steps:
    '1. 管理画面にログイン / log in to the admin console\n' +
    '2. ホスト名に <script>alert(1)</script> を設定 / set the host name to <script>alert(1)</script>\n' +
    '3. 状態画面を開く / open the status page',
  impact: '【デモ】管理者のセッションの乗っ取り / [Demo] the administrator session can be taken over',
  finder: FINDER_IDENTITY,
  consent: {
    identityToCoordinator: true,
    identityToVendor: false,
    directContact: false,
    publicCredit: true,
    creditName: 'Demo Finder',
  },
  attestLawful: true,
  locale: 'ja',
};

const QUEUED_REPORT = {
  track: 'software',
  productName: '【デモ】デモルーター用ライブラリ / [Demo] Demo router library',
  developerName: 'デモ製品開発者B合同会社 / Demo Developer B LLC',
  versions: '2.3.0',
  description:
    '【デモ】これはデモ用のサンプル届出です（受付機関の審査待ち）。設定ファイルの読み込みでディレクトリ・トラバーサルが可能です。\n' +
    '[Demo] A sample report waiting for screening: path traversal when the library loads a configuration file.',
  steps: 'loadConfig("../../../../etc/passwd") を呼ぶ / call loadConfig("../../../../etc/passwd")',
  finder: FINDER_IDENTITY,
  consent: {
    identityToCoordinator: false,
    identityToVendor: false,
    directContact: false,
    publicCredit: false,
  },
  attestLawful: true,
  locale: 'ja',
};

const WEBSITE_REPORT = {
  track: 'website',
  siteUrl: `https://${DEMO_WEBSITE_DOMAIN}/search`,
  siteName: '【デモ】デモショップ / [Demo] Demo Shop',
  vulnerabilityType: 'xss',
  description:
    '【デモ】これはデモ用のサンプル届出です。検索語がエスケープされずに結果ページに表示されます。\n' +
    '[Demo] This is a sample report. The search term is shown unescaped on the results page (reflected XSS).',
  steps: `GET https://${DEMO_WEBSITE_DOMAIN}/search?q=<script>alert(1)</script>`,
  threat: '【デモ】利用者のセッションの乗っ取り / [Demo] visitors’ sessions can be taken over',
  finder: FINDER_IDENTITY,
  consent: {
    identityToCoordinator: false,
    identityToVendor: false,
    directContact: false,
    publicCredit: false,
  },
  attestLawful: true,
  locale: 'ja',
};

const ACCEPT_MESSAGE =
  '【デモ】届出を受理しました。調整機関に引き継ぎます。\n[Demo] Your report was accepted and handed over.';

const VULNERABILITY = {
  titleJa: '【デモ】デモルーター RT-100 の管理画面におけるクロスサイトスクリプティング',
  titleEn: '[Demo] Cross-site scripting in the admin console of Demo Router RT-100',
  description:
    '【デモ】ホスト名欄の値がエスケープされずに表示される。\n[Demo] The host name is displayed without escaping.',
  cwe: 'CWE-79',
  cvss31: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N',
};

const STATEMENT = {
  statement:
    '【デモ】RT-100 のファームウェア 1.0〜1.2 が影響を受けます。\n[Demo] Firmware 1.0–1.2 of RT-100 is affected.',
  countermeasure: '【デモ】1.3 で修正予定です。\n[Demo] Version 1.3 will fix it.',
};

export type Person = { actor: UserActor; organizationId: string | null };

/**
 * The session actor of a seeded demo user. The demo seed is the ONLY place that acts as a seeded user without
 * that user signing in: it plays the demo's people once, at first start, so the demo has something to show.
 * Nothing else may build a UserActor this way (the sample advisories, seed-advisories-demo.ts, are part of it).
 */
export async function demoPerson(ctx: AppContext, email: string): Promise<Person | null> {
  const u = await ctx.db
    .selectFrom('users')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'users.organization_id',
      'users.locale',
      'users.time_zone',
      'organizations.type',
    ])
    .where('users.email', '=', email)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!u) return null;
  return {
    organizationId: u.organization_id,
    actor: {
      kind: 'user',
      userId: u.id,
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      organizationId: u.organization_id,
      organizationType: u.type,
      locale: u.locale,
      timeZone: u.time_zone,
      via: 'session',
    },
  };
}

/** The demo finder's reports of a track, oldest first (the order the seed submits them in). */
async function finderReports(ctx: AppContext, finderUserId: string, track: 'software' | 'website') {
  return ctx.db
    .selectFrom('reports')
    .select(['id', 'tracking_number', 'state'])
    .where('finder_user_id', '=', finderUserId)
    .where('track', '=', track)
    .orderBy('submitted_at')
    .orderBy('tracking_number')
    .execute();
}

async function submitAsFinder(ctx: AppContext, finder: Person, raw: unknown) {
  const r = await submitReport(ctx, finder.actor, reportSchema.parse(raw), { source: 'form' });
  return { id: r.reportId, tracking_number: r.trackingNumber, state: 'submitted' as const };
}

/** The report's case reference, accepting the report first when it is still waiting. */
async function acceptedCase(
  ctx: AppContext,
  handler: Person,
  report: { id: string; tracking_number: string; state: string },
  track: 'software' | 'website',
): Promise<{ id: string; reference: string }> {
  if (report.state === 'submitted') {
    await acceptReport(ctx, handler.actor, {
      trackingNumber: report.tracking_number,
      expectedState: 'submitted',
      expectedTrack: track,
      message: ACCEPT_MESSAGE,
    });
  }
  return ctx.db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('report_id', '=', report.id)
    .where('track', '=', track)
    .where('superseded_by_case_id', 'is', null)
    .executeTakeFirstOrThrow();
}

/** The moment proposed: about 40 days ahead, 10:00 Japan time on a business day. */
export function demoPublicationMoment(now: Date): string {
  const day = calendar.nextBusinessDayOnOrAfter(
    calendar.addCalendarDays(jstDate(now), DEMO_PUBLICATION_LEAD_DAYS),
  );
  return `${day}T10:00`;
}

async function seedProductCase(
  ctx: AppContext,
  people: Record<keyof typeof DEMO_PEOPLE, Person>,
  report: { id: string; tracking_number: string; state: string },
) {
  const lead = people.coordinationLead.actor;
  const c = await acceptedCase(ctx, people.receptionHandler, report, 'software');
  const reference = c.reference;

  // the vulnerability before anyone is notified, so no "details changed" mail goes out for it
  const vulnerability = await ctx.db
    .selectFrom('coordination_vulnerabilities')
    .select('id')
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  if (!vulnerability) await addVulnerability(ctx, lead, { reference, fields: VULNERABILITY });
  await setProductCategory(ctx, lead, { reference, category: 'iot' }); // a router: no change when already so

  const developers = [people.developerA.organizationId, people.developerB.organizationId];
  for (const organizationId of developers) {
    if (organizationId) await addParties(ctx, lead, { reference, organizationId }); // skips a party already there
  }
  const parties = await ctx.db
    .selectFrom('coordination_parties')
    .select(['id', 'organization_id', 'notified_at'])
    .where('case_id', '=', c.id)
    .where('removed_at', 'is', null)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
  for (const organizationId of developers) {
    const party = parties.find((p) => p.organization_id === organizationId);
    if (party && !party.notified_at) await notifyParty(ctx, lead, { reference, partyId: party.id });
  }

  // Developer A answers in the portal: receipt acknowledged (a second acknowledgement changes nothing), affected
  const a = people.developerA;
  await acknowledgeNotification(ctx, a.actor, { reference });
  const partyA = parties.find((p) => p.organization_id === a.organizationId);
  const answered =
    partyA &&
    (await ctx.db
      .selectFrom('coordination_statuses')
      .select('party_id')
      .where('party_id', '=', partyA.id)
      .executeTakeFirst());
  if (!answered) {
    await updateMyStatus(ctx, a.actor, {
      reference,
      ordinal: 1,
      status: 'affected',
      ...STATEMENT,
      shared: false,
    });
  }

  const proposed = await ctx.db
    .selectFrom('coordination_schedule_proposals')
    .select('id')
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  if (!proposed) {
    await proposeSchedule(ctx, lead, {
      reference,
      publishAt: demoPublicationMoment(ctx.clock.now()),
      timeZone: 'Asia/Tokyo',
      reason:
        '【デモ】修正版 1.3 の提供予定に合わせた提案です。\n[Demo] Proposed to match the release of version 1.3.',
    });
  }
}

async function seedWebsiteCase(
  ctx: AppContext,
  people: Record<keyof typeof DEMO_PEOPLE, Person>,
  report: { id: string; tracking_number: string; state: string },
) {
  const handler = people.receptionHandler.actor;
  const c = await acceptedCase(ctx, people.receptionHandler, report, 'website');
  const operatorId = people.operator.organizationId;
  const w = await ctx.db
    .selectFrom('website_cases')
    .select(['operator_organization_id', 'contact_source', 'first_notice_at'])
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  if (operatorId && !w?.contact_source) {
    await assignContact(ctx, handler, {
      reference: c.reference,
      contact: { source: 'directory', organizationId: operatorId },
    });
  }
  if (!w?.first_notice_at)
    await sendNotice(ctx, handler, { reference: c.reference, kind: 'contact_request' });
}

async function setting(ctx: AppContext, key: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();
  return row !== undefined;
}

async function mark(ctx: AppContext, key: string): Promise<void> {
  await ctx.db
    .insertInto('settings')
    .values({ key, value: JSON.stringify({ at: ctx.clock.now().toISOString() }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Seeds the demo cases unless already done; true when they are there now. With `onlyIfStarted`, only an
 * interrupted run is finished: a demo database from before the cases existed is not given them, since its demo
 * finder may have reports of its own that the seed would take for its samples. Needs the demo users (and, for
 * notifying, the directory entries): when one of them is missing or disabled nothing is done and false returned.
 */
export async function seedCasesDemo(
  ctx: AppContext,
  opts: { onlyIfStarted?: boolean } = {},
): Promise<boolean> {
  if (await setting(ctx, CASES_SEEDED)) return true;
  if (opts.onlyIfStarted && !(await setting(ctx, CASES_STARTED))) return false;
  const people = {} as Record<keyof typeof DEMO_PEOPLE, Person>;
  for (const [role, email] of Object.entries(DEMO_PEOPLE) as [keyof typeof DEMO_PEOPLE, string][]) {
    const p = await demoPerson(ctx, email);
    if (!p) return false;
    people[role] = p;
  }
  const finder = people.finder;
  await mark(ctx, CASES_STARTED);

  // the reports in a fixed order — product, website, queued — so an interrupted run finds each by its place
  let software = await finderReports(ctx, finder.actor.userId, 'software');
  const product = software[0] ?? (await submitAsFinder(ctx, finder, PRODUCT_REPORT));
  await seedProductCase(ctx, people, product);

  const website =
    (await finderReports(ctx, finder.actor.userId, 'website'))[0] ??
    (await submitAsFinder(ctx, finder, WEBSITE_REPORT));
  await seedWebsiteCase(ctx, people, website);

  software = await finderReports(ctx, finder.actor.userId, 'software');
  if (software.length < 2) await submitAsFinder(ctx, finder, QUEUED_REPORT);

  await mark(ctx, CASES_SEEDED);
  return true;
}
