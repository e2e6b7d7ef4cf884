// The statistics bench (issue 7: "one million cases with five million events on PostgreSQL; computing a full
// quarterly report takes under 2 seconds"), in a fresh embedded PostgreSQL in a temporary folder, removed
// afterwards:
//
//   node --import tsx bench/statistics/run.ts
//   BENCH_CASES=1000000 BENCH_REPORT_RUNS=9 node --import tsx bench/statistics/run.ts
//
// 1. import-history: a generated JSONL file of BENCH_CASES cases (bench/statistics/generate.ts) through
//    importHistory (check the whole file, then one transaction of batched upserts) — time, lines/s, peak RSS;
//    then the same file again (all unchanged).
// 2. computeReport over those facts (project: false) — BENCH_REPORT_RUNS runs after one warm-up, p50 / p95 / max.
// 3. the projection: the imported facts are deleted; BENCH_CASES reports and their cases (coordination_cases /
//    website_cases rows) and 5 events each (report.submitted, report.accepted / report.not_accepted,
//    case.classified, coordination.party-notified / website.notice_sent, advisory.published /
//    coordination.status-changed / website.closed / website.operator_acknowledged) are written with SQL, as the
//    features write them; then rebuildStatisticsFacts derives the live facts from the whole history (the
//    projection's catch-up from cursor 0) — time, events/s; then computeReport over the live facts again, and
//    with the (now empty) catch-up included (project: true).
// Peak RSS of this (Node) process is sampled every 250 ms per phase; PostgreSQL's own memory is not included.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { computeReport } from '../../src/features/statistics/compute-report.js';
import { rebuildStatisticsFacts } from '../../src/features/statistics/facts.js';
import { importHistory } from '../../src/features/statistics/import-history.js';
import { connectDatabase } from '../../src/platform/db/connect.js';
import { createDatabase, type Database, migrate } from '../../src/platform/db/database.js';
import { writeHistoryFile } from './generate.js';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 9);
const AS_OF = process.env.BENCH_AS_OF ?? '2026-09-30';
const MiB = 1024 * 1024;
const out = (s: string) => process.stdout.write(`${s}\n`);

async function phase<T>(name: string, fn: () => Promise<T>) {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 250);
  const t0 = performance.now();
  try {
    const result = await fn();
    const seconds = (performance.now() - t0) / 1000;
    peak = Math.max(peak, process.memoryUsage.rss());
    out(
      `${name}: ${seconds.toFixed(1)} s, peak RSS ${(peak / MiB).toFixed(0)} MiB, load ${loadavg()[0]!.toFixed(2)}`,
    );
    return { result, seconds, peak };
  } finally {
    clearInterval(timer);
  }
}

async function reportRuns(db: Database, label: string, project = false) {
  await computeReport({ db }, AS_OF, { project }); // warm-up (plans, caches)
  const ms: number[] = [];
  let peak = process.memoryUsage.rss();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await computeReport({ db }, AS_OF, { project });
    ms.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!;
  out(
    `computeReport(${AS_OF}) ${label}: ${RUNS} runs — p50 ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms, ` +
      `min ${ms[0]!.toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms; RSS ${(peak / MiB).toFixed(0)} MiB; load ${loadavg()[0]!.toFixed(2)}`,
  );
  return ms;
}

/** BENCH_CASES reports, cases and 5 events each, written by SQL the way the features write them. */
async function writeCaseHistory(db: Database, n: number) {
  await sql`create temporary table b as
    select i,
      gen_random_uuid() as report_id,
      gen_random_uuid() as case_id,
      case when i % 100 < 27 then 'software' else 'website' end as track,
      timestamptz '2004-07-08 10:00+09' + ((i::float8 / ${n}) * (timestamptz '2026-09-30 10:00+09' - timestamptz '2004-07-08 10:00+09')) as at,
      i % 100 >= 27 and i % 100 < 34 as na,
      ((i::bigint * 7919) % 100)::int as r
    from generate_series(1, ${n}) i`.execute(db);
  await sql`insert into reports (id, tracking_number, track, state, source, locale, submitted_at, decided_at,
      finder_identity_enc, finder_contactable, body_enc, website_vuln_type)
    select report_id, 'B-' || i, track, case when na then 'not_accepted' else 'accepted' end, 'form', 'ja', at,
      at + interval '2 days', 'x', false, 'x',
      case when track = 'website' then (array['xss','sql_injection','dns_misconfiguration','csrf','other'])[1 + r % 5] end
    from b`.execute(db);
  await sql`insert into cases (id, reference, track, origin, report_id, state, handed_over_at)
    select case_id, 'BC-' || i, track, 'report', report_id, case when r < 70 then 'closed' else 'open' end,
      at + interval '2 days'
    from b`.execute(db);
  await sql`insert into coordination_cases (case_id, start_date, product_category, end_kind, end_reason, ended_at)
    select case_id, to_char(at + interval '5 days', 'YYYY-MM-DD'), case when r = 3 then 'ics' else 'general' end,
      case when r between 47 and 52 then 'not_vulnerability' end,
      case when r between 47 and 52 then 'not a vulnerability' end,
      case when r between 47 and 52 then at + interval '60 days' end
    from b where track = 'software'`.execute(db);
  await sql`insert into website_cases (case_id, vulnerability_type, stage, notified_at, outcome, fix_action, closed_at,
      created_at, updated_at)
    select case_id, (array['xss','sql_injection','dns_misconfiguration','csrf','other'])[1 + r % 5],
      case when r < 70 then 'closed' else 'notified' end, at + interval '4 days',
      case when r < 62 then 'fixed' when r < 66 then 'not_vulnerability' when r < 70 then 'stopped_after_alert' end,
      case when r < 62 then (case when r % 10 = 1 then 'page_deleted' else 'fixed' end) end,
      case when r < 70 then at + ((4 + (i % 300)) || ' days')::interval end,
      at, at
    from b where track = 'website'`.execute(db);
  // five events per case, in the order they happened for each; ids in insertion order
  await sql`insert into events (stream_type, stream_id, type, at, data)
    select 'report', report_id, 'report.submitted', at, jsonb_build_object('track', track) from b`.execute(
    db,
  );
  await sql`insert into events (stream_type, stream_id, type, at, data)
    select 'report', report_id, case when na then 'report.not_accepted' else 'report.accepted' end,
      at + interval '2 days', jsonb_build_object('caseId', case_id) from b`.execute(db);
  await sql`insert into events (stream_type, stream_id, type, at, data)
    select 'case', case_id, 'case.classified', at + interval '3 days',
      case when track = 'software'
        then jsonb_build_object('productType', (array['web_application','router','os','groupware','other'])[1 + r % 5],
          'cause', (array['web_application_vulnerability','specification_flaw','buffer_overflow'])[1 + r % 3],
          'oss', r % 3 = 0)
        else jsonb_build_object('threat', (array['fake_information','data_tampering','cookie_leak','other'])[1 + r % 4],
          'operatorType', (array['unlisted_company','listed_company','local_government','individual'])[1 + r % 4])
      end from b`.execute(db);
  await sql`insert into events (stream_type, stream_id, type, at, data)
    select 'case', case_id, case when track = 'software' then 'coordination.party-notified' else 'website.notice_sent' end,
      at + interval '4 days', jsonb_build_object('organizationId', gen_random_uuid()) from b`.execute(db);
  await sql`insert into events (stream_type, stream_id, type, at, data)
    select 'case', case_id,
      case when track = 'software' then (case when r < 47 then 'advisory.published' when r <= 52 then 'coordination.ended'
        else 'coordination.status-changed' end)
      else (case when r < 70 then 'website.closed' else 'website.operator_acknowledged' end) end,
      at + ((4 + (i % 300)) || ' days')::interval,
      case when track = 'software' and r between 47 and 52 then jsonb_build_object('kind', 'not_vulnerability')
        else '{}'::jsonb end
    from b`.execute(db);
  await sql`drop table b`.execute(db);
  await sql`analyze`.execute(db);
}

async function main() {
  out(
    `keikai statistics bench — ${new Date().toISOString()}, Node ${process.versions.node}, ` +
      `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
      `${(totalmem() / 1024 / MiB).toFixed(1)} GiB RAM, ${CASES} cases, load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'keikai-bench-stats-'));
  const file = join(dataDir, 'history.jsonl');
  const config = loadConfig({
    NODE_ENV: 'production',
    KEIKAI_DATA_DIR: dataDir,
    KEIKAI_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    KEIKAI_LOG_LEVEL: 'warn',
    KEIKAI_DEMO: 'false',
    PORT: '0',
  });
  const handle = await connectDatabase(config, () => {});
  const { db, pool } = createDatabase(handle.url, { max: 6 });
  try {
    await migrate(db);
    const v = await sql<{ v: string }>`select version() as v`.execute(db);
    out(`PostgreSQL: ${v.rows[0]!.v.split(' on ')[0]} (embedded, default settings)`);

    if (process.env.BENCH_SKIP_IMPORT !== '1') await importPhases(db, file);
    else out('(import-history phases skipped: BENCH_SKIP_IMPORT=1)');
    if (process.env.BENCH_SKIP_PROJECTION !== '1') await projectionPhases(db);
    else out('(projection phases skipped: BENCH_SKIP_PROJECTION=1)');
    const size = await sql<{ db: string; facts: string; events: string }>`
      select pg_size_pretty(pg_database_size(current_database())) as db,
        pg_size_pretty(pg_total_relation_size('statistics_facts')) as facts,
        pg_size_pretty(pg_total_relation_size('events')) as events`.execute(db);
    out(
      `database ${size.rows[0]!.db} (statistics_facts ${size.rows[0]!.facts}, events ${size.rows[0]!.events})`,
    );
  } finally {
    await db.destroy();
    await pool.end().catch(() => {});
    await handle.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function importPhases(db: Database, file: string) {
  const g = await phase(`generate ${CASES} history lines`, () => writeHistoryFile(file, CASES));
  void g;
  out(`  ${(statSync(file).size / MiB).toFixed(0)} MiB`);
  const imp = await phase('import-history (check + write, one transaction)', () =>
    importHistory({ db }, file),
  );
  out(
    `  ${imp.result.lines} lines: ${imp.result.inserted} new — ${(imp.result.lines / imp.seconds).toFixed(0)} lines/s`,
  );
  const again = await phase('import-history of the same file again (all unchanged)', () =>
    importHistory({ db }, file),
  );
  out(`  unchanged ${again.result.unchanged}, updated ${again.result.updated}`);
  await sql`analyze statistics_facts`.execute(db);
  await reportRuns(db, `over ${imp.result.lines} imported facts`);

  await db.deleteFrom('statistics_facts').where('source', '=', 'import').execute();
}

async function projectionPhases(db: Database) {
  const w = await phase(`write ${CASES} reports + cases and ${5 * CASES} events (SQL, setup)`, () =>
    writeCaseHistory(db, CASES),
  );
  void w;
  const ev = await sql<{ n: string }>`select count(*) as n from events`.execute(db);
  out(`  events: ${ev.rows[0]!.n}`);
  const p = await phase('projection: rebuildStatisticsFacts (catch-up from cursor 0)', () =>
    rebuildStatisticsFacts(db),
  );
  out(
    `  ${p.result.events} events, ${p.result.facts} facts — ${(p.result.events / p.seconds).toFixed(0)} events/s`,
  );
  await sql`analyze statistics_facts`.execute(db);
  await reportRuns(db, `over ${p.result.facts} live facts`);
  await reportRuns(db, 'with the projection catch-up (nothing new)', true);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
