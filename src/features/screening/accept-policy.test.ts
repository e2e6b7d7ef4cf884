// The acceptance policy is per track and configurable: with KEIKAI_ACCEPT_REQUIRES_CONTACT_SOFTWARE=false a
// software report from a finder who cannot be contacted can be accepted, while the website track keeps its rule.
// A checklist that finds the contact dead counts as not contactable where the policy requires one.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { softwareReport, submit, websiteReport } from '../../testing/reports.js';
import { as, type Cast, makeCast, postDecision, reportUrl } from './testing.js';

describe('the acceptance policy per track', () => {
  let t: TestApp;
  let cast: Cast;

  before(async () => {
    t = await startTestApp({ env: { KEIKAI_ACCEPT_REQUIRES_CONTACT_SOFTWARE: 'false' } });
    cast = await makeCast(t);
  });
  after(() => t.close());

  it('accepts an uncontactable software finder when the software policy allows it', async () => {
    const r = await submit(t, softwareReport({ finder: {} }));
    const b = await as(t, cast.receptionHandler);
    const page = await b.get(reportUrl(r.trackingNumber));
    assert.match(page.body, /連絡が取れなくても受理できる/);
    assert.equal((await postDecision(b, r.trackingNumber, 'accept')).statusCode, 303);
    const c = await t.ctx.db.selectFrom('cases').selectAll().where('report_id', '=', r.reportId).execute();
    assert.equal(c.length, 1);
    // no address: the decision is in the thread, nothing is mailed
    const mail = await t.ctx.db
      .selectFrom('mail_messages')
      .select('id')
      .where('related_id', '=', r.reportId)
      .execute();
    assert.equal(mail.length, 0);
  });

  it('still refuses an uncontactable website finder', async () => {
    const r = await submit(t, websiteReport({ finder: { name: 'Anonymous' } }));
    const b = await as(t, cast.receptionHandler);
    assert.equal((await postDecision(b, r.trackingNumber, 'accept')).statusCode, 400);
  });

  it('counts a contact the screener found dead as not contactable', async () => {
    const r = await submit(t, websiteReport());
    const b = await as(t, cast.receptionLead);
    await b.get(reportUrl(r.trackingNumber));
    await b.post(`${reportUrl(r.trackingNumber)}/screening`, { contactable: 'no' });
    assert.equal((await postDecision(b, r.trackingNumber, 'accept')).statusCode, 400);
    await b.post(`${reportUrl(r.trackingNumber)}/screening`, { contactable: 'yes' });
    assert.equal((await postDecision(b, r.trackingNumber, 'accept')).statusCode, 303);
  });
});
