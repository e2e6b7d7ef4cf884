import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type pg from 'pg';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { createDatabase, type Database } from '../db/database.js';
import { PgBossJobs } from './jobs.js';

const JOB = 'test.record-ping';

describe('background jobs', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: pg.Pool;
  let jobs: PgBossJobs;
  const ran: { data: { ping: string }; attempt: number }[] = [];
  const waiters: (() => void)[] = [];

  before(async () => {
    database = await createTestDatabase();
    ({ db, pool } = createDatabase(database.url, { max: 2 }));
    jobs = new PgBossJobs(database.url, pino({ level: 'silent' }));
    jobs.define<{ ping: string }>({
      name: JOB,
      async run(data, meta) {
        ran.push({ data, attempt: meta.attempt });
        for (const w of waiters.splice(0)) w();
      },
    });
    await jobs.work({ pollingIntervalSeconds: 0.5 });
  });
  after(async () => {
    await jobs.stop();
    await db.destroy();
    await pool.end().catch(() => {});
    await database.drop();
  });

  async function queued(ping: string): Promise<number> {
    const r = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job where name = ${JOB} and data->>'ping' = ${ping}`.execute(db);
    return r.rows[0]!.n;
  }

  async function waitForRun(ping: string, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ran.some((r) => r.data.ping === ping)) {
      if (Date.now() > deadline) assert.fail(`job ${ping} did not run within ${ms} ms`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  it('runs a job sent in a transaction that commits', async () => {
    const ping = randomUUID();
    await db.transaction().execute(async (trx) => {
      await jobs.send(trx, JOB, { ping });
      // not visible outside the transaction before it commits
      assert.equal(await queued(ping), 0);
    });
    await waitForRun(ping);
    assert.deepEqual(
      ran.filter((r) => r.data.ping === ping),
      [{ data: { ping }, attempt: 1 }],
    );
  });

  it('enqueues nothing when the transaction that sent the job rolls back', async () => {
    const ping = randomUUID();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await jobs.send(trx, JOB, { ping });
        assert.equal(
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from pgboss.job where data->>'ping' = ${ping}`.execute(trx)
          ).rows[0]!.n,
          1,
        );
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.equal(await queued(ping), 0);
    // a later committed job runs, and the rolled-back one never does
    const later = randomUUID();
    await db.transaction().execute((trx) => jobs.send(trx, JOB, { ping: later }));
    await waitForRun(later);
    assert.equal(
      ran.some((r) => r.data.ping === ping),
      false,
    );
  });

  it('refuses to send a job that was never defined', async () => {
    await assert.rejects(
      db.transaction().execute((trx) => jobs.send(trx, 'no.such-job', {})),
      /unknown job no\.such-job/,
    );
  });

  it('holds a job with startAfter until its time', async () => {
    const ping = randomUUID();
    await db
      .transaction()
      .execute((trx) => jobs.send(trx, JOB, { ping }, { startAfter: new Date(Date.now() + 3_600_000) }));
    assert.equal(await queued(ping), 1);
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(
      ran.some((r) => r.data.ping === ping),
      false,
    );
  });
});
