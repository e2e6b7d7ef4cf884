// closeCase: the one in-transaction way a feature closes a case at its end, with the reason in the `closed` event;
// a case already closed, or not on the track the caller works, is left as it is.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { softwareReport, submit, websiteReport } from '../../testing/reports.js';
import { as, type Cast, makeCast, postDecision } from '../screening/testing.js';
import { closeCase } from './close-case.js';
import { CASE_EVENTS } from './open-case-for-report.js';

describe('closing a case at the end of its track', () => {
  let t: TestApp;
  let cast: Cast;

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T00:00:00Z' });
    cast = await makeCast(t);
  });
  after(() => t.close());

  const acceptedCase = async (report: ReturnType<typeof softwareReport>) => {
    const r = await submit(t, report);
    const lead = await as(t, cast.receptionLead);
    assert.equal((await postDecision(lead, r.trackingNumber, 'accept')).statusCode, 303);
    return t.ctx.db
      .selectFrom('cases')
      .select(['id', 'state'])
      .where('report_id', '=', r.reportId)
      .executeTakeFirstOrThrow();
  };
  const closedEvents = (caseId: string) =>
    t.ctx.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', caseId)
      .where('type', '=', CASE_EVENTS.closed)
      .execute();
  const close = (input: Parameters<typeof closeCase>[2]) =>
    t.ctx.db.transaction().execute((trx) => closeCase(trx, t.ctx, input));

  it('closes an open case once and keeps the reason in its closed event', async () => {
    const c = await acceptedCase(softwareReport());
    const at = t.clock.now();
    assert.equal(await close({ caseId: c.id, reason: 'developer_notifies_users', at }), true);
    assert.equal(await close({ caseId: c.id, reason: 'no_new_handling', at }), false);
    const state = await t.ctx.db
      .selectFrom('cases')
      .select('state')
      .where('id', '=', c.id)
      .executeTakeFirst();
    assert.equal(state?.state, 'closed');
    assert.deepEqual(
      (await closedEvents(c.id)).map((e) => (e.data as { reason: string }).reason),
      ['developer_notifies_users'],
    );
  });

  it('leaves a case on another track open when the caller works only one track', async () => {
    const c = await acceptedCase(softwareReport());
    assert.equal(
      await close({ caseId: c.id, reason: 'website_fixed', at: t.clock.now(), onlyOnTrack: 'website' }),
      false,
    );
    assert.deepEqual(await closedEvents(c.id), []);
    const web = await acceptedCase(websiteReport());
    assert.equal(
      await close({ caseId: web.id, reason: 'website_fixed', at: t.clock.now(), onlyOnTrack: 'website' }),
      true,
    );
  });
});
