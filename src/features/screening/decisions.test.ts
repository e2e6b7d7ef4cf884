// Decisions on a report: each moves the state through the state machine, writes its event and tells the finder
// in the finder's language (message in the thread, mail to their address, readable by the reception body only).
// Stale forms, bad input and failures half-way write nothing at all.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../admin/testing.js';
import { openMessage } from '../intake/report-sealing.js';
import { acceptReport } from './accept-report.js';
import {
  as,
  type Cast,
  decisionFields,
  FINDER,
  makeCast,
  postDecision,
  reportUrl,
  softwareReport,
  submit,
  websiteReport,
} from './testing.js';

/** The message prefilled in a decision form, as the browser would submit it. */
function templateIn(html: string, decision: string): string {
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
async function footprint(t: TestApp, reportId: string) {
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

const latestMessage = async (t: TestApp, reportId: string) => {
  const m = await t.ctx.db
    .selectFrom('report_messages')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return { ...m, text: openMessage(t.ctx.secrets, m.id, m.body_enc) };
};
const latestMail = (t: TestApp, reportId: string) =>
  t.ctx.db
    .selectFrom('mail_messages')
    .selectAll()
    .where('related_id', '=', reportId)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
const report = (t: TestApp, reportId: string) =>
  t.ctx.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
const eventOf = (t: TestApp, reportId: string, type: string) =>
  t.ctx.db
    .selectFrom('events')
    .selectAll()
    .where('stream_id', '=', reportId)
    .where('type', '=', type)
    .executeTakeFirst();

describe('decisions on a report', () => {
  let t: TestApp;
  let cast: Cast;

  before(async () => {
    t = await startTestApp({ now: '2026-11-04T01:00:00Z' });
    cast = await makeCast(t);
  });
  after(() => t.close());

  it('accepts: state, decided_at, event, a case in the product queue, the template message in Japanese and a restricted mail', async () => {
    const r = await submit(t, softwareReport());
    const b = await as(t, cast.receptionHandler);
    const page = await b.get(reportUrl(r.trackingNumber));
    const template = templateIn(page.body, 'accept');
    assert.match(template, /受理しました/);
    const res = await postDecision(b, r.trackingNumber, 'accept', { message: template });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${reportUrl(r.trackingNumber)}?notice=accept`);
    const row = await report(t, r.reportId);
    assert.equal(row.state, 'accepted');
    assert.equal(row.decided_at?.toISOString(), t.clock.now().toISOString());
    const cases = await t.ctx.db
      .selectFrom('cases')
      .selectAll()
      .where('report_id', '=', r.reportId)
      .execute();
    assert.equal(cases.length, 1);
    assert.equal(cases[0]?.track, 'software');
    assert.equal(cases[0]?.reference, r.trackingNumber);
    const event = await eventOf(t, r.reportId, 'report.accepted');
    assert.ok(event);
    assert.equal(event.actor_user_id, cast.receptionHandler.userId);
    assert.equal((event.data as { caseReference: string }).caseReference, r.trackingNumber);
    const message = await latestMessage(t, r.reportId);
    assert.equal(message.direction, 'to_finder');
    assert.equal(message.text, template.trim());
    const mail = await latestMail(t, r.reportId);
    assert.equal(mail.to_address, FINDER.email);
    assert.equal(mail.restricted_to, 'reception_body');
    assert.equal(mail.locale, 'ja');
    assert.ok(mail.body_text.includes(template.trim()));
    assert.match(mail.subject, new RegExp(`^\\[${r.trackingNumber}\\]`));
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'report.accepted')
      .executeTakeFirst();
    assert.equal(audit?.subject_id, r.reportId);
    const after = await b.get(String(res.headers.location));
    assert.match(textOf(after.body), /受理しました。案件を引き渡しました。/);
  });

  it('asks for more in English for an English-speaking finder, with the question appended', async () => {
    const r = await submit(t, websiteReport({ locale: 'en' }));
    const b = await as(t, cast.receptionLead);
    const page = await b.get(reportUrl(r.trackingNumber));
    const template = templateIn(page.body, 'request_info');
    assert.match(template, /we need more information/);
    assert.match(page.body, /<textarea id="request_info-message"[^>]*lang="en"/);
    const missing = await postDecision(b, r.trackingNumber, 'request_info', { message: template });
    assert.equal(missing.statusCode, 400, 'the question is required');
    assert.match(missing.body, /<details open><summary>発見者に追加情報を依頼する/);
    assert.match(missing.body, /<a href="#request_info-question">入力してください。<\/a>/);
    const res = await postDecision(b, r.trackingNumber, 'request_info', {
      message: template,
      question: 'Which browser?',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await report(t, r.reportId)).state, 'awaiting_finder');
    assert.equal((await report(t, r.reportId)).decided_at, null);
    assert.ok(await eventOf(t, r.reportId, 'report.info_requested'));
    const message = await latestMessage(t, r.reportId);
    assert.equal(message.text, `${template.trim()}\n\nPlease tell us:\nWhich browser?`);
    const mail = await latestMail(t, r.reportId);
    assert.equal(mail.locale, 'en');
    assert.match(mail.subject, /About the handling of your report/);
    assert.equal(mail.restricted_to, 'reception_body');
  });

  it('does not accept only with a reason, told to the finder in their language', async () => {
    const r = await submit(t, softwareReport({ locale: 'en' }));
    const b = await as(t, cast.receptionHandler);
    assert.equal((await postDecision(b, r.trackingNumber, 'not_accept')).statusCode, 400);
    assert.equal((await report(t, r.reportId)).state, 'submitted');
    const res = await postDecision(b, r.trackingNumber, 'not_accept', {
      message: 'Dear finder,',
      reason: 'Out of scope.',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await report(t, r.reportId)).state, 'not_accepted');
    assert.equal((await latestMessage(t, r.reportId)).text, 'Dear finder,\n\nReason:\nOut of scope.');
    const event = await eventOf(t, r.reportId, 'report.not_accepted');
    assert.ok(event);
    assert.ok(
      !JSON.stringify(event.data).includes('Out of scope'),
      'the reason stays sealed, out of the event',
    );
  });

  it('discontinues only with one of the reasons of 資料1, stored and told to the finder', async () => {
    const r = await submit(t, softwareReport());
    const b = await as(t, cast.receptionHandler);
    const before = await footprint(t, r.reportId);
    for (const bad of ['', 'boredom']) {
      const res = await postDecision(b, r.trackingNumber, 'discontinue', { discontinueReason: bad });
      assert.equal(res.statusCode, 400, `reason "${bad}"`);
    }
    assert.deepEqual(await footprint(t, r.reportId), before, 'nothing written');
    const res = await postDecision(b, r.trackingNumber, 'discontinue', {
      discontinueReason: 'not_reproducible',
      message: '取りやめます。',
    });
    assert.equal(res.statusCode, 303);
    const row = await report(t, r.reportId);
    assert.equal(row.state, 'discontinued');
    assert.equal(row.discontinue_reason, 'not_reproducible');
    assert.equal(
      (await latestMessage(t, r.reportId)).text,
      '取りやめます。\n\n【理由】\n再現性が確認できない',
    );
    const event = await eventOf(t, r.reportId, 'report.discontinued');
    assert.equal((event?.data as { reason?: string } | undefined)?.reason, 'not_reproducible');
  });

  it('marks a duplicate of another report, never of itself, of nothing or of a duplicate', async () => {
    const original = await submit(t, softwareReport());
    const copy = await submit(t, softwareReport({ locale: 'en' }));
    const third = await submit(t, softwareReport());
    const b = await as(t, cast.receptionHandler);
    const self = await postDecision(b, copy.trackingNumber, 'mark_duplicate', {
      duplicateOf: copy.trackingNumber,
    });
    assert.equal(self.statusCode, 400);
    assert.match(
      textOf(self.body),
      /A report cannot be a duplicate of itself|届出を自分自身の重複にすることはできません/,
    );
    assert.equal(
      (await postDecision(b, copy.trackingNumber, 'mark_duplicate', { duplicateOf: 'IPA#99999999' }))
        .statusCode,
      400,
    );
    assert.equal((await report(t, copy.reportId)).state, 'submitted');
    const res = await postDecision(b, copy.trackingNumber, 'mark_duplicate', {
      duplicateOf: original.trackingNumber,
    });
    assert.equal(res.statusCode, 303);
    const row = await report(t, copy.reportId);
    assert.equal(row.state, 'duplicate');
    assert.equal(row.duplicate_of_report_id, original.reportId);
    const message = await latestMessage(t, copy.reportId);
    assert.ok(
      !message.text.includes(original.trackingNumber),
      "the finder learns nothing of the other finder's report",
    );
    const chained = await postDecision(b, third.trackingNumber, 'mark_duplicate', {
      duplicateOf: copy.trackingNumber,
    });
    assert.equal(chained.statusCode, 400);
  });

  it('refuses to accept a finder who cannot be contacted under the default policy, and writes nothing', async () => {
    const r = await submit(t, softwareReport({ finder: { name: '匿名希望' } }));
    const b = await as(t, cast.receptionHandler);
    const page = await b.get(reportUrl(r.trackingNumber));
    assert.match(page.body, /この区分では発見者と連絡が取れることが受理の条件です/);
    const before = await footprint(t, r.reportId);
    const res = await postDecision(b, r.trackingNumber, 'accept');
    assert.equal(res.statusCode, 400);
    assert.match(
      textOf(res.body),
      /発見者と連絡が取れることが受理の条件です。この届出は連絡が取れないため受理できません/,
    );
    assert.deepEqual(await footprint(t, r.reportId), before);
    // the finder has no address: other decisions are still told on the follow-up page, without mail
    assert.equal(
      (await postDecision(b, r.trackingNumber, 'request_info', { question: '連絡先を教えてください' }))
        .statusCode,
      303,
    );
    const after = await footprint(t, r.reportId);
    assert.equal(after.messages, 1);
    assert.equal(after.mails, 0);
  });

  it('refuses a stale form with a 409 and writes nothing', async () => {
    const r = await submit(t, softwareReport());
    const handler = await as(t, cast.receptionHandler);
    const stale = await decisionFields(handler, r.trackingNumber);
    const lead = await as(t, cast.receptionLead);
    assert.equal(
      (await postDecision(lead, r.trackingNumber, 'request_info', { question: '詳細を' })).statusCode,
      303,
    );
    const before = await footprint(t, r.reportId);
    await handler.get(reportUrl(r.trackingNumber));
    const res = await handler.post(`${reportUrl(r.trackingNumber)}/decisions`, {
      decision: 'accept',
      ...stale,
      message: '受理します',
    });
    assert.equal(res.statusCode, 409);
    assert.match(textOf(res.body), /ページを開いた後に他の操作で変更されました/);
    assert.deepEqual(await footprint(t, r.reportId), before);
  });

  it('rolls the whole acceptance back when it fails after the case was opened', async () => {
    const r = await submit(t, softwareReport());
    const before = await footprint(t, r.reportId);
    const actor = {
      kind: 'user' as const,
      userId: cast.receptionHandler.userId,
      email: cast.receptionHandler.email,
      displayName: 'Handler',
      role: 'handler' as const,
      organizationId: null,
      organizationType: 'reception_body' as const,
      locale: 'ja' as const,
      timeZone: 'Asia/Tokyo',
      via: 'session' as const,
    };
    // the mail is the last thing written, after the state change and the case: make its enqueueing fail
    const broken = {
      ...t.ctx,
      jobs: {
        send: async () => {
          throw new Error('mail queue down');
        },
      },
    };
    await assert.rejects(
      acceptReport(broken, actor, {
        trackingNumber: r.trackingNumber,
        expectedState: 'submitted',
        expectedTrack: 'software',
        message: '受理しました',
      }),
      /mail queue down/,
    );
    assert.deepEqual(await footprint(t, r.reportId), before, 'neither the state change nor the case remains');
    const result = await acceptReport(t.ctx, actor, {
      trackingNumber: r.trackingNumber,
      expectedState: 'submitted',
      expectedTrack: 'software',
      message: '受理しました',
    });
    assert.equal(result.state, 'accepted');
    assert.equal((await footprint(t, r.reportId)).cases, 1, 'exactly one case once it succeeds');
  });

  it('is refused to anyone but reception staff', async () => {
    const r = await submit(t, softwareReport());
    for (const p of [cast.coordinationAdmin, cast.developer, cast.finder]) {
      const b = await as(t, p);
      await b.get('/');
      const res = await b.post(`${reportUrl(r.trackingNumber)}/decisions`, {
        decision: 'accept',
        expectedState: 'submitted',
        expectedTrack: 'software',
        message: 'x',
      });
      assert.equal(res.statusCode, 403, p.email);
    }
    assert.equal((await report(t, r.reportId)).state, 'submitted');
  });
});
