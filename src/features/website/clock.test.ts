// Time travel on the website clock: reminders at business-day points (holidays and the year-end closure skipped),
// once each however often the sweep runs; the 9-month stop refused a moment before and allowed at it; 取扱不可能
// only after the required attempts; fixed with what was done; the finder told by a reception-only mail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { FINDER } from '../../testing/reports.js';
import { assignContact } from './assign-contact.js';
import { CloseRefused, closeWebsiteCase } from './close-website-case.js';
import { recordContactAttempt } from './record-contact-attempt.js';
import { runWebsiteSweep } from './run-website-sweep.js';
import { sendNotice } from './send-notice.js';
import {
  acceptedWebsiteCase,
  caseIdOf,
  mailOfCase,
  makeActor,
  notifiedByHand,
  type Staff,
} from './testing.js';
import { websiteCasePath } from './views/paths.js';

describe('the website clock and outcomes', () => {
  let t: TestApp;
  let lead: Staff;

  before(async () => {
    t = await startTestApp({ now: '2026-11-02T01:00:00Z' });
    lead = await makeActor(t, { orgType: 'reception_body', role: 'lead' });
  });
  after(() => t.close());

  /** A case notified (details sent) at the given instant, to a contact entered by hand. */
  const notifiedCase = (at: string, over: Record<string, unknown> = {}) =>
    notifiedByHand(t, lead, at, { over, contactName: 'ご担当者' });
  const remindersOf = (caseId: string) =>
    t.ctx.db
      .selectFrom('website_notices')
      .select(['reminder_key', 'sent_at'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'reminder')
      .orderBy('sent_at')
      .execute();

  it('reminds at 10 and 20 business days (09:00 JST, 3 November a holiday), once each', async () => {
    // Monday 2 November 2026, 10:00 JST
    const c = await notifiedCase('2026-11-02T01:00:00Z');
    t.clock.set('2026-11-16T23:59:59Z'); // 17 November 08:59:59 JST
    await runWebsiteSweep(t.ctx);
    assert.equal((await remindersOf(c.caseId)).length, 0);
    t.clock.set('2026-11-17T00:00:00Z'); // 10th business day, 09:00 JST
    await runWebsiteSweep(t.ctx);
    await runWebsiteSweep(t.ctx);
    assert.deepEqual(
      (await remindersOf(c.caseId)).map((r) => r.reminder_key),
      ['bd-10'],
    );
    const mail = (await mailOfCase(t, c.caseId)).at(-1);
    assert.equal(mail?.subject, `[${c.reference}] 対応状況のご確認のお願い`);
    assert.match(mail?.body_text ?? '', /2026-11-02 \(JST\) にお送りした/);
    assert.match(mail?.body_text ?? '', /調査結果のご連絡をお待ちしています/);
    assert.ok(!(mail?.body_text ?? '').includes(FINDER.email));
    t.clock.set('2026-12-01T23:59:59Z');
    await runWebsiteSweep(t.ctx);
    assert.equal((await remindersOf(c.caseId)).length, 1);
    t.clock.set('2026-12-02T00:00:00Z'); // 20th business day (23 November a holiday too)
    await runWebsiteSweep(t.ctx);
    assert.deepEqual(
      (await remindersOf(c.caseId)).map((r) => r.reminder_key),
      ['bd-10', 'bd-20'],
    );
    const attempts = await t.ctx.db
      .selectFrom('website_contact_attempts')
      .select(['automatic', 'result'])
      .where('case_id', '=', c.caseId)
      .execute();
    assert.equal(attempts.length, 3); // the details and two reminders
  });

  it('skips the year-end closure and 成人の日 when counting, and sends only the latest point when it catches up', async () => {
    // Friday 25 December 2026: 28 Dec is day 1, 29 Dec–3 Jan closed, 11 Jan 2027 a holiday → day 10 is 15 Jan
    const c = await notifiedCase('2026-12-25T01:00:00Z');
    t.clock.set('2027-01-14T23:59:59Z');
    await runWebsiteSweep(t.ctx);
    assert.equal((await remindersOf(c.caseId)).length, 0);
    t.clock.set('2027-01-15T00:00:00Z');
    await runWebsiteSweep(t.ctx);
    assert.deepEqual(
      (await remindersOf(c.caseId)).map((r) => r.reminder_key),
      ['bd-10'],
    );

    const late = await notifiedCase('2026-11-02T01:00:00Z');
    t.clock.set('2027-03-01T00:00:00Z'); // both points long past: one reminder, the latest
    await runWebsiteSweep(t.ctx);
    await runWebsiteSweep(t.ctx);
    assert.deepEqual(
      (await remindersOf(late.caseId)).map((r) => r.reminder_key),
      ['bd-20'],
    );
  });

  it('sends no reminder once the operator sent its completion report', async () => {
    const c = await notifiedCase('2026-11-02T01:00:00Z');
    await t.ctx.db
      .insertInto('website_completion_reports')
      .values({
        case_id: c.caseId,
        submitted_at: '2026-11-10T01:00:00Z',
        via: 'link',
        action: 'page_deleted',
        what_done: '該当ページを削除しました',
        personal_data_leak: false,
        wants_fix_confirmation: false,
        next_contact: 'reception_desk',
      })
      .execute();
    t.clock.set('2026-12-10T00:00:00Z');
    await runWebsiteSweep(t.ctx);
    assert.equal((await remindersOf(c.caseId)).length, 0);

    // and the reception body closes it as fixed, offered the report's action
    const b = await signedIn(t, lead.userId);
    const path = websiteCasePath(c.reference);
    const page = textOf((await b.get(path)).body);
    assert.match(page, /修正完了報告書の対応内容: 当該ページを削除/);
    const noAction = await b.post(
      `${path}/close`,
      { outcome: 'fixed', fixAction: '', reason: '報告書を確認' },
      path,
    );
    assert.equal(noAction.status, 400);
    assert.match(textOf(noAction.body), /対応内容を選んでください/);
    assert.match(noAction.body, /報告書を確認/);
    const ok = await b.post(
      `${path}/close`,
      { outcome: 'fixed', fixAction: 'page_deleted', reason: '報告書を確認', notifyFinder: 'on' },
      path,
    );
    assert.equal(ok.status, 303);
    const w = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([w.stage, w.outcome, w.fix_action], ['closed', 'fixed', 'page_deleted']);
    const kase = await t.ctx.db
      .selectFrom('cases')
      .select('state')
      .where('id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(kase.state, 'closed');
    const finderMail = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('to_address', '=', FINDER.email)
      .where('template', '=', 'website.mail.finderOutcome')
      .execute();
    assert.equal(finderMail.length, 1);
    assert.equal(finderMail[0]?.restricted_to, 'reception_body');
    assert.match(finderMail[0]?.body_text ?? '', /結果: 修正完了/);
    assert.ok(!(finderMail[0]?.body_text ?? '').includes('報告書を確認'), 'the internal reason stays inside');
    // the generic case page words the close, and the case can no longer be worked
    assert.match(textOf((await b.get(`/cases/${encodeURIComponent(c.reference)}`)).body), /修正完了/);
    assert.equal((await b.post(`${path}/notices`, { kind: 'details' }, path)).status, 409);
  });

  it('may stop a case after 9 months: refused a moment before, allowed from 00:00 JST of the day after', async () => {
    const c = await notifiedCase('2026-11-02T01:00:00Z');
    const close = () =>
      closeWebsiteCase(t.ctx, lead, {
        reference: c.reference,
        close: { outcome: 'stopped_after_9_months', reason: '9か月経過', notifyFinder: true },
      });
    t.clock.set('2027-08-02T14:59:59.999Z'); // 2 August 23:59:59.999 JST: exactly 9 months, not more
    await assert.rejects(close(), (e: unknown) => e instanceof CloseRefused && e.refusal === 'tooEarly');
    const b = await signedIn(t, lead.userId);
    const path = websiteCasePath(c.reference);
    const refused = await b.post(
      `${path}/close`,
      { outcome: 'stopped_after_9_months', reason: '9か月経過' },
      path,
    );
    assert.equal(refused.status, 400);
    assert.match(textOf(refused.body), /2027-08-03 00:00 JST \(UTC\+09:00\) 以降に可能/);
    t.clock.set('2027-08-02T15:00:00Z');
    assert.deepEqual(await close(), { finderMailed: true });
    const w = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(w.outcome, 'stopped_after_9_months');
    // the operator's link keeps reading the case (and its leak page) for 90 days after the close
    assert.equal(w.operator_link_revoked_at, null);
    assert.equal(w.operator_link_expires_at?.toISOString(), '2027-10-31T15:00:00.000Z');
  });

  it('declares the operator unreachable only after the attempts the policy requires', async () => {
    t.clock.set('2026-11-02T01:00:00Z');
    const c = await acceptedWebsiteCase(t, lead, { siteUrl: 'https://silent.example/' });
    await assignContact(t.ctx, lead, {
      reference: c.reference,
      contact: { source: 'manual', email: 'info@silent.example', locale: 'ja' },
    });
    await sendNotice(t.ctx, lead, { reference: c.reference, kind: 'contact_request' });
    const close = () =>
      closeWebsiteCase(t.ctx, lead, {
        reference: c.reference,
        close: { outcome: 'unreachable', reason: '電話・郵便とも応答なし', notifyFinder: false },
      });
    await assert.rejects(
      close(),
      (e: unknown) => e instanceof CloseRefused && e.refusal === 'tooFewAttempts',
    );
    await recordContactAttempt(t.ctx, lead, {
      reference: c.reference,
      attempt: { channel: 'phone', result: 'no_answer', note: '代表番号、応答なし' },
    });
    await recordContactAttempt(t.ctx, lead, {
      reference: c.reference,
      attempt: { channel: 'phone', result: 'answered', note: '別件の部署' },
    });
    await assert.rejects(close(), (e: unknown) => e instanceof CloseRefused && e.vars.have === 2);
    await recordContactAttempt(t.ctx, lead, {
      reference: c.reference,
      attempt: { channel: 'postal', result: 'no_answer', note: null },
    });
    assert.deepEqual(await close(), { finderMailed: false });
    const w = await t.ctx.db
      .selectFrom('website_cases')
      .selectAll()
      .where('case_id', '=', await caseIdOf(t, c.reference))
      .executeTakeFirstOrThrow();
    assert.equal(w.outcome, 'unreachable');
    assert.equal(w.finder_notified_at, null);
  });

  it('refuses "not a vulnerability" before the details, allows a stop after a public alert at any stage', async () => {
    t.clock.set('2026-11-02T01:00:00Z');
    const c = await acceptedWebsiteCase(t, lead, { siteUrl: 'https://early.example/' });
    await assert.rejects(
      closeWebsiteCase(t.ctx, lead, {
        reference: c.reference,
        close: { outcome: 'not_vulnerability', reason: '仕様', notifyFinder: true },
      }),
      (e: unknown) => e instanceof CloseRefused && e.refusal === 'notNotified',
    );
    await closeWebsiteCase(t.ctx, lead, {
      reference: c.reference,
      close: { outcome: 'stopped_after_alert', reason: '注意喚起を公開', notifyFinder: true },
    });
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['body_text', 'restricted_to'])
      .where('template', '=', 'website.mail.finderOutcome')
      .where('body_text', 'like', `%${c.trackingNumber}%`)
      .executeTakeFirstOrThrow();
    assert.match(mail.body_text, /注意喚起で処理取りやめ/);
    assert.equal(mail.restricted_to, 'reception_body');
  });
});
