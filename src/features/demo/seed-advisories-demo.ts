// The sample advisories of the demo (called once the demo cases are seeded), so a new user opens a working public
// database right after `npm start`: the advisory list and pages, the JVNRSS/Atom feeds, the JSON API, the CSAF
// provider (provider-metadata.json, index.txt, signed documents), CVE 5 and OSV exports all have something in them.
//
// Three fictional advisories of the demo developers, each marked 【サンプル】/[Sample] and published as samples
// (`sample: true`: the publish step reads the settings row `sampleCaseKey(caseId)` this seed writes for its cases):
//   1. JVNVU#  multi-vendor: Developer B's router library (purl → OSV) used in Developer A's router (CPE); a path
//      traversal with CVSS 3.1 and 4.0, CWE-22 and a CVE id of the reserved-looking year 2099; B fixed, A affected
//      with a statement; then a correction (revision 2, with a change note): A's fixed firmware;
//   2. JVN#    Developer A's controller, missing authentication (CWE-306), CVSS 4.0, full English, the finder credited;
//   3. JVN#    Developer B's form tool, OS command injection (CWE-78), CVSS 3.1, Japanese only (the English pages
//      and feeds fall back to Japanese).
// Everything goes through the real path, as the demo's people: the demo finder reports, the reception handler
// accepts, the coordinator adds and notifies the developers (who acknowledge) and proposes the moment, the lead
// accepts it, the coordinator ends coordination as ready for publication (so no reminders follow), writes the
// advisory and submits it, the lead approves it (four eyes), the coordinator schedules it and the publish step
// (publishDueAdvisories) publishes it. The story is played on a clock set in the past (about 75, 40 and 14
// days ago), so the advisories carry plausible past publication dates and nothing is dated in the future.
//
// Resumable and idempotent like the cases seed: each sample's report id is recorded in a settings row right after
// it is submitted, and every step looks at the case and the advisory's state first; the settings key marks it done.

import type {
  AdvisoryContent,
  AdvisoryProduct,
  AdvisoryVulnerability,
  Bilingual,
  VendorStatus,
} from '../../domain/advisory-document.js';
import { createBusinessCalendar, jstDate } from '../../domain/business-days.js';
import { ManualClock } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import { contentToForm } from '../advisories/advisory-input.js';
import { approveAdvisory } from '../advisories/approve-advisory.js';
import { createAdvisory } from '../advisories/create-advisory.js';
import { releaseCorrection } from '../advisories/release-correction.js';
import { saveAdvisory } from '../advisories/save-advisory.js';
import { scheduleAdvisory } from '../advisories/schedule-advisory.js';
import { startCorrection } from '../advisories/start-correction.js';
import { openContent, workingCopySha256 } from '../advisories/store.js';
import { submitAdvisory } from '../advisories/submit-advisory.js';
import { addParties } from '../coordination/add-parties.js';
import { decideSchedule } from '../coordination/decide-schedule.js';
import { endCoordination } from '../coordination/end-coordination.js';
import { notifyParty } from '../coordination/notify-party.js';
import { proposeSchedule } from '../coordination/propose-schedule.js';
import { reportSchema } from '../intake/report-input.js';
import { submitReport } from '../intake/submit-report.js';
import { acknowledgeNotification } from '../portal/acknowledge-notification.js';
import { publishDueAdvisories, sampleCaseKey } from '../publication/publish-due-advisories.js';
import { acceptReport } from '../screening/accept-report.js';
import { DEMO_PEOPLE, demoPerson, type Person } from './seed-cases-demo.js';

export const ADVISORIES_SEEDED = 'demo.advisories-seeded';
/** The settings row holding a sample's report id (`demo.sample-report:<key>`). */
export const sampleReportKey = (key: string) => `demo.sample-report:${key}`;

/** The coordinator who writes the samples (the lead approves them). */
export const DEMO_COORDINATOR = 'coordinator@coordination.demo.keikai.test';

const calendar = createBusinessCalendar();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type People = {
  finder: Person;
  handler: Person;
  coordinator: Person;
  lead: Person;
  developerA: Person;
  developerB: Person;
};
type Dev = 'A' | 'B';
/** The developers' public slugs in this advisory (as the editor's prefill gave them). */
type Slugs = Record<Dev, string>;

type Sample = {
  key: string;
  /** days before today the sample was published (its agreed moment, 10:00 JST on a business day) */
  daysAgo: number;
  developers: Dev[];
  report: {
    productName: string;
    developerName: string;
    versions: string;
    description: string;
    steps: string;
  };
  content: (base: AdvisoryContent, slugs: Slugs) => AdvisoryContent;
  /** a correction published `daysAfter` the first publication */
  correction?: {
    daysAfter: number;
    note: Bilingual;
    content: (base: AdvisoryContent, slugs: Slugs) => AdvisoryContent;
  };
};

const bi = (ja: string, en: string): Bilingual => ({ ja, en });
/** A vector as the form posts it: the editor recomputes the score and severity from it. */
const vector = (v: string) => ({ vector: v, score: 0, severity: 'none' as const });

const ROUTER_LIB_RANGE = 'vers:npm/>=2.0.0|<2.3.1';

const SAMPLES: Sample[] = [
  {
    key: 'router-lib-traversal',
    daysAgo: 75,
    developers: ['B', 'A'],
    report: {
      productName: '【サンプル】デモルーター用ライブラリ / [Sample] Demo router library',
      developerName: 'デモ製品開発者B合同会社 / Demo Developer B LLC',
      versions: '2.0.0–2.3.0',
      description:
        '【サンプル】設定ファイルのパスを検証せず、ディレクトリ・トラバーサルが可能です。\n' +
        '[Sample] The configuration file path is not checked: path traversal.',
      steps: 'loadConfig("../../../../etc/passwd")',
    },
    content: (base, s) => ({
      ...base,
      title: bi(
        '【サンプル】デモルーター用ライブラリにおけるパストラバーサルの脆弱性',
        '[Sample] Path traversal vulnerability in Demo router library',
      ),
      overview: bi(
        '【サンプル】デモ製品開発者B合同会社が提供するデモルーター用ライブラリには、パストラバーサルの脆弱性が存在します。' +
          'このライブラリを組み込んだデモ製品開発者A株式会社のデモルーター RT-100 も影響を受けます。' +
          'これは keikai のデモ用のサンプルであり、実在する製品・脆弱性ではありません。',
        '[Sample] Demo router library provided by Demo Developer B LLC contains a path traversal vulnerability. ' +
          'Demo Router RT-100 of Demo Developer A Inc., which embeds the library, is also affected. ' +
          'This is a sample advisory of the keikai demo, not a real product or vulnerability.',
      ),
      description: bi(
        'デモルーター用ライブラリの loadConfig() は、引数のパスに含まれる「../」を除去せずにファイルを開きます (CWE-22)。',
        'loadConfig() of Demo router library opens the given path without removing "../" sequences (CWE-22).',
      ),
      impact: bi(
        '管理画面にアクセスできる第三者によって、機器上の任意のファイルを読み取られる可能性があります。',
        'A remote attacker who can reach the administration console may read arbitrary files on the device.',
      ),
      solution: bi(
        'デモルーター用ライブラリを 2.3.1 以降に更新してください。デモルーター RT-100 については開発者の情報を確認してください。',
        'Update Demo router library to 2.3.1 or later. For Demo Router RT-100, see the developer’s information.',
      ),
      workaround: bi(
        '管理画面へのアクセスを信頼できるネットワークからに限定してください。',
        'Allow access to the administration console from trusted networks only.',
      ),
      products: [
        product('p1', s.B, bi('デモルーター用ライブラリ', 'Demo router library'), {
          versions: bi('2.0.0 から 2.3.0 まで', '2.0.0 through 2.3.0'),
          versionRange: ROUTER_LIB_RANGE,
          fixedVersion: '2.3.1',
          purl: 'pkg:npm/demo-router-lib',
        }),
        product('p2', s.A, bi('デモルーター RT-100', 'Demo Router RT-100'), {
          versions: bi('ファームウェア 1.0 から 1.3 まで', 'firmware 1.0 through 1.3'),
          cpe: 'cpe:2.3:h:demo_developer_a:rt-100:-:*:*:*:*:*:*:*',
        }),
      ],
      vulnerabilities: [
        vulnerability(1, bi('パストラバーサル', 'Path traversal'), 'CWE-22', {
          description: bi(
            '設定ファイルの読み込み時にパスを検証しない',
            'The path of a configuration file is not checked',
          ),
          cvss31: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
          cvss40: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N',
          cveId: 'CVE-2099-0001',
        }),
      ],
      vendorStatuses: [
        status(s.B, 'fixed', bi('2.3.1 で修正しました。', 'Fixed in 2.3.1.')),
        status(
          s.A,
          'affected',
          bi(
            'RT-100 のファームウェア 1.0〜1.3 が影響を受けます。修正版を準備しています。',
            'Firmware 1.0–1.3 of RT-100 is affected. A fixed firmware is being prepared.',
          ),
        ),
      ],
      references: [{ kind: 'cwe', title: 'CWE-22', url: 'https://cwe.mitre.org/data/definitions/22.html' }],
    }),
    correction: {
      daysAfter: 21,
      note: bi(
        'デモ製品開発者A株式会社の対策情報（ファームウェア 1.4）を追記しました',
        'Added the fix of Demo Developer A Inc. (firmware 1.4)',
      ),
      content: (published, s) => ({
        ...published,
        solution: bi(
          'デモルーター用ライブラリを 2.3.1 以降に、デモルーター RT-100 のファームウェアを 1.4 以降に更新してください。',
          'Update Demo router library to 2.3.1 or later, and the firmware of Demo Router RT-100 to 1.4 or later.',
        ),
        products: published.products.map((p) => (p.key === 'p2' ? { ...p, fixedVersion: '1.4' } : p)),
        vendorStatuses: published.vendorStatuses.map((v) =>
          v.developerSlug === s.A
            ? {
                ...v,
                status: 'fixed',
                statement: bi('ファームウェア 1.4 で修正しました。', 'Fixed in firmware 1.4.'),
              }
            : v,
        ),
      }),
    },
  },
  {
    key: 'plc-missing-auth',
    daysAgo: 40,
    developers: ['A'],
    report: {
      productName: '【サンプル】デモ制御装置 PLC-1 / [Sample] Demo Controller PLC-1',
      developerName: 'デモ製品開発者A株式会社 / Demo Developer A Inc.',
      versions: '1.0',
      description:
        '【サンプル】保守用ポートの機能が認証なしで使えます。\n' +
        '[Sample] The maintenance port works without authentication.',
      steps: 'nc plc-1.demo.keikai.test 5020',
    },
    content: (base, s) => ({
      ...base,
      title: bi(
        '【サンプル】デモ制御装置 PLC-1 における重要な機能に対する認証の欠如の脆弱性',
        '[Sample] Missing authentication for critical function in Demo Controller PLC-1',
      ),
      overview: bi(
        '【サンプル】デモ製品開発者A株式会社が提供するデモ制御装置 PLC-1 には、重要な機能に対する認証の欠如の脆弱性が存在します。' +
          'これは keikai のデモ用のサンプルであり、実在する製品・脆弱性ではありません。',
        '[Sample] Demo Controller PLC-1 provided by Demo Developer A Inc. is missing authentication for a critical ' +
          'function. This is a sample advisory of the keikai demo, not a real product or vulnerability.',
      ),
      description: bi(
        '保守用ポート (TCP 5020) で受け付けるコマンドに認証がありません (CWE-306)。',
        'The commands accepted on the maintenance port (TCP 5020) require no authentication (CWE-306).',
      ),
      impact: bi(
        'ネットワーク上の第三者によって、制御プログラムの停止や設定の変更が行われる可能性があります。',
        'An attacker on the network may stop the control program or change its settings.',
      ),
      solution: bi('ファームウェアを 1.1 以降に更新してください。', 'Update the firmware to 1.1 or later.'),
      workaround: bi(
        '保守用ポートをファイアウォールで遮断してください。',
        'Block the maintenance port with a firewall.',
      ),
      products: [
        product('p1', s.A, bi('デモ制御装置 PLC-1', 'Demo Controller PLC-1'), {
          versions: bi('ファームウェア 1.0', 'firmware 1.0'),
          fixedVersion: '1.1',
          cpe: 'cpe:2.3:o:demo_developer_a:plc-1_firmware:1.0:*:*:*:*:*:*:*',
        }),
      ],
      vulnerabilities: [
        vulnerability(
          1,
          bi('重要な機能に対する認証の欠如', 'Missing authentication for critical function'),
          'CWE-306',
          {
            description: bi('保守用ポートに認証がない', 'The maintenance port has no authentication'),
            cvss40: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N',
          },
        ),
      ],
      vendorStatuses: [
        status(s.A, 'fixed', bi('ファームウェア 1.1 で修正しました。', 'Fixed in firmware 1.1.')),
      ],
    }),
  },
  {
    key: 'form-tool-command-injection',
    daysAgo: 14,
    developers: ['B'],
    report: {
      productName: '【サンプル】デモ帳票ツール / [Sample] Demo form tool',
      developerName: 'デモ製品開発者B合同会社 / Demo Developer B LLC',
      versions: '3.0–3.2',
      description:
        '【サンプル】ファイル名が OS コマンドの一部として実行されます。\n' +
        '[Sample] A file name is run as part of an OS command.',
      steps: 'ファイル名に ";id" を含む帳票を出力 / export a form named ";id"',
    },
    // Japanese only: the English pages and feeds show the Japanese text, marked as such
    content: (base, s) => ({
      ...base,
      title: bi('【サンプル】デモ帳票ツールにおける OS コマンドインジェクションの脆弱性', ''),
      overview: bi(
        '【サンプル】デモ製品開発者B合同会社が提供するデモ帳票ツールには、OS コマンドインジェクションの脆弱性が存在します。' +
          'これは keikai のデモ用のサンプルであり、実在する製品・脆弱性ではありません（英語版のない例）。',
        '',
      ),
      description: bi(
        '帳票を PDF に出力する際、ファイル名がシェルのコマンド文字列にそのまま埋め込まれます (CWE-78)。',
        '',
      ),
      impact: bi(
        'ログインした利用者によって、サーバ上で任意の OS コマンドを実行される可能性があります。',
        '',
      ),
      solution: bi('デモ帳票ツールを 3.3 以降に更新してください。', ''),
      workaround: bi('', ''),
      contact: bi(base.contact.ja, ''),
      products: [
        product('p1', s.B, bi('デモ帳票ツール', ''), {
          versions: bi('3.0 から 3.2 まで', ''),
          fixedVersion: '3.3',
        }),
      ],
      vulnerabilities: [
        vulnerability(1, bi('OS コマンドインジェクション', ''), 'CWE-78', {
          description: bi('ファイル名がシェルに渡される', ''),
          cvss31: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
        }),
      ],
      vendorStatuses: [status(s.B, 'fixed', bi('3.3 で修正しました。', ''))],
    }),
  },
];

function product(
  key: string,
  developerSlug: string,
  name: Bilingual,
  o: Partial<Pick<AdvisoryProduct, 'versions' | 'versionRange' | 'fixedVersion' | 'purl' | 'cpe'>>,
): AdvisoryProduct {
  return {
    key,
    developerSlug,
    name,
    versions: o.versions ?? bi('', ''),
    versionRange: o.versionRange ?? null,
    fixedVersion: o.fixedVersion ?? null,
    purl: o.purl ?? null,
    cpe: o.cpe ?? null,
  };
}

function vulnerability(
  ordinal: number,
  title: Bilingual,
  cweId: string,
  o: { description: Bilingual; cvss31?: string; cvss40?: string; cveId?: string },
): AdvisoryVulnerability {
  return {
    ordinal,
    title,
    description: o.description,
    cweId,
    cvss31: o.cvss31 ? vector(o.cvss31) : null,
    cvss40: o.cvss40 ? vector(o.cvss40) : null,
    cveId: o.cveId ?? null,
    exploitedInTheWild: false,
  };
}

function status(developerSlug: string, value: VendorStatus['status'], statement: Bilingual): VendorStatus {
  return { developerSlug, vulnerabilityOrdinal: 1, status: value, statement, url: null };
}

/** The agreed moment of a sample: `daysAgo` before today, the next business day, 10:00 JST. */
export function samplePublicationDay(now: Date, daysAgo: number): string {
  return calendar.nextBusinessDayOnOrAfter(calendar.addCalendarDays(jstDate(now), -daysAgo));
}
const jstMoment = (day: string) => new Date(`${day}T10:00:00+09:00`);

async function setting(ctx: AppContext, key: string) {
  return ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
}

async function mark(ctx: AppContext, key: string, value: unknown): Promise<void> {
  await ctx.db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

const parseValue = (v: unknown): Record<string, unknown> =>
  (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

/** The story's context: the real one with a clock of its own, moved forward step by step. */
function storyContext(ctx: AppContext, start: Date): { sctx: AppContext; clock: ManualClock } {
  const clock = new ManualClock(start);
  return { sctx: { ...ctx, clock }, clock };
}

async function seedSample(ctx: AppContext, people: People, s: Sample, now: Date): Promise<void> {
  const day = samplePublicationDay(now, s.daysAgo);
  const moment = jstMoment(day);
  const { sctx, clock } = storyContext(ctx, new Date(moment.getTime() - 50 * DAY));
  const step = (ms = HOUR) => clock.advance(ms);
  const coordinator = people.coordinator.actor;

  // 1. the report, accepted: a product case
  let reportId = parseValue((await setting(ctx, sampleReportKey(s.key)))?.value ?? 'null')?.reportId as
    | string
    | undefined;
  if (!reportId) {
    const r = await submitReport(
      sctx,
      people.finder.actor,
      reportSchema.parse({
        track: 'software',
        ...s.report,
        finder: { name: '発見者 デモ / Demo Finder', email: DEMO_PEOPLE.finder },
        consent: {
          identityToCoordinator: true,
          identityToVendor: false,
          directContact: false,
          publicCredit: true,
          creditName: 'Demo Finder',
        },
        attestLawful: true,
        locale: 'ja',
      }),
      { source: 'form' },
    );
    reportId = r.reportId;
    await mark(ctx, sampleReportKey(s.key), { reportId });
  }
  const report = await ctx.db
    .selectFrom('reports')
    .select(['id', 'tracking_number', 'state'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  step();
  if (report.state === 'submitted') {
    await acceptReport(sctx, people.handler.actor, {
      trackingNumber: report.tracking_number,
      expectedState: 'submitted',
      expectedTrack: 'software',
      message: '【サンプル】届出を受理しました。\n[Sample] Your report was accepted.',
    });
  }
  const c = await ctx.db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('report_id', '=', report.id)
    .where('track', '=', 'software')
    .where('superseded_by_case_id', 'is', null)
    .executeTakeFirstOrThrow();
  const reference = c.reference;
  // its advisory is a sample (before anything of it is published)
  await mark(ctx, sampleCaseKey(c.id), { demo: s.key });

  // 2.–3. coordinated (done when coordination has ended: an ended case takes no more changes)
  const ended = await ctx.db
    .selectFrom('coordination_cases')
    .select('ended_at')
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  if (!ended?.ended_at) await coordinate(sctx, clock, people, s, c, day);

  // 4. the advisory written, reviewed, approved by the lead, scheduled and published
  clock.set(new Date(moment.getTime() - 10 * DAY));
  const { advisoryId } = await createAdvisory(sctx, coordinator, { caseId: c.id });
  const row = () =>
    ctx.db
      .selectFrom('advisories')
      .select(['id', 'state', 'published_revision', 'content_enc'])
      .where('id', '=', advisoryId)
      .executeTakeFirstOrThrow();
  const slugsOf = (content: AdvisoryContent): Slugs => {
    const slug = (d: Dev) =>
      content.developers.find(
        (x) => x.name.en === (d === 'A' ? 'Demo Developer A Inc.' : 'Demo Developer B LLC'),
      )?.slug ?? '';
    return { A: slug('A'), B: slug('B') };
  };
  await review(sctx, clock, people, reference, advisoryId, row, (base) => s.content(base, slugsOf(base)), 0);
  let a = await row();
  if (a.state === 'approved' && a.published_revision === 0) {
    step();
    await scheduleAdvisory(sctx, coordinator, { reference });
    a = await row();
  }
  if (a.state === 'scheduled' && a.published_revision === 0) {
    clock.set(new Date(moment.getTime() + 60_000));
    await publishDueAdvisories(sctx);
  }

  // 5. the correction
  const k = s.correction;
  if (!k) return;
  clock.set(new Date(moment.getTime() + k.daysAfter * DAY));
  a = await row();
  if (a.state === 'published' && a.published_revision === 1) {
    await startCorrection(sctx, coordinator, {
      reference,
      fields: { changeNoteJa: k.note.ja, changeNoteEn: k.note.en },
    });
  }
  await review(
    sctx,
    clock,
    people,
    reference,
    advisoryId,
    row,
    (published) => k.content(published, slugsOf(published)),
    1,
    k.note,
  );
  a = await row();
  if (a.state === 'approved' && a.published_revision === 1) {
    step();
    await releaseCorrection(sctx, coordinator, { reference });
    a = await row();
  }
  if (a.state === 'scheduled' && a.published_revision === 1) await publishDueAdvisories(sctx);
}

/** The developers added, notified and acknowledging; the moment proposed and agreed; coordination ended. */
async function coordinate(
  sctx: AppContext,
  clock: ManualClock,
  people: People,
  s: Sample,
  c: { id: string; reference: string },
  day: string,
): Promise<void> {
  const ctx = sctx;
  const reference = c.reference;
  const coordinator = people.coordinator.actor;
  const step = (ms = HOUR) => clock.advance(ms);
  // the developers added, notified, and acknowledging in the portal
  const orgOf = (d: Dev) => (d === 'A' ? people.developerA : people.developerB);
  for (const d of s.developers) {
    const organizationId = orgOf(d).organizationId;
    step(1000);
    if (organizationId) await addParties(sctx, coordinator, { reference, organizationId });
  }
  const parties = await ctx.db
    .selectFrom('coordination_parties')
    .select(['id', 'organization_id', 'notified_at'])
    .where('case_id', '=', c.id)
    .where('removed_at', 'is', null)
    .execute();
  step();
  for (const p of parties)
    if (!p.notified_at) await notifyParty(sctx, coordinator, { reference, partyId: p.id });
  step(DAY);
  for (const d of s.developers) await acknowledgeNotification(sctx, orgOf(d).actor, { reference });

  // 3. the moment agreed
  step(DAY);
  const cc = await ctx.db
    .selectFrom('coordination_cases')
    .select('agreed_publication_at')
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  if (!cc?.agreed_publication_at) {
    const { proposalId } = await proposeSchedule(sctx, coordinator, {
      reference,
      publishAt: `${day}T10:00`,
      timeZone: 'Asia/Tokyo',
      reason:
        '【サンプル】開発者の修正版の提供に合わせます。\n[Sample] Matches the developers’ fixed release.',
    });
    step();
    await decideSchedule(sctx, people.lead.actor, { reference, decision: { kind: 'accept', proposalId } });
  }
  // coordination done: no reminders or "target passed" notices for the sample (the advisory is still written)
  step();
  await endCoordination(sctx, coordinator, {
    reference,
    fields: {
      kind: 'ready_for_publication',
      reason: '【サンプル】公表日時に合意しました。\n[Sample] The publication moment is agreed.',
    },
  });
}

/** Revision `published + 1` saved from the working copy, submitted by the coordinator and approved by the lead. */
async function review(
  sctx: AppContext,
  clock: ManualClock,
  people: People,
  reference: string,
  advisoryId: string,
  row: () => Promise<{ state: string; published_revision: number; content_enc: string }>,
  fill: (working: AdvisoryContent) => AdvisoryContent,
  published: number,
  note?: Bilingual,
): Promise<void> {
  let a = await row();
  if (a.published_revision !== published) return;
  if (a.state === 'draft') {
    const working = openContent(sctx.secrets, advisoryId, a.content_enc);
    clock.advance(HOUR);
    await saveAdvisory(sctx, people.coordinator.actor, {
      reference,
      fields: {
        ...contentToForm(fill(working)),
        ...(note ? { changeNoteJa: note.ja, changeNoteEn: note.en } : {}),
      },
    });
    clock.advance(HOUR);
    await submitAdvisory(sctx, people.coordinator.actor, { reference });
    a = await row();
  }
  if (a.state === 'in_review') {
    clock.advance(DAY);
    const reviewedSha256 = await workingCopySha256(sctx.db, sctx.secrets, advisoryId);
    await approveAdvisory(sctx, people.lead.actor, { reference, reviewedSha256 });
  }
}

/**
 * Seeds the sample advisories unless already done; true when they are there now. Needs the demo people, the
 * coordinator among them: a demo database from before the samples existed has no coordinator and is left as it is
 * (nothing done, false returned), as is one where a demo account is missing or disabled.
 */
export async function seedAdvisoriesDemo(ctx: AppContext): Promise<boolean> {
  if (await setting(ctx, ADVISORIES_SEEDED)) return true;
  const emails: Record<keyof People, string> = {
    finder: DEMO_PEOPLE.finder,
    handler: DEMO_PEOPLE.receptionHandler,
    coordinator: DEMO_COORDINATOR,
    lead: DEMO_PEOPLE.coordinationLead,
    developerA: DEMO_PEOPLE.developerA,
    developerB: DEMO_PEOPLE.developerB,
  };
  const people = {} as People;
  for (const [role, email] of Object.entries(emails) as [keyof People, string][]) {
    const p = await demoPerson(ctx, email);
    if (!p) return false;
    people[role] = p;
  }
  const now = ctx.clock.now();
  for (const s of SAMPLES) await seedSample(ctx, people, s, now);
  await mark(ctx, ADVISORIES_SEEDED, { at: now.toISOString() });
  return true;
}
