// `keikai import-advisories` as a person runs it: a real process, a real database, files in a folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { createDatabase, type Database } from '../../platform/db/database.js';
import { type CliRun, cliEnv, runCli, runCliAll } from '../../testing/cli.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { englishAdvisory, japaneseAdvisory } from './fixtures.js';

describe('keikai import-advisories', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: pg.Pool;
  let dir: string;
  let runs: Record<string, CliRun>;

  before(
    async () => {
      database = await createTestDatabase();
      ({ db, pool } = createDatabase(database.url, { max: 2 }));
      dir = mkdtempSync(join(tmpdir(), 'keikai-import-cli-'));
      const env = cliEnv(database.url, dir);
      const good = join(dir, 'good');
      mkdirSync(good);
      writeFileSync(join(good, 'ecj.json'), JSON.stringify(japaneseAdvisory()));
      writeFileSync(join(good, 'acme.json'), JSON.stringify(englishAdvisory()));
      const mixed = join(dir, 'mixed');
      mkdirSync(mixed);
      writeFileSync(join(mixed, 'broken.json'), '{"document":');
      const other = japaneseAdvisory({ trackingId: 'ECJ-2026-0500' });
      writeFileSync(join(mixed, 'other.json'), JSON.stringify(other));
      const plan: Record<string, string[]> = {
        noSource: ['import-advisories'],
        badBatch: ['import-advisories', good, '--batch', '0'],
        unknownOption: ['import-advisories', good, '--bacth', '5'],
        missing: ['import-advisories', join(dir, 'nowhere')],
        good: ['import-advisories', good, '--batch', '1'],
        mixed: ['import-advisories', mixed],
      };
      // three at a time (the two imports touch different advisories), then the good folder again
      runs = await runCliAll(
        Object.fromEntries(Object.entries(plan).map(([name, args]) => [name, [args, { env }]])),
      );
      runs.again = await runCli(['import-advisories', good], { env: { ...env, LANG: 'ja_JP.UTF-8' } });
      // seven processes that each load the whole app: on a busy 2-core machine this takes more than the
      // default 120 s of a test
    },
    { timeout: 400_000 },
  );
  after(async () => {
    await db.destroy();
    await pool.end().catch(() => {});
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with the usage for missing or bad arguments, before touching the database', () => {
    for (const name of ['noSource', 'badBatch', 'unknownOption']) {
      const r = runs[name]!;
      assert.equal(r.code, 2, `${name}: ${r.stderr}`);
      assert.match(r.stderr, /usage: keikai import-advisories/);
    }
    assert.match(runs.badBatch!.stderr, /--batch must be a whole number/);
    assert.match(runs.unknownOption!.stderr, /--bacth/);
  });

  it('exits 2 for a source that does not exist, saying so', () => {
    const r = runs.missing!;
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /nowhere does not exist/);
  });

  it('imports a folder, exits 0 and prints a summary; progress goes to stderr', async () => {
    const r = runs.good!;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^imported 2 \(of which 0 updated\), unchanged 0, failed 0, [\d.]+ s$/m);
    assert.match(
      r.stderr,
      /2\/2 \(100%\) imported 2/,
      'a progress line at the end when stderr is no terminal',
    );
    const rows = await db.selectFrom('public_advisories').select('id').execute();
    assert.ok(rows.length >= 2);
  });

  it('exits 1 when some documents failed, listing them with the reason', () => {
    const r = runs.mixed!;
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /imported 1 .* failed 1/);
    assert.match(r.stdout, /not imported:\n {2}broken\.json: not JSON/);
  });

  it('says it in Japanese under a Japanese locale, and a second import changes nothing', () => {
    const r = runs.again!;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /取り込み 0 件（うち更新 0 件）、変更なし 2 件、失敗 0 件/);
  });
});
