// The finder learns what happens to their report after acceptance — on the follow-up page, in "My reports" and by
// mail when the publication moment is agreed — and never who the developers or the operator are, nor what anyone
// wrote (statements, messages, the staff's reasons).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { Browser } from '../../testing/browser.js';
import { buildWorld, sessionOf, type World } from '../../testing/world.js';
import { decideSchedule } from '../coordination/decide-schedule.js';
import { endCoordination } from '../coordination/end-coordination.js';
import { proposeSchedule } from '../coordination/propose-schedule.js';
import { submitCompletionReport } from '../operator/submit-completion-report.js';
import { closeWebsiteCase } from '../website/close-website-case.js';
import { submitted } from './testing.js';

const FINDER_EMAIL = 'progress-finder@finder.example';

/** Everything internal the world wrote that must never reach the finder's pages. */
function internals(w: World): string[] {
  return [
    'Alpha Soft',
    'Beta Works',
    'Shop Operator',
    w.contact.devA,
    w.contact.devB,
    w.contact.operator,
    w.people.coordinator.email,
    w.people.reception.email,
    w.people.devA.email,
    w.people.operator.email,
    'Alpha CMS 1.0–1.4 are affected.',
    'We are working on a fix.',
    'Gamma Plugins',
    'They ship the same comment widget.',
    '修正版の見通しを教えてください。',
    'ZEBRA-END-REASON',
    'OKAPI-CLOSE-REASON',
    'プレースホルダ',
  ];
}

async function followUpPath(t: TestApp, reportId: string): Promise<string> {
  const receipt = await t.ctx.db
    .selectFrom('mail_messages')
    .select('body_text')
    .where('related_id', '=', reportId)
    .where('body_text', 'like', '%/reports/follow-up/%')
    .executeTakeFirstOrThrow();
  const m = /(\/reports\/follow-up\/[A-Za-z0-9_-]+)/.exec(receipt.body_text);
  if (!m?.[1]) throw new Error('the receipt carries no follow-up link');
  return m[1];
}

describe("the finder's view of the case", () => {
  let t: TestApp;
  let w: World;

  before(async () => {
    t = await startTestApp({ now: '2026-11-17T01:00:00Z' });
    w = await buildWorld(t, {
      partyB: true,
      finderAccount: true,
      finder: { name: '進捗 太郎', email: FINDER_EMAIL, phone: '090-0000-1234', organization: '進捗研究所' },
    });
  });
  after(() => t.close());

  it('shows the handover and the developers notified as a count before any moment is agreed', async () => {
    const page = await new Browser(t).get(await followUpPath(t, w.product.reportId));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('受理後の取扱い状況'));
    assert.ok(page.body.includes('調整機関に引き渡しました'));
    assert.ok(page.body.includes('製品開発者への連絡を始めました（これまでに 2 者）'));
    assert.ok(!page.body.includes('公表日時が決まりました'));
  });

  it('tells the finder the agreed moment in JST by a mail restricted to the reception body, naming no developer', async () => {
    const proposal = await t.ctx.db
      .selectFrom('coordination_schedule_proposals')
      .select('id')
      .where('case_id', '=', w.product.caseId)
      .where('state', '=', 'proposed')
      .executeTakeFirstOrThrow();
    t.clock.advance(60_000);
    await decideSchedule(t.ctx, w.people.coordinator.actor, {
      reference: w.product.reference,
      decision: { kind: 'accept', proposalId: proposal.id },
    });
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', FINDER_EMAIL)
      .where('template', '=', 'intake.mail.scheduleAgreed')
      .execute();
    assert.equal(mails.length, 1);
    const mail = mails[0]!;
    assert.equal(mail.restricted_to, 'reception_body');
    assert.equal(mail.related_id, w.product.caseId);
    assert.ok(mail.subject.includes(w.product.reference));
    assert.ok(mail.body_text.includes('2027-01-20 10:00 JST (UTC+09:00)'), mail.body_text);
    for (const s of internals(w)) assert.ok(!mail.body_text.includes(s), `${s} is not in the mail`);
  });

  it('announces a moment that replaces the agreed one as a change, by mail and on the page', async () => {
    t.clock.advance(60_000);
    const { proposalId } = await proposeSchedule(t.ctx, w.people.coordinator.actor, {
      reference: w.product.reference,
      publishAt: '2027-02-03T10:00',
      timeZone: 'Asia/Tokyo',
      reason: '',
    });
    t.clock.advance(60_000);
    await decideSchedule(t.ctx, w.people.coordinator.actor, {
      reference: w.product.reference,
      decision: { kind: 'accept', proposalId },
    });
    const changed = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', FINDER_EMAIL)
      .where('template', '=', 'intake.mail.scheduleChanged')
      .execute();
    assert.equal(changed.length, 1);
    assert.equal(changed[0]?.restricted_to, 'reception_body');
    assert.ok(changed[0]?.body_text.includes('2027-02-03 10:00 JST (UTC+09:00)'));
    const page = await new Browser(t).get(await followUpPath(t, w.product.reportId));
    assert.ok(page.body.includes('公表日時が変更されました: 2027-02-03 10:00 JST (UTC+09:00)'));
  });

  it('shows the moment and the kind of end on the follow-up page, and nothing internal', async () => {
    t.clock.advance(60_000);
    await endCoordination(t.ctx, w.people.coordinator.actor, {
      reference: w.product.reference,
      fields: { kind: 'ready_for_publication', reason: 'ZEBRA-END-REASON' },
    });
    const page = await new Browser(t).get(await followUpPath(t, w.product.reportId));
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.ok(html.includes('公表日時が決まりました: 2027-01-20 10:00 JST (UTC+09:00)'));
    assert.ok(html.includes('製品開発者との調整が終わり、公表の準備に入りました'));
    // in time order: handover, notification, moment, end
    const order = [
      '調整機関に引き渡しました',
      '製品開発者への連絡を始めました',
      '公表日時が決まりました',
      '公表の準備に入りました',
    ];
    const positions = order.map((s) => html.indexOf(s));
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    for (const s of internals(w)) assert.ok(!html.includes(s), `${s} is not shown`);
  });

  it('words the steps in English for an English reader', async () => {
    const page = await new Browser(t).get(await followUpPath(t, w.product.reportId), {
      'accept-language': 'en',
    });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('What happened after acceptance'));
    assert.ok(page.body.includes('Handed over to the coordination body'));
    assert.ok(page.body.includes('Product developers are being notified (2 so far)'));
    assert.ok(page.body.includes('Publication moment agreed: 2027-01-20 10:00 JST (UTC+09:00)'));
    assert.ok(page.body.includes('Coordination with the developers is done; publication is being prepared'));
  });

  it('lists the same steps, compactly, in My reports of a finder with an account', async () => {
    const b = await sessionOf(t, w.people.finder.userId);
    const page = await b.get('/my/reports');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(w.product.reference));
    assert.ok(page.body.includes('製品開発者への連絡を始めました（これまでに 2 者）'));
    assert.ok(page.body.includes('公表日時が決まりました: 2027-01-20 10:00 JST (UTC+09:00)'));
    for (const s of internals(w)) assert.ok(!page.body.includes(s), `${s} is not shown`);
  });

  it('shows a website case from the operator notified to its closing as page deleted, and no operator', async () => {
    t.clock.advance(60_000);
    await submitCompletionReport(t.ctx, w.people.operator.actor, {
      reference: w.website.reference,
      report: {
        action: 'page_deleted',
        whatDone: '該当ページを削除しました。プレースホルダ',
        causeBasis: ['design'],
        causeDetail: ['input_check_sql'],
        causeOther: null,
        damageActual: ['none'],
        damageActualOther: null,
        damagePotential: [],
        damagePotentialOther: null,
        leakedKinds: null,
        opinion: null,
        personalDataLeak: false,
        wantsFixConfirmation: false,
        fixConfirmationConsent: false,
        nextContact: 'reception_desk',
        nextContactEmail: null,
        nextContactName: null,
        reporterOrganization: 'Shop Operator',
        reporterDepartment: null,
        reporterName: 'Shop Operator',
      },
    });
    t.clock.advance(60_000);
    await closeWebsiteCase(t.ctx, w.people.reception.actor, {
      reference: w.website.reference,
      close: {
        outcome: 'fixed',
        fixAction: 'page_deleted',
        reason: 'OKAPI-CLOSE-REASON',
        notifyFinder: true,
      },
    });
    const page = await new Browser(t).get(await followUpPath(t, w.website.reportId));
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.ok(html.includes('ウェブサイトの担当に引き渡しました'));
    assert.ok(html.includes('ウェブサイト運営者に脆弱性の詳細を通知しました'));
    assert.ok(html.includes('ウェブサイト運営者から対応完了の報告がありました'));
    assert.ok(html.includes('取扱いを終了しました（該当するページが削除されました）'));
    for (const s of internals(w)) assert.ok(!html.includes(s), `${s} is not shown`);
  });

  it('shows no progress section for a report not yet accepted', async () => {
    const r = await submitted(t);
    const page = await new Browser(t).get(`/reports/follow-up/${r.followUpToken}`);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('受理後の取扱い状況'));
  });
});
