// Two answers of the same developer at once (a double click, the browser and the API together) queue on the party
// row, and the second sees what the first wrote: one acknowledgement, one event, one mail per coordinator.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { UserActor } from '../../platform/auth/actor.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { COORDINATION_EVENTS } from '../coordination/events.js';
import { acknowledgeNotification } from './acknowledge-notification.js';
import { addParty, type Developer, makeCoordinator, makeDeveloper, makeProductCase } from './testing.js';

describe('portal answers at the same moment', () => {
  let t: TestApp;
  let dev: Developer;
  let actor: UserActor;
  let k: { caseId: string; reference: string };

  before(async () => {
    t = await startTestApp({ now: '2026-11-05T00:00:00Z' });
    await makeCoordinator(t);
    dev = await makeDeveloper(t, 'Concurrent Soft');
    actor = {
      kind: 'user',
      userId: dev.userId,
      email: dev.email,
      displayName: dev.name,
      role: 'member',
      organizationId: dev.organizationId,
      organizationType: 'product_developer',
      locale: 'en',
      timeZone: 'Asia/Tokyo',
      via: 'session',
    };
    k = await makeProductCase(t);
    await addParty(t, k.caseId, dev.organizationId);
  });
  after(() => t.close());

  it('records one acknowledgement when several arrive together', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => acknowledgeNotification(t.ctx, actor, { reference: k.reference })),
    );
    assert.equal(results.filter((r) => r.first).length, 1, 'exactly one acknowledgement is the first');
    const events = await t.ctx.db
      .selectFrom('events')
      .select('id')
      .where('stream_type', '=', 'case')
      .where('stream_id', '=', k.caseId)
      .where('type', '=', COORDINATION_EVENTS.partyAcknowledged)
      .execute();
    assert.equal(events.length, 1);
    const mails = await t.ctx.db
      .selectFrom('mail_messages')
      .select('id')
      .where('template', '=', 'portal.mail.acknowledged')
      .execute();
    assert.equal(mails.length, 1);
  });
});
