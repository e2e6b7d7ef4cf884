// The overseas CSIRT's case form: the day it told us is a real calendar day that has happened (in JST), and its
// reference is one line (it goes into mail subjects). Refusals say which field and why, in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { isCalendarDate, openCsirtCase } from './open-csirt-case.js';
import { type Bodies, bodies, footprint } from './testing.js';

const FORM = '/coordination/csirt-cases/new';

describe('isCalendarDate', () => {
  it('accepts days of the calendar and refuses the rest', () => {
    for (const ok of ['2026-02-28', '2028-02-29', '2026-12-31', '2026-01-01'])
      assert.ok(isCalendarDate(ok), ok);
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '',
      'x',
    ])
      assert.equal(isCalendarDate(bad), false, bad);
  });
});

describe('opening an overseas CSIRT case', () => {
  let t: TestApp;
  let b: Bodies;
  let csirt: string;

  before(async () => {
    // 2026-11-17 00:30 JST, still the 16th in UTC
    t = await startTestApp({ now: '2026-11-16T15:30:00Z' });
    b = await bodies(t);
    csirt = await makeOrganization(t.ctx, 'csirt', 'Overseas CERT');
  });
  after(() => t.close());

  const fields = (over: Record<string, string>) => ({
    csirtOrganizationId: csirt,
    csirtReference: 'VU#123456',
    receivedOn: '2026-11-16',
    ...over,
  });

  const refusal = async (over: Record<string, string>) => {
    try {
      await openCsirtCase(t.ctx, b.coordinator.actor, { fields: fields(over) });
    } catch (e) {
      return (e as { fields?: Record<string, string[]> }).fields;
    }
    assert.fail('accepted');
  };

  it('refuses a day that is not in the calendar, a day still to come, and a reference of several lines', async () => {
    const before = await footprint(t);
    // the schema's refusals come worded in the coordinator's language, the use case's as catalog keys
    assert.deepEqual(await refusal({ receivedOn: '2026-02-30' }), {
      receivedOn: ['連絡を受けた日が暦にない日付です（例: 2月30日）。'],
    });
    assert.deepEqual(await refusal({ receivedOn: '2026-11-18' }), {
      receivedOn: ['coordination.errors.receivedOnFuture'],
    });
    for (const csirtReference of ['VU#1\nBcc: x@example.com', 'VU#1\r\nX', 'VU#1\u2028X']) {
      assert.deepEqual(await refusal({ csirtReference }), {
        csirtReference: ['改行を含めず1行で入力してください（200文字以内）。'],
      });
    }
    assert.deepEqual(await footprint(t), before);
  });

  it('accepts today in JST (already the 17th, though the 16th in UTC)', async () => {
    const r = await openCsirtCase(t.ctx, b.coordinator.actor, {
      fields: fields({ receivedOn: '2026-11-17' }),
    });
    const cc = await t.ctx.db
      .selectFrom('coordination_cases as cc')
      .innerJoin('cases as c', 'c.id', 'cc.case_id')
      .select(['cc.csirt_received_on', 'cc.csirt_reference'])
      .where('c.reference', '=', r.reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(cc, { csirt_received_on: '2026-11-17', csirt_reference: 'VU#123456' });
  });

  it('shows the refusals next to the fields, in Japanese and English, keeping what was typed', async () => {
    const ja = await signedIn(t, b.coordinator.userId);
    const res = await ja.post(FORM, fields({ receivedOn: '2026-02-30' }), FORM);
    assert.equal(res.status, 400);
    assert.match(textOf(res.body), /連絡を受けた日が暦にない日付です/);
    assert.match(res.body, /value="2026-02-30"/);
    const en = await signedIn(t, b.coordinator2.userId);
    const future = await en.post(FORM, fields({ receivedOn: '2027-01-01' }), FORM);
    assert.equal(future.status, 400);
    assert.match(textOf(future.body), /The day it was received cannot be in the future\./);
  });
});
