// Decisions that must not happen, and write nothing when refused: accepting a finder who cannot be contacted under
// the default policy, a stale form (409), a failure half-way through an acceptance (all rolled back, case
// included), and anyone outside the reception body.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { softwareReport, submit } from '../../testing/reports.js';

import { acceptReport } from './accept-report.js';
import {
  as,
  type Cast,
  decisionFields,
  footprint,
  makeCast,
  postDecision,
  reportRow,
  reportUrl,
} from './testing.js';

describe('refused decisions', () => {
  let t: TestApp;
  let cast: Cast;

  before(async () => {
    t = await startTestApp({ now: '2026-11-04T01:00:00Z' });
    cast = await makeCast(t);
  });
  after(() => t.close());

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
    assert.equal((await reportRow(t, r.reportId)).state, 'submitted');
  });
});
