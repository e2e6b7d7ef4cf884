// The rollup stays equal to a recomputation from the facts through every kind of write (insert, upsert,
// update, delete, truncate), and can be rebuilt; the projection status and the span of the facts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createDatabase, type Database } from '../../platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { computeReport } from './compute-report.js';
import { factsSpan, projectionStatus, rebuildStatisticsRollup, rollupDrift } from './queries.js';

describe('the statistics rollup and status', () => {
  let database: TestDatabase;
  let db: Database;

  before(async () => {
    database = await createTestDatabase();
    db = createDatabase(database.url, { max: 4 }).db;
  });
  after(async () => {
    await db.destroy();
    await database.drop();
  });

  it('follows inserts, upserts, updates and deletes of the facts exactly', async () => {
    assert.equal(await factsSpan(db), null);
    await sql`
      insert into statistics_facts (key, source, track, origin, received_on, accepted_on, not_accepted_on,
        notified_on, published_on, outcome, outcome_on, fix_action, website_vulnerability_type, threat,
        track_before, reclassified_on, unreachable_listed_on, unreachable_resumed_on)
      select 'import:' || g, 'import', case when g % 2 = 0 then 'software' else 'website' end, 'domestic',
        date '2010-01-01' + g, case when g % 5 <> 0 then date '2010-01-03' + g end,
        case when g % 5 = 0 then date '2010-01-04' + g end,
        case when g % 2 = 1 then date '2010-01-05' + g end,
        case when g % 2 = 0 and g % 5 <> 0 and g % 3 = 0 then date '2010-02-01' + g end,
        case when g % 5 = 0 then null when g % 2 = 0 and g % 3 = 0 then 'published'
          when g % 2 = 1 and g % 3 = 0 then 'fixed' end,
        case when g % 5 = 0 then null when g % 3 = 0 then date '2010-02-01' + g end,
        case when g % 5 <> 0 and g % 2 = 1 and g % 3 = 0 then 'page_deleted' end,
        case when g % 2 = 1 then 'xss' end, null,
        case when g % 7 = 0 then (case when g % 2 = 0 then 'website' else 'software' end) end,
        case when g % 7 = 0 then date '2010-01-02' + g end,
        case when g % 11 = 0 then date '2010-03-01' + g end,
        case when g % 22 = 0 then date '2010-04-01' + g end
      from generate_series(1, 600) g`.execute(db);
    assert.deepEqual(await rollupDrift(db), []);
    const before = await computeReport({ db }, '2011-06-30', { project: false });

    // an upsert as the history import writes it: two changed, one new
    await sql`
      insert into statistics_facts (key, source, track, origin, received_on, outcome, outcome_on, fix_action,
        notified_on)
      values ('import:1', 'import', 'website', 'domestic', '2010-01-02', 'fixed', '2010-03-01', 'fixed', '2010-01-05'),
        ('import:3', 'import', 'website', 'domestic', '2010-01-04', null, null, null, '2010-01-05'),
        ('import:new', 'import', 'software', 'overseas_csirt', '2011-01-04', null, null, null, null)
      on conflict (key) do update set outcome = excluded.outcome, outcome_on = excluded.outcome_on,
        fix_action = excluded.fix_action, notified_on = excluded.notified_on`.execute(db);
    assert.deepEqual(await rollupDrift(db), []);
    await db
      .updateTable('statistics_facts')
      .set({ threat: 'data_tampering' })
      .where('key', 'like', 'import:1%')
      .execute();
    await db.deleteFrom('statistics_facts').where('key', 'like', 'import:2%').execute();
    assert.deepEqual(await rollupDrift(db), []);
    const after = await computeReport({ db }, '2011-06-30', { project: false });
    assert.notDeepEqual(after.totals, before.totals);
    assert.deepEqual(await factsSpan(db), { first: '2010-01-02', last: '2011-08-24' });

    // a rebuild gives the same rollup and the same report
    await rebuildStatisticsRollup(db);
    assert.deepEqual(await rollupDrift(db), []);
    assert.deepEqual(await computeReport({ db }, '2011-06-30', { project: false }), after);

    await sql`truncate statistics_facts cascade`.execute(db);
    assert.deepEqual(await rollupDrift(db), []);
    const empty = await computeReport({ db }, '2011-06-30', { project: false });
    assert.equal(empty.totals.total, 0);
  });

  it('tells how many events the projection has still to read', async () => {
    assert.deepEqual(await projectionStatus(db), { lastEventId: 0, pending: 0 });
  });
});
