// The projection's cursor and locks on real PostgreSQL: a gap in the event ids (a transaction still committing)
// is never skipped because a later event carries an old application-clock `at`; it is skipped only after it
// has been seen for five minutes of the database's clock (a rolled-back insert). A public report never waits
// for another writer of the facts.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createDatabase, type Database } from '../../platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { computeReport } from './compute-report.js';
import { checkStatisticsRollup, projectStatisticsFacts, projectStatisticsFactsIfFree } from './facts.js';

describe('the statistics projection cursor', () => {
  let database: TestDatabase;
  let db: Database;

  const event = (trx: Database, at = new Date('2012-07-01T00:00:00Z')) =>
    trx
      .insertInto('events')
      .values({ stream_type: 'test', stream_id: randomUUID(), type: 'test.happened', data: '{}', at })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.id));
  const cursor = async () =>
    Number(
      (await db.selectFrom('statistics_projection_cursor').select('last_event_id').executeTakeFirstOrThrow())
        .last_event_id,
    );

  before(async () => {
    database = await createTestDatabase();
    db = createDatabase(database.url, { max: 4 }).db;
  });
  after(async () => {
    await db.destroy();
    await database.drop();
  });

  it('does not skip an event still committing, even when a later event is stamped long ago', async () => {
    const a = await event(db);
    await projectStatisticsFacts(db);
    assert.equal(await cursor(), a);

    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let b = 0;
    let inserted!: () => void;
    const insertedP = new Promise<void>((r) => {
      inserted = r;
    });
    const slow = db.transaction().execute(async (trx) => {
      b = await event(trx); // app clock years ago, like the next one
      inserted();
      await held;
    });
    await insertedP;
    const c = await event(db);
    assert.equal(c, b + 1);
    await projectStatisticsFacts(db);
    assert.equal(await cursor(), a, 'the gap at b is young by the database clock');
    release();
    await slow;
    await projectStatisticsFacts(db);
    assert.equal(await cursor(), c);
  });

  it('skips a rolled-back id once the gap has been seen for five minutes by the database clock', async () => {
    const before = await cursor();
    await db
      .transaction()
      .execute(async (trx) => {
        await event(trx);
        throw new Error('rolled back');
      })
      .catch(() => {});
    const e = await event(db);
    await projectStatisticsFacts(db);
    assert.equal(await cursor(), before);
    const { gaps } = await db
      .selectFrom('statistics_projection_cursor')
      .select('gaps')
      .executeTakeFirstOrThrow();
    assert.deepEqual(Object.keys(gaps), [String(before + 1)]);
    await sql`update statistics_projection_cursor
      set gaps = jsonb_build_object(${String(before + 1)}::text, (now() - interval '6 minutes')::text)`.execute(
      db,
    );
    await projectStatisticsFacts(db);
    assert.equal(await cursor(), e);
    const after = await db
      .selectFrom('statistics_projection_cursor')
      .select('gaps')
      .executeTakeFirstOrThrow();
    assert.deepEqual(after.gaps, {});
  });

  it('computes a public report without waiting while another writer holds the facts', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const lockedP = new Promise<void>((r) => {
      locked = r;
    });
    const holder = db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(7017001)`.execute(trx);
      locked();
      await held;
    });
    await lockedP;
    try {
      await event(db);
      assert.equal(await projectStatisticsFactsIfFree(db), null);
      const started = Date.now();
      const r = await computeReport({ db }, '2012-09-30');
      assert.equal(r.asOf, '2012-09-30');
      assert.ok(Date.now() - started < 5_000, 'did not wait for the lock');
    } finally {
      release();
      await holder;
    }
    assert.notEqual(await projectStatisticsFactsIfFree(db), null);
  });

  it('finds no drift between the rollups and the facts, and finds it when a rollup row is changed', async () => {
    await db
      .insertInto('statistics_facts')
      .values({
        key: 'import:d1',
        source: 'import',
        track: 'software',
        origin: 'domestic',
        received_on: '2012-07-02',
      })
      .execute();
    assert.deepEqual(
      (await checkStatisticsRollup(db)).map((d) => d.rows),
      [0, 0],
    );
    await sql`update statistics_rollup set n = n + 1 where measure = 'rq'`.execute(db);
    assert.deepEqual(
      (await checkStatisticsRollup(db)).map((d) => d.rows),
      [1, 0],
    );
  });
});
