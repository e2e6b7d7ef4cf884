// Accepting a developer's counter-proposal: only an answer to the proposal still open, from a developer still a
// party, and only once; and whatever is accepted, one proposal is accepted at a time (the one before is superseded).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { signedIn } from '../../testing/login.js';
import { respondToSchedule } from '../portal/respond-to-schedule.js';
import { addParties } from './add-parties.js';
import { decideSchedule } from './decide-schedule.js';
import { notifyParty } from './notify-party.js';
import { proposeSchedule } from './propose-schedule.js';
import { partiesOf } from './queries.js';
import { removeParty } from './remove-party.js';
import {
  type Bodies,
  bodies,
  type Developer,
  developer,
  footprint,
  productCase,
  workspaceUrl,
} from './testing.js';

describe('deciding the schedule', () => {
  let t: TestApp;
  let b: Bodies;
  let devA: Developer;
  let devB: Developer;

  before(async () => {
    t = await startTestApp({ now: '2026-11-17T01:00:00Z' });
    b = await bodies(t);
    devA = await developer(t, 'Alpha Soft');
    devB = await developer(t, 'Beta Soft');
  });
  after(() => t.close());

  /** A case with both developers notified and a coordinator's proposal open. */
  async function proposedCase() {
    const k = await productCase(t, b);
    for (const d of [devA, devB]) {
      await addParties(t.ctx, b.coordinator.actor, {
        reference: k.reference,
        organizationId: d.organizationId,
      });
    }
    const parties = await partiesOf(t.ctx.db, k.caseId);
    for (const p of parties)
      await notifyParty(t.ctx, b.coordinator.actor, { reference: k.reference, partyId: p.id });
    const { proposalId } = await propose(k.reference, '2027-02-10T10:00');
    const partyOf = (d: Developer) => parties.find((p) => p.organizationId === d.organizationId)!.id;
    return { ...k, proposalId, partyA: partyOf(devA), partyB: partyOf(devB) };
  }

  // each step a minute after the last, so the history has an order
  const propose = (reference: string, publishAt: string) => {
    t.clock.advance(60_000);
    return proposeSchedule(t.ctx, b.coordinator.actor, {
      reference,
      publishAt,
      timeZone: 'Asia/Tokyo',
      reason: '',
    });
  };

  const counter = async (d: Developer, reference: string, iso: string) =>
    (
      await respondToSchedule(t.ctx, d.member.actor, {
        reference,
        response: 'counter_proposal',
        moment: { iso },
        reason: '修正版の配布に時間がかかるため',
      })
    ).responseId;

  const acceptCounter = (reference: string, responseId: string) => {
    t.clock.advance(60_000);
    return decideSchedule(t.ctx, b.coordinator.actor, {
      reference,
      decision: { kind: 'accept_counter', responseId },
    });
  };

  const refusedWith = (key: string) => (e: unknown) =>
    (e as { fields?: Record<string, string[]> }).fields?.responseId?.[0] === `coordination.errors.${key}`;

  const proposals = (caseId: string) =>
    t.ctx.db
      .selectFrom('coordination_schedule_proposals')
      .select(['id', 'state', 'publish_at', 'proposed_by'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  it('accepts a counter-proposal to the open proposal, superseding it', async () => {
    const k = await proposedCase();
    const responseId = await counter(devA, k.reference, '2027-03-01T01:00:00Z');
    const r = await acceptCounter(k.reference, responseId);
    assert.equal(r.agreedPublicationAt?.toISOString(), '2027-03-01T01:00:00.000Z');
    assert.deepEqual(
      (await proposals(k.caseId)).map((p) => [p.state, p.proposed_by]),
      [
        ['superseded', 'coordinator'],
        ['accepted', 'developer'],
      ],
    );
  });

  it('does not accept the same counter-proposal twice, and changes nothing the second time', async () => {
    const k = await proposedCase();
    const responseId = await counter(devA, k.reference, '2027-03-01T01:00:00Z');
    await acceptCounter(k.reference, responseId);
    const before = await footprint(t);
    await assert.rejects(acceptCounter(k.reference, responseId), refusedWith('counterAccepted'));
    assert.deepEqual(await footprint(t), before);
  });

  it('refuses a counter-proposal to a proposal since replaced by a newer one', async () => {
    const k = await proposedCase();
    const stale = await counter(devA, k.reference, '2027-03-01T01:00:00Z');
    await propose(k.reference, '2027-02-20T10:00'); // supersedes the first proposal
    const before = await footprint(t);
    await assert.rejects(acceptCounter(k.reference, stale), refusedWith('counterNotCurrent'));
    assert.deepEqual(await footprint(t), before);
    // an answer to the open one is still accepted
    const fresh = await counter(devB, k.reference, '2027-03-05T01:00:00Z');
    await acceptCounter(k.reference, fresh);
  });

  it('refuses a counter-proposal to a proposal already decided (another developer’s counter was accepted)', async () => {
    const k = await proposedCase();
    const fromA = await counter(devA, k.reference, '2027-03-01T01:00:00Z');
    const fromB = await counter(devB, k.reference, '2027-03-08T01:00:00Z');
    await acceptCounter(k.reference, fromA);
    await assert.rejects(acceptCounter(k.reference, fromB), refusedWith('counterNotCurrent'));
    assert.equal((await proposals(k.caseId)).filter((p) => p.state === 'accepted').length, 1);
  });

  it('refuses a counter-proposal from a developer removed from the case since', async () => {
    const k = await proposedCase();
    const responseId = await counter(devB, k.reference, '2027-03-01T01:00:00Z');
    await removeParty(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      partyId: k.partyB,
      reason: '対象外',
    });
    const before = await footprint(t);
    await assert.rejects(acceptCounter(k.reference, responseId), refusedWith('counterPartyRemoved'));
    assert.deepEqual(await footprint(t), before);
    // and the workspace offers no button for it
    const page = await (await signedIn(t, b.coordinator.userId)).get(workspaceUrl(k.reference));
    assert.equal(page.status, 200);
    assert.ok(!page.body.includes(`value="${responseId}"`));
  });

  it('keeps one accepted proposal: accepting a new proposal supersedes the one agreed before', async () => {
    const k = await proposedCase();
    await decideSchedule(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      decision: { kind: 'accept', proposalId: k.proposalId },
    });
    const { proposalId: second } = await propose(k.reference, '2027-02-24T10:00');
    await decideSchedule(t.ctx, b.coordinator.actor, {
      reference: k.reference,
      decision: { kind: 'accept', proposalId: second },
    });
    assert.deepEqual(
      (await proposals(k.caseId)).map((p) => [p.id, p.state]),
      [
        [k.proposalId, 'superseded'],
        [second, 'accepted'],
      ],
    );
    // and a counter-proposal accepted later replaces it in turn
    await propose(k.reference, '2027-02-26T10:00');
    const responseId = await counter(devA, k.reference, '2027-03-02T01:00:00Z');
    await acceptCounter(k.reference, responseId);
    const after = await proposals(k.caseId);
    assert.deepEqual(
      after.filter((p) => p.state === 'accepted').map((p) => p.publish_at.toISOString()),
      ['2027-03-02T01:00:00.000Z'],
    );
    const cc = await t.ctx.db
      .selectFrom('coordination_cases')
      .select('agreed_publication_at')
      .where('case_id', '=', k.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(cc.agreed_publication_at?.toISOString(), '2027-03-02T01:00:00.000Z');
  });
});
