import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type pg from 'pg';
import { createTestDatabase, superuserClient, type TestDatabase } from '../testing/database.js';
import { createDatabase, type Database } from './db/database.js';
import { appendEvent, streamEvents } from './events.js';

describe('case events', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: pg.Pool;
  before(async () => {
    database = await createTestDatabase();
    ({ db, pool } = createDatabase(database.url, { max: 2 }));
  });
  after(async () => {
    await db.destroy();
    await pool.end().catch(() => {});
    await database.drop();
  });

  it('appends events and reads a stream back in the order they were written', async () => {
    const stream = randomUUID();
    const other = randomUUID();
    const types = ['report.submitted', 'report.accepted', 'report.assigned', 'report.closed'];
    await db.transaction().execute(async (trx) => {
      for (const [i, type] of types.entries()) {
        await appendEvent(trx, {
          streamType: 'report',
          streamId: stream,
          type,
          actorUserId: null,
          data: { i },
        });
        await appendEvent(trx, {
          streamType: 'report',
          streamId: other,
          type: 'report.noise',
          actorUserId: null,
        });
      }
    });
    const events = await streamEvents(db, 'report', stream);
    assert.deepEqual(
      events.map((e) => e.type),
      types,
    );
    assert.deepEqual(
      events.map((e) => e.data),
      types.map((_, i) => ({ i })),
    );
    assert.ok(events.every((e) => e.stream_id === stream && e.stream_type === 'report'));
    // the id orders the stream even where every event has the same transaction timestamp
    const ids = events.map((e) => BigInt(e.id));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => (a < b ? -1 : 1)),
    );
  });

  it('keeps streams of different types apart, even with the same id', async () => {
    const id = randomUUID();
    await appendEvent(db, {
      streamType: 'report',
      streamId: id,
      type: 'report.submitted',
      actorUserId: null,
    });
    await appendEvent(db, { streamType: 'case', streamId: id, type: 'case.opened', actorUserId: null });
    assert.deepEqual(
      (await streamEvents(db, 'case', id)).map((e) => e.type),
      ['case.opened'],
    );
  });

  it('records the time given, or the database time, and an empty object when there is no data', async () => {
    const stream = randomUUID();
    const at = new Date('2026-04-01T00:00:00.000Z');
    await appendEvent(db, {
      streamType: 'report',
      streamId: stream,
      type: 'report.dated',
      actorUserId: null,
      at,
    });
    await appendEvent(db, { streamType: 'report', streamId: stream, type: 'report.now', actorUserId: null });
    const [dated, now] = await streamEvents(db, 'report', stream);
    assert.equal(dated!.at.toISOString(), at.toISOString());
    assert.deepEqual(dated!.data, {});
    assert.ok(Math.abs(now!.at.getTime() - Date.now()) < 60_000);
  });

  it('writes nothing when the transaction that appended it rolls back', async () => {
    const stream = randomUUID();
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await appendEvent(trx, {
          streamType: 'report',
          streamId: stream,
          type: 'report.accepted',
          actorUserId: null,
        });
        throw new Error('the state change failed');
      }),
      /the state change failed/,
    );
    assert.deepEqual(await streamEvents(db, 'report', stream), []);
  });

  it('refuses to update or delete an event, even for the table’s owner', async () => {
    const stream = randomUUID();
    const id = await appendEvent(db, {
      streamType: 'report',
      streamId: stream,
      type: 'report.accepted',
      actorUserId: null,
      data: { by: 'handler' },
    });
    await assert.rejects(
      db.updateTable('events').set({ type: 'report.rejected' }).where('id', '=', id).execute(),
      /append-only \(UPDATE refused\)/,
    );
    await assert.rejects(
      db.deleteFrom('events').where('id', '=', id).execute(),
      /append-only \(DELETE refused\)/,
    );
    await assert.rejects(sql`update events set data = '{}'::jsonb`.execute(db), /append-only/);
    const [kept] = await streamEvents(db, 'report', stream);
    assert.equal(kept!.type, 'report.accepted');
    assert.deepEqual(kept!.data, { by: 'handler' });
  });

  it('refuses to truncate the events table', async () => {
    const admin = await superuserClient(database.name);
    try {
      await admin.query('begin');
      await assert.rejects(admin.query('truncate events'), /append-only/);
    } finally {
      await admin.query('rollback').catch(() => {});
      await admin.end();
    }
  });
});
