// The subscribers' publication mail as a fan-out job after the publish transaction, on real PostgreSQL: each
// confirmed subscriber mailed once per advisory revision — after a crash in the middle of a batch and a retry,
// and with two runs at once on separate connections; nobody who confirmed after the publication or unsubscribed
// before the job ran; a malformed or unknown job sends nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDatabase } from '../../platform/db/database.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { startTestApp, type TestApp } from '../../testing/app.js';
import { buildWorld, type World } from '../../testing/world.js';
import { notifySubscribersJob } from './jobs/notify-subscribers-job.js';
import { notifySubscribersOfPublication } from './notify-subscribers.js';
import { publishDueAdvisories } from './publish-due-advisories.js';
import { subscriptionToken, subscriptionTokenHash } from './subscription-token.js';
import { anotherCase, queuedFanOuts, scheduledAdvisory } from './testing.js';

async function subscriber(t: TestApp, email: string, confirmedAt: Date | null) {
  const id = crypto.randomUUID();
  await t.ctx.db
    .insertInto('advisory_subscriptions')
    .values({
      id,
      email,
      locale: 'ja',
      token_hash: subscriptionTokenHash(subscriptionToken(t.ctx.secrets, id)),
      created_at: t.clock.now(),
      confirmed_at: confirmedAt,
    })
    .execute();
  return id;
}

/** Subscriber mail of one advisory, per address. */
async function mailed(t: TestApp, publicId: string): Promise<Record<string, number>> {
  const rows = await t.ctx.db
    .selectFrom('mail_messages')
    .select('to_address')
    .where('template', '=', 'publication.mail.published.subscriber')
    .where('body_text', 'like', `%${publicId}%`)
    .execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.to_address] = (out[r.to_address] ?? 0) + 1;
  return out;
}

describe('mailing the subscribers of a publication', () => {
  let t: TestApp;
  let w: World;
  let n = 0;
  const readers = Array.from({ length: 7 }, (_, i) => `reader${i + 1}@subscriber.example`);

  /** A new advisory published now (its fan-out job queued, not run). */
  async function publish(): Promise<{ advisoryId: string; publicId: string }> {
    const c = await anotherCase(t, w);
    n++;
    const publicId = `JVN#3000000${n}`;
    const at = new Date(Date.parse('2027-04-01T00:00:00Z') + n * 86_400_000);
    const a = await scheduledAdvisory(t, c.caseId, { publicId, scheduledFor: at });
    t.clock.set(at);
    assert.equal((await publishDueAdvisories(t.ctx)).published.length, 1);
    t.clock.advance(60_000); // the job runs a minute later
    return { advisoryId: a.id, publicId };
  }

  before(async () => {
    t = await startTestApp({ now: '2026-12-01T00:00:00Z' });
    w = await buildWorld(t);
    for (const r of readers) await subscriber(t, r, t.clock.now());
    await subscriber(t, 'unconfirmed@subscriber.example', null);
  });
  after(() => t.close());

  it('queues one job in the publish transaction and writes no subscriber mail there', async () => {
    const p = await publish();
    assert.deepEqual(await mailed(t, p.publicId), {});
    const jobs = (await queuedFanOuts(t)).filter((j) => j.data.advisoryId === p.advisoryId);
    assert.deepEqual(
      jobs.map((j) => j.data),
      [{ advisoryId: p.advisoryId, revision: 1 }],
    );
    const r = await notifySubscribersJob(t.ctx).run(jobs[0]!.data, { attempt: 1, finalAttempt: false });
    assert.equal(r, undefined);
    assert.deepEqual(await mailed(t, p.publicId), Object.fromEntries(readers.map((x) => [x, 1])));
  });

  it('sends nobody twice when a retry follows a crash in the middle of a batch', async () => {
    const p = await publish();
    let calls = 0;
    const crashing: typeof enqueueMail = async (...args) => {
      if (++calls === 5) throw new Error('the worker died mid-batch');
      return enqueueMail(...args);
    };
    await assert.rejects(
      notifySubscribersOfPublication(
        t.ctx,
        { advisoryId: p.advisoryId, revision: 1 },
        {
          batchSize: 3,
          sendMail: crashing,
        },
      ),
      /died mid-batch/,
    );
    // the first batch (3) committed; the second rolled back with its claims
    assert.equal(Object.keys(await mailed(t, p.publicId)).length, 3);
    const retry = await notifySubscribersOfPublication(
      t.ctx,
      { advisoryId: p.advisoryId, revision: 1 },
      { batchSize: 3 },
    );
    assert.equal(retry.mailed, 4);
    assert.deepEqual(await mailed(t, p.publicId), Object.fromEntries(readers.map((x) => [x, 1])));
    // a third run (the job delivered twice) finds everybody told
    assert.equal(
      (await notifySubscribersOfPublication(t.ctx, { advisoryId: p.advisoryId, revision: 1 })).mailed,
      0,
    );
    const claims = await t.ctx.db
      .selectFrom('advisory_subscriber_notices')
      .select('subscription_id')
      .where('advisory_id', '=', p.advisoryId)
      .execute();
    assert.equal(claims.length, readers.length);
  });

  it('sends each subscriber once when two runs on separate connections overlap', async () => {
    const p = await publish();
    const second = createDatabase(t.database.url, { max: 2 });
    try {
      // each mail takes a while, so the two runs' batches overlap
      const slow: typeof enqueueMail = async (...args) => {
        await new Promise((r) => setTimeout(r, 30));
        return enqueueMail(...args);
      };
      const input = { advisoryId: p.advisoryId, revision: 1 };
      const [a, b] = await Promise.all([
        notifySubscribersOfPublication(t.ctx, input, { batchSize: 2, sendMail: slow }),
        notifySubscribersOfPublication({ ...t.ctx, db: second.db }, input, { batchSize: 2, sendMail: slow }),
      ]);
      assert.equal(a.mailed + b.mailed, readers.length);
    } finally {
      await second.db.destroy();
    }
    assert.deepEqual(await mailed(t, p.publicId), Object.fromEntries(readers.map((x) => [x, 1])));
  });

  it('mails nobody who confirmed after the publication or unsubscribed before the job ran', async () => {
    const late = await subscriber(t, 'late@subscriber.example', null);
    const leaving = await subscriber(t, 'leaving@subscriber.example', t.clock.now());
    const p = await publish();
    // after the publication: one confirms, one unsubscribes
    await t.ctx.db
      .updateTable('advisory_subscriptions')
      .set({ confirmed_at: t.clock.now() })
      .where('id', '=', late)
      .execute();
    await t.ctx.db
      .updateTable('advisory_subscriptions')
      .set({ unsubscribed_at: t.clock.now() })
      .where('id', '=', leaving)
      .execute();
    await notifySubscribersOfPublication(t.ctx, { advisoryId: p.advisoryId, revision: 1 });
    const to = await mailed(t, p.publicId);
    assert.deepEqual(Object.keys(to).sort(), [...readers].sort());
    assert.equal(to['unconfirmed@subscriber.example'], undefined);

    // the late one hears of the next publication
    const next = await publish();
    await notifySubscribersOfPublication(t.ctx, { advisoryId: next.advisoryId, revision: 1 });
    assert.equal((await mailed(t, next.publicId))['late@subscriber.example'], 1);
    assert.equal((await mailed(t, next.publicId))['leaving@subscriber.example'], undefined);
  });

  it('sends nothing for a malformed payload or a revision that was never published', async () => {
    const before = await t.ctx.db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const job = notifySubscribersJob(t.ctx);
    await job.run({ advisoryId: 'not-a-uuid', revision: 1 }, { attempt: 1, finalAttempt: false });
    await job.run({}, { attempt: 1, finalAttempt: false });
    await job.run({ advisoryId: crypto.randomUUID(), revision: 1 }, { attempt: 1, finalAttempt: false });
    const after = await t.ctx.db
      .selectFrom('mail_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });
});
