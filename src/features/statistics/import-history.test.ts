// Importing a history file: facts as the engine counts them, idempotent, all or nothing with errors naming the
// line and field — through the function and through `keikai import-history` as a person runs it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type pg from 'pg';
import { createDatabase, type Database } from '../../platform/db/database.js';
import { type CliRun, cliEnv, runCli } from '../../testing/cli.js';
import { createTestDatabase, type TestDatabase } from '../../testing/database.js';
import { computeReport } from './compute-report.js';
import { HistoryFileError, InvalidHistoryError, importHistory } from './import-history.js';

const LINES = [
  {
    id: 'SW-1',
    track: 'software',
    receivedOn: '2012-07-02',
    acceptedOn: '2012-07-03',
    publishedOn: '2012-08-10',
    productType: 'web_application',
    priorityDisclosures: [{ sector: 'electricity', disclosedOn: '2012-08-01' }],
  },
  { id: 'SW-2', track: 'software', receivedOn: '2012-07-05', notAcceptedOn: '2012-07-09' },
  {
    id: 'SW-3',
    track: 'software',
    origin: 'overseas_csirt',
    receivedOn: '2012-09-01',
    publishedOn: '2012-09-03',
  },
  {
    id: 'WEB-1',
    track: 'website',
    receivedOn: '2012-07-02',
    acceptedOn: '2012-07-03',
    notifiedOn: '2012-07-04',
    outcome: 'fixed',
    outcomeOn: '2012-08-03',
    fixAction: 'page_deleted',
    websiteVulnerabilityType: 'xss',
  },
  { id: 'WEB-2', track: 'website', receivedOn: '2012-09-30', acceptedOn: '2012-09-30' },
];
const jsonl = (lines: unknown[]) => `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;

describe('importHistory', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: pg.Pool;
  let dir: string;
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const facts = () =>
    db
      .selectFrom('statistics_facts')
      .select(['key', 'outcome', sql<string>`outcome_on::text`.as('outcome_on'), 'updated_at'])
      .orderBy('key')
      .execute();

  before(async () => {
    database = await createTestDatabase();
    ({ db, pool } = createDatabase(database.url, { max: 2 }));
    dir = mkdtempSync(join(tmpdir(), 'keikai-history-'));
  });
  after(async () => {
    await db.destroy();
    await pool.end().catch(() => {});
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes nothing when one line is invalid, naming each bad line and field', async () => {
    const bad = [
      ...LINES,
      {
        id: 'WEB-3',
        track: 'website',
        receivedOn: '2012-07-02',
        notifiedOn: '2012-07-10',
        outcome: 'fixed',
        outcomeOn: '2012-08-01',
      },
      { id: 'SW-1', track: 'software', receivedOn: '2012-07-02' },
    ];
    const text = `${jsonl(bad)}{"id":\n`;
    await assert.rejects(importHistory({ db }, file('bad.jsonl', text), { batchSize: 2 }), (err: unknown) => {
      assert.ok(err instanceof InvalidHistoryError);
      assert.equal(err.invalidLines, 3);
      assert.equal(err.lines, 8);
      assert.deepEqual(
        err.errors.map((e) => [e.line, e.field]),
        [
          [6, 'fixAction'],
          [7, 'id'],
          [8, null],
        ],
      );
      assert.match(err.errors[1]!.message, /already the id of line 1/);
      return true;
    });
    assert.equal((await facts()).length, 0, 'nothing half-imported');
  });

  it('imports every line as a fact the engine counts, with its priority disclosures', async () => {
    const r = await importHistory({ db }, file('good.jsonl', `\uFEFF${jsonl(LINES)}\n\n`), { batchSize: 2 });
    assert.deepEqual([r.lines, r.inserted, r.updated, r.unchanged], [5, 5, 0, 0]);
    const report = await computeReport({ db }, '2012-09-30', { project: false });
    assert.deepEqual(report.totals, { software: 2, website: 2, total: 4 }, 'the overseas case is no report');
    assert.equal(report.softwareStatus.published, 1);
    assert.equal(report.softwareStatus.notAccepted, 1);
    assert.deepEqual(report.publications, {
      total: 2,
      domestic: 1,
      overseas: 1,
      inQuarter: { domestic: 1, overseas: 1 },
    });
    assert.equal(report.websiteStatus.fixedByPageDeletion, 1);
    assert.equal(report.websiteStatus.inProgress, 1);
    assert.equal(report.daysToFix.within30, 1, '2012-07-04 → 2012-08-03 is 30 days');
    assert.equal(report.priorityDisclosures.total, 1);
    const before = await computeReport({ db }, '2012-08-02', { project: false });
    assert.equal(before.websiteStatus.fixed, 0, 'a fix after the as-of day is not counted yet');
  });

  it('changes nothing when the same file is imported again', async () => {
    const was = await facts();
    const r = await importHistory({ db }, join(dir, 'good.jsonl'));
    assert.deepEqual([r.inserted, r.updated, r.unchanged], [0, 0, 5]);
    assert.deepEqual(await facts(), was, 'not even updated_at moved');
  });

  it('updates the fact of a changed line (and only that), its disclosures included', async () => {
    const changed = structuredClone(LINES) as Record<string, unknown>[];
    changed[4] = { ...changed[4], outcome: 'not_vulnerable', outcomeOn: '2012-09-30' };
    changed[0] = { ...changed[0], priorityDisclosures: [{ sector: 'gas', disclosedOn: '2012-08-02' }] };
    const r = await importHistory({ db }, file('changed.jsonl', jsonl(changed)));
    assert.deepEqual([r.inserted, r.updated, r.unchanged], [0, 2, 3]);
    const web2 = (await facts()).find((f) => f.key === 'import:WEB-2')!;
    assert.deepEqual([web2.outcome, web2.outcome_on], ['not_vulnerable', '2012-09-30']);
    const disclosures = await db
      .selectFrom('statistics_priority_disclosures')
      .select(['fact_key', 'sector'])
      .execute();
    assert.deepEqual(disclosures, [{ fact_key: 'import:SW-1', sector: 'gas' }]);
  });

  it('refuses a file it cannot read', async () => {
    await assert.rejects(importHistory({ db }, join(dir, 'missing.jsonl')), HistoryFileError);
    await assert.rejects(importHistory({ db }, dir), HistoryFileError);
  });
});

describe('keikai import-history', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: pg.Pool;
  let dir: string;
  let runs: Record<string, CliRun>;

  before(async () => {
    database = await createTestDatabase();
    ({ db, pool } = createDatabase(database.url, { max: 2 }));
    dir = mkdtempSync(join(tmpdir(), 'keikai-history-cli-'));
    const env = cliEnv(database.url, dir);
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, jsonl(LINES));
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, jsonl([LINES[0], { ...LINES[1], receivedOn: '2012-13-01' }]));
    runs = {
      noFile: await runCli(['import-history'], { env }),
      badBatch: await runCli(['import-history', good, '--batch', 'x'], { env }),
      missing: await runCli(['import-history', join(dir, 'nowhere.jsonl')], { env }),
      bad: await runCli(['import-history', bad], { env }),
      good: await runCli(['import-history', good], { env }),
      again: await runCli(['import-history', good], { env: { ...env, LANG: 'ja_JP.UTF-8' } }),
    };
  });
  after(async () => {
    await db.destroy();
    await pool.end().catch(() => {});
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with the usage for missing or bad arguments, and for a file it cannot read', () => {
    for (const name of ['noFile', 'badBatch']) {
      assert.equal(runs[name]!.code, 2, runs[name]!.stderr);
      assert.match(runs[name]!.stderr, /usage: keikai import-history/);
    }
    assert.equal(runs.missing!.code, 2);
    assert.match(runs.missing!.stderr, /cannot read .*nowhere\.jsonl/);
  });

  it('exits 1 for invalid lines, naming line and field, and writes nothing', async () => {
    const r = runs.bad!;
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /1 of 2 lines are invalid — nothing was imported/);
    assert.match(r.stderr, /line 2, receivedOn: must be a calendar day/);
  });

  it('imports a file (exit 0, summary on stdout, progress on stderr); again changes nothing, said in Japanese', async () => {
    assert.equal(runs.good!.code, 0, runs.good!.stderr);
    assert.match(runs.good!.stdout, /^5 cases: 5 new, 0 updated, 0 unchanged \([\d.]+ s\)$/m);
    assert.match(runs.good!.stderr, /writing 5\/5 \(100%\)/, 'a progress line when stderr is no terminal');
    assert.equal(runs.again!.code, 0, runs.again!.stderr);
    assert.match(runs.again!.stdout, /5 件: 新規 0、更新 0、変更なし 5/);
    const n = await db
      .selectFrom('statistics_facts')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirst();
    assert.equal(Number(n!.n), 5);
  });
});
