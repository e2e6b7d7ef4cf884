// The reminder sweep: the nth reminder on the n×N-th Japanese business day after the notice at 09:00 JST (a public
// holiday skipped, a notice just after midnight JST counted from that JST day), each logged as an automatic
// contact attempt; after K unanswered reminders the party is flagged unreachable and the coordinators told;
// target approaching / passed once; running it twice sends nothing twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { textOf } from '../../testing/browser.js';
import { signedIn } from '../../testing/login.js';
import { addParties } from './add-parties.js';
import { coordinationSweepJob } from './jobs/coordination-sweep-job.js';
import { notifyParty } from './notify-party.js';
import { partiesOf } from './queries.js';
import { runCoordinationSweep } from './run-coordination-sweep.js';
import { type Bodies, bodies, type Developer, developer, productCase } from './testing.js';

describe('coordination sweep', () => {
  let t: TestApp;
  let b: Bodies;
  let dev: Developer;

  before(async () => {
    t = await startTestApp({ now: '2026-11-17T01:00:00Z' });
    b = await bodies(t);
    dev = await developer(t, 'Silent Corp');
  });
  after(() => t.close());

  async function notifiedCase(at: string) {
    t.clock.set(at);
    const k = await productCase(t, b);
    await addParties(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      organizationId: dev.organizationId,
    });
    const [party] = await partiesOf(t.ctx.db, k.caseId);
    await notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: party!.id });
    return { ...k, partyId: party!.id };
  }

  const reminders = (partyId: string) =>
    t.ctx.db
      .selectFrom('coordination_reminders')
      .selectAll()
      .where('party_id', '=', partyId)
      .orderBy('nth')
      .execute();

  async function sweepAt(at: string) {
    t.clock.set(at);
    return runCoordinationSweep(t.ctx);
  }

  it('reminds on the 5th business day at 09:00 JST, skipping the 23 November holiday, once even when run twice', async () => {
    // notified Tue 17 Nov 10:00 JST: 18, 19, 20, (23 勤労感謝の日), 24, 25 → due Wed 25 Nov 09:00 JST
    const k = await notifiedCase('2026-11-17T01:00:00Z');
    await sweepAt('2026-11-24T23:59:59Z'); // 08:59:59 JST on the 25th
    assert.equal((await reminders(k.partyId)).length, 0);
    await sweepAt('2026-11-25T00:00:00Z');
    await runCoordinationSweep(t.ctx);
    await Promise.all([runCoordinationSweep(t.ctx), runCoordinationSweep(t.ctx)]);
    const sent = await reminders(k.partyId);
    assert.deepEqual(
      sent.map((r) => [r.kind, r.nth]),
      [['ack_reminder', 1]],
    );
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select(['template', 'body_text'])
      .where('to_address', '=', dev.email)
      .where('related_id', '=', k.caseId)
      .execute();
    assert.deepEqual(mails.map((m) => m.template).sort(), [
      'coordination.mail.ackReminder',
      'coordination.mail.notified',
    ]);
    const attempts = await t.ctx.db
      .selectFrom('coordination_contact_attempts')
      .selectAll()
      .where('party_id', '=', k.partyId)
      .orderBy('at')
      .execute();
    assert.deepEqual(
      attempts.map((a) => [a.channel, a.automatic]),
      [
        ['mail', false],
        ['mail', true],
      ],
    );
  });

  it('counts from the JST day of a notice sent just after midnight JST (still the day before in UTC)', async () => {
    // 2026-11-17T15:30Z is 00:30 JST on Wed 18 Nov: 19, 20, 24, 25, 26 → due Thu 26 Nov 09:00 JST
    const k = await notifiedCase('2026-11-17T15:30:00Z');
    await sweepAt('2026-11-25T23:59:00Z');
    assert.equal((await reminders(k.partyId)).length, 0);
    await sweepAt('2026-11-26T00:00:00Z');
    assert.equal((await reminders(k.partyId)).length, 1);
  });

  it('flags a party unreachable after 3 unanswered reminders, tells the coordinators, and stops reminding', async () => {
    const k = await notifiedCase('2026-12-01T01:00:00Z');
    // 5, 10, 15 business days later come the reminders; at 20 the party is unreachable
    for (const at of ['2026-12-08T00:00:00Z', '2026-12-15T00:00:00Z', '2026-12-22T00:00:00Z']) {
      await sweepAt(at);
      await runCoordinationSweep(t.ctx);
    }
    assert.deepEqual(
      (await reminders(k.partyId)).map((r) => r.nth),
      [1, 2, 3],
    );
    let party = await t.ctx.db
      .selectFrom('coordination_parties')
      .selectAll()
      .where('id', '=', k.partyId)
      .executeTakeFirstOrThrow();
    assert.equal(party.unreachable_at, null);
    // 20 business days after 1 Dec (23, 24, 25, 28 Dec, then 29 Dec – 3 Jan closed): Mon 4 January 2027
    await sweepAt('2027-01-03T23:59:00Z');
    party = await t.ctx.db
      .selectFrom('coordination_parties')
      .selectAll()
      .where('id', '=', k.partyId)
      .executeTakeFirstOrThrow();
    assert.equal(party.unreachable_at, null);
    await sweepAt('2027-01-04T00:00:00Z');
    await runCoordinationSweep(t.ctx);
    party = await t.ctx.db
      .selectFrom('coordination_parties')
      .selectAll()
      .where('id', '=', k.partyId)
      .executeTakeFirstOrThrow();
    assert.ok(party.unreachable_at);
    const events = await t.ctx.db
      .selectFrom('events')
      .select('type')
      .where('stream_id', '=', k.caseId)
      .where('type', '=', 'coordination.party-unreachable')
      .execute();
    assert.equal(events.length, 1);
    const told = await t.ctx.db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('template', '=', 'coordination.mail.unreachableCoordinator')
      .where('related_id', '=', k.caseId)
      .execute();
    assert.deepEqual(
      told.map((m) => m.to_address),
      [b.coordinator.email],
    );
    await sweepAt('2027-03-01T00:00:00Z');
    assert.equal((await reminders(k.partyId)).filter((r) => r.kind === 'ack_reminder').length, 3);
  });

  it('sends "target approaching" and "target passed" once each, to the coordinators and the notified parties', async () => {
    const k = await notifiedCase('2027-02-01T01:00:00Z'); // start 2027-02-01, target 2027-03-18
    await t.ctx.db
      .updateTable('coordination_parties')
      .set({ acknowledged_at: t.clock.now() })
      .where('id', '=', k.partyId)
      .execute();
    await sweepAt('2027-03-10T14:59:00Z'); // 23:59 JST on the 10th: 8 days left
    const notices = () =>
      t.ctx.db
        .selectFrom('mail_messages')
        .select(['template', 'to_address'])
        .where('related_id', '=', k.caseId)
        .where('template', 'like', 'coordination.mail.target%')
        .orderBy('template')
        .orderBy('to_address')
        .execute();
    assert.equal((await notices()).length, 0);
    await sweepAt('2027-03-10T15:00:00Z'); // 00:00 JST on the 11th: 7 days left
    await runCoordinationSweep(t.ctx);
    assert.deepEqual(
      (await notices()).map((m) => m.template),
      ['coordination.mail.targetApproaching', 'coordination.mail.targetApproachingCoordinator'],
    );
    await sweepAt('2027-03-18T14:59:00Z'); // the target day itself is not passed
    assert.equal((await notices()).length, 2);
    await sweepAt('2027-03-18T15:00:00Z');
    await runCoordinationSweep(t.ctx);
    assert.deepEqual(
      (await notices()).map((m) => m.template),
      [
        'coordination.mail.targetApproaching',
        'coordination.mail.targetApproachingCoordinator',
        'coordination.mail.targetPassed',
        'coordination.mail.targetPassedCoordinator',
      ],
    );
    const logged = await t.ctx.db
      .selectFrom('coordination_contact_attempts')
      .select(['note', 'automatic'])
      .where('party_id', '=', k.partyId)
      .where('note', 'like', 'target%')
      .orderBy('at')
      .execute();
    assert.deepEqual(
      logged.map((a) => [a.note, a.automatic]),
      [
        ['targetApproaching', true],
        ['targetPassed', true],
      ],
    );
  });

  it('is a job pg-boss runs every 10 minutes outside tests, which runs the sweep', async () => {
    const live = coordinationSweepJob({ ...t.ctx, config: { ...t.ctx.config, env: 'production' } });
    assert.equal(live.name, 'coordination.sweep');
    assert.equal(live.cron, '*/10 * * * *');
    assert.equal(coordinationSweepJob(t.ctx).cron, undefined);
    await live.run({}, { attempt: 1, finalAttempt: false });
  });

  it('lists the cases under coordination for the coordination body, passed targets first', async () => {
    // the cases above are past their targets by now; a case notified today is far from it
    t.clock.set('2027-03-01T00:00:00Z');
    const fresh = await notifiedCase('2027-03-01T00:00:00Z');
    const coordinator = await signedIn(t, b.coordinator.userId);
    const page = await coordinator.get('/coordination');
    assert.equal(page.status, 200);
    const refs = [...page.body.matchAll(/<th scope="row"><a href="\/coordination\/cases\/([^"]+)">/g)].map(
      (m) => decodeURIComponent(m[1]!),
    );
    assert.ok(refs.length >= 2);
    assert.equal(refs.at(-1), fresh.reference, 'the case whose target is far off comes last');
    assert.match(textOf(page.body), /（経過）/);
    assert.match(page.body, /href="\/coordination\/csirt-cases\/new"/);
    const reception = await signedIn(t, b.reception.userId);
    assert.equal((await reception.get('/coordination')).status, 403);
  });
});
