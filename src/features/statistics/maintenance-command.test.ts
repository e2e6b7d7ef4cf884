// `keikai statistics-rebuild` / `keikai statistics-check` on real PostgreSQL: the check exits 0 when the rollups
// agree with the facts, 1 naming the table when they drift; the rebuild derives the live facts again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { createDatabase, type Database } from '../../platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { statisticsCommand } from './maintenance-command.js';

describe('keikai statistics-rebuild and statistics-check', () => {
  let database: TestDatabase;
  let db: Database;
  const run = async (command: 'statistics-rebuild' | 'statistics-check', locale: 'ja' | 'en' = 'en') => {
    const out: string[] = [];
    const code = await statisticsCommand(command, (fn) => fn({ db } as AppContext), {
      stdout: (s) => out.push(s),
      locale,
    });
    return { code, out: out.join('') };
  };

  before(async () => {
    database = await createTestDatabase();
    db = createDatabase(database.url, { max: 2 }).db;
    await db
      .insertInto('statistics_facts')
      .values({
        key: 'import:a',
        source: 'import',
        track: 'website',
        origin: 'domestic',
        received_on: '2012-07-02',
      })
      .execute();
  });
  after(async () => {
    await db.destroy();
    await database.drop();
  });

  it('says the rollups agree and exits 0, in English or Japanese', async () => {
    assert.deepEqual(await run('statistics-check'), {
      code: 0,
      out: 'statistics rollups agree with the facts\n',
    });
    assert.match((await run('statistics-check', 'ja')).out, /一致しています/);
  });

  it('names the drifting table and exits 1', async () => {
    await sql`update statistics_rollup_daily set n = n + 2 where measure = 'rq'`.execute(db);
    const r = await run('statistics-check');
    assert.equal(r.code, 1);
    assert.match(r.out, /statistics_rollup_daily: 1 rows differ/);
    await sql`update statistics_rollup_daily set n = n - 2 where measure = 'rq'`.execute(db);
  });

  it('rebuilds the live facts and leaves the imported ones', async () => {
    const r = await run('statistics-rebuild');
    assert.equal(r.code, 0);
    assert.match(r.out, /^statistics rebuilt: \d+ events read, 0 facts written/);
    const n = await db.selectFrom('statistics_facts').select('key').execute();
    assert.deepEqual(
      n.map((x) => x.key),
      ['import:a'],
    );
  });
});
