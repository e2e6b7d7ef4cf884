// The report brief per audience: the redaction rule decides whether the finder is named at all, and a developer
// or operator gets a way to reach the finder only with the finder's consent and the coordinator's agreement.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { FINDER, softwareReport, submit } from '../../testing/reports.js';

import { reportBrief } from './report-brief.js';

describe('the report brief', () => {
  let t: TestApp;
  let silent: string;
  let open: string;

  before(async () => {
    t = await startTestApp();
    silent = (await submit(t, softwareReport())).reportId;
    open = (
      await submit(
        t,
        softwareReport({
          consent: {
            identityToCoordinator: true,
            identityToVendor: true,
            directContact: true,
            publicCredit: false,
          },
        }),
      )
    ).reportId;
  });
  after(() => t.close());

  it('names the finder to the reception body always, to others only with consent', async () => {
    for (const audience of ['reception', 'finder'] as const) {
      const b = await reportBrief(t.ctx.db, t.ctx, audience, silent);
      assert.equal(b?.finder.disclosed && b.finder.email, FINDER.email, audience);
    }
    for (const audience of ['coordinator', 'vendor', 'operator', 'public'] as const) {
      const b = await reportBrief(t.ctx.db, t.ctx, audience, silent);
      assert.deepEqual(b?.finder, { disclosed: false, contactable: true }, audience);
      assert.ok(!JSON.stringify(b).includes(FINDER.name), audience);
      assert.ok(
        !JSON.stringify(b).includes(FINDER.creditName),
        `${audience}: the credit name can name the finder`,
      );
      assert.match(JSON.stringify(b?.details), /Example CMS/, `${audience} still gets the vulnerability`);
    }
    const coordinator = await reportBrief(t.ctx.db, t.ctx, 'coordinator', open);
    assert.equal(coordinator?.finder.disclosed && coordinator.finder.phone, FINDER.phone);
    assert.deepEqual((await reportBrief(t.ctx.db, t.ctx, 'public', open))?.finder.disclosed, false);
  });

  it("gives a developer the finder's address only once the coordinator agreed to direct contact", async () => {
    const named = await reportBrief(t.ctx.db, t.ctx, 'vendor', open);
    assert.ok(named?.finder.disclosed);
    assert.equal(named.finder.name, FINDER.name);
    assert.equal(named.finder.email, null);
    assert.equal(named.finder.phone, null);
    const agreed = await reportBrief(t.ctx.db, t.ctx, 'vendor', open, { directContactAgreed: true });
    assert.equal(agreed?.finder.disclosed && agreed.finder.email, FINDER.email);
  });
});
