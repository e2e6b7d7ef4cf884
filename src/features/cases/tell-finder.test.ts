// Telling the finder of a case, from another feature's transaction: the address is read with the reception body's
// eyes only, the mail is written in the finder's language, carries the tracking number and is readable in the
// outbox by the reception body only; a case without a report (an overseas CSIRT's) gets nothing, and a
// rolled-back transaction sends nothing. (A finder without an address is never handed over: acceptance refuses.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrganization, startTestApp, type TestApp } from '../../testing/app.js';
import { FINDER } from '../../testing/reports.js';
import { type Bodies, bodies, productCase } from '../coordination/testing.js';
import { openCaseForCsirt } from './open-case-for-csirt.js';
import { tellFinderOfCase } from './tell-finder.js';

const TEMPLATE = 'coordination.mail.endedFinder.not_vulnerability';

describe('tellFinderOfCase', () => {
  let t: TestApp;
  let b: Bodies;

  before(async () => {
    t = await startTestApp({ now: '2026-11-17T01:00:00Z' });
    b = await bodies(t);
  });
  after(() => t.close());

  const mailsOf = (caseId: string) =>
    t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('template', '=', TEMPLATE)
      .where('related_id', '=', caseId)
      .execute();

  it('queues the mail to the finder, in the language of the report, restricted to the reception body', async () => {
    const k = await productCase(t, b, { locale: 'en' });
    const seen: string[] = [];
    const told = await t.ctx.db.transaction().execute((trx) =>
      tellFinderOfCase(trx, t.ctx, {
        caseId: k.caseId,
        template: TEMPLATE,
        vars: (locale) => {
          seen.push(locale);
          return { extra: 'x' };
        },
      }),
    );
    assert.equal(told, true);
    assert.deepEqual(seen, ['en']);
    const [m, ...more] = await mailsOf(k.caseId);
    assert.equal(more.length, 0);
    assert.equal(m!.to_address, FINDER.email);
    assert.equal(m!.locale, 'en');
    assert.equal(m!.restricted_to, 'reception_body');
    assert.deepEqual([m!.related_type, m!.related_id], ['case', k.caseId]);
    assert.equal(m!.subject, `[${k.reference}] News about your report`);
  });

  it('can file the mail under the report instead of the case', async () => {
    const k = await productCase(t, b);
    await t.ctx.db
      .transaction()
      .execute((trx) =>
        tellFinderOfCase(trx, t.ctx, { caseId: k.caseId, template: TEMPLATE, relatedTo: 'report' }),
      );
    const rows = await t.ctx.db
      .selectFrom('mail_messages')
      .selectAll()
      .where('related_type', '=', 'report')
      .where('related_id', '=', k.reportId)
      .where('template', '=', TEMPLATE)
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.locale, 'ja');
    assert.equal(rows[0]!.restricted_to, 'reception_body');
  });

  it('tells no one when the case has no report (an overseas CSIRT’s)', async () => {
    const cert = await makeOrganization(t.ctx, 'csirt', 'CERT');
    const csirt = await t.ctx.db
      .transaction()
      .execute((trx) =>
        openCaseForCsirt(trx, t.ctx, { csirtOrganizationId: cert, at: t.clock.now(), actorUserId: null }),
      );
    for (const caseId of [csirt.caseId]) {
      const told = await t.ctx.db
        .transaction()
        .execute((trx) => tellFinderOfCase(trx, t.ctx, { caseId, template: TEMPLATE }));
      assert.equal(told, false);
      assert.equal((await mailsOf(caseId)).length, 0);
    }
  });

  it('sends nothing when the caller’s transaction rolls back', async () => {
    const k = await productCase(t, b);
    await assert.rejects(
      t.ctx.db.transaction().execute(async (trx) => {
        await tellFinderOfCase(trx, t.ctx, { caseId: k.caseId, template: TEMPLATE });
        throw new Error('the caller failed');
      }),
      /the caller failed/,
    );
    assert.equal((await mailsOf(k.caseId)).length, 0);
  });
});
