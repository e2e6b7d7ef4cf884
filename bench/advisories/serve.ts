// Serving the public vulnerability database with 250,000 advisories (issue 5): advisory page and API
// throughput as a ratio to a bare route of the same server in the same run, and search latency p50/p95 for
// Japanese and English queries. Targets: advisory page ≥ ½ the bare route's req/s; search p95 < 50 ms.
//
//   node --import tsx bench/advisories/serve.ts
//   BENCH_COUNT=250000 BENCH_DURATION=8 BENCH_WARMUP=2 BENCH_CONNECTIONS=50 BENCH_SEARCHES=60 node --import tsx bench/advisories/serve.ts
//   BENCH_DB_DIR=/var/tmp/keikai-bench-250k node --import tsx bench/advisories/serve.ts   # keep the filled database
//   BENCH_DB_DIR=… BENCH_FILL_ONLY=1 node --import tsx bench/advisories/serve.ts           # fill it, measure nothing
//
// BENCH_DB_DIR keeps the embedded PostgreSQL's data there: a later run finds the advisories already written
// (public_state.advisories ≥ BENCH_COUNT) and skips the fill, migrating and ANALYZEing only, so the
// measurement can wait for a quiet machine without refilling (a fill takes ~4 minutes idle, over an hour
// at load 15). Without it, a temporary folder is filled and removed as before.
//
// keikai runs in-process as `keikai serve` does (production mode, embedded PostgreSQL in a temporary folder
// that is removed afterwards, migrations, the job worker, every request logged at `info` to /dev/null). The
// database is filled with bench/advisories/generate.ts's advisories written directly through
// writePublicAdvisories (the publish step's writer; no CSAF round trip), then ANALYZEd. The load comes from
// autocannon in a separate process (this file run with --load), so it does not share the server's event loop
// (it does share the 2 cores). Throughput: each path gets a warm-up that is thrown away, then the measured
// run. The advisory paths are measured twice: first requests (every request a page nobody asked for yet, in
// order through 60,000 sampled advisories: nothing cached, the document read and rendered) and cached (a random
// one of 1,000 advisories that a warm-up pass asked for once: what every later request of a page gets until the
// next publication).
// Searches: distinct words at the pool's size of connections (throughput, and the steady state for what follows),
// then cold searches (60 distinct queries, each once), then latency: one connection, BENCH_SEARCHES sequential
// requests per query (after 5 thrown away), p50 and p95 of each, on the JSON API and on the HTML search page.
// Last, PostgreSQL's checkpoints and autovacuum/autoanalyze runs of the public tables during the measurement.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pino from 'pino';
import { createRuntime, createServer } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { advisorySlug } from '../../src/domain/advisory-document.js';
import { writePublicAdvisories } from '../../src/features/publication/public-writer.js';
import { connectDatabase } from '../../src/platform/db/connect.js';
import { migrate } from '../../src/platform/db/database.js';
import { generateAdvisories } from './generate.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 250_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 2);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 60);
const DB_DIR = process.env.BENCH_DB_DIR;
const FILL_ONLY = process.env.BENCH_FILL_ONLY === '1';
/** advisories whose pages and API answers are requested (first requests: each once, in order) */
const SAMPLED = 60_000;
/** of those, the ones the warm-up of the first requests takes */
const WARM_PATHS = 10_000;
/** of those, the ones requested again and again for the cached figures */
const CACHED = 1_000;
/** distinct words searched at SEARCH_CONNECTIONS (the server's pool size) before the cold searches */
const SEARCH_WORDS = 4_000;
const SEARCH_CONNECTIONS = 10;

const QUERIES = {
  ja: ['認証', '暗号', 'クロスサイトスクリプティング', 'SQLインジェクション', 'ルータ', '複合機 認証'],
  en: ['authentication', 'router', 'cross-site scripting', 'buffer overflow', 'CWE-79', 'injection camera'],
} as const;

/**
 * Cold searches: distinct queries, each asked once in the run (so nothing of it is cached: not the capped
 * count, not the page), as a search box sees them — words and phrases of both languages, names, identifiers,
 * words with few or no matches. Even ones go to the API, odd ones to the HTML page.
 */
const COLD_QUERIES = [
  '認証回避',
  'denial of service',
  'ディレクトリトラバーサル',
  'path traversal',
  '任意のコード',
  'privilege escalation',
  'サービス運用妨害',
  'open redirect',
  '情報漏えい',
  'hard-coded credentials',
  'ネットワークカメラ',
  'firmware',
  '権限昇格',
  'wordpress plugin',
  'OSコマンドインジェクション',
  'XML external entity',
  '管理画面',
  'session fixation',
  'ファームウェア',
  'CWE-22',
  'クロスサイトリクエストフォージェリ',
  'CVE-2024',
  '無線LANルータ',
  'improper authentication',
  'アクセス制限不備',
  'use after free',
  '脆弱性',
  'integer overflow',
  '改ざん',
  'missing authorization',
  '複合機',
  'NAS',
  '暗号強度',
  'printer',
  '不適切な入力確認',
  'man-in-the-middle',
  'プラグイン',
  'CWE-352',
  'ルータ 認証',
  'camera authentication',
  'PLC',
  'SCADA',
  '産業用制御システム',
  'library npm',
  'ｓｑｌ',
  'バッファオーバーフロー',
  'heap overflow',
  '株式会社',
  'Inc.',
  '鍵',
  'zzzzqx',
  '存在しない語句です',
  'JVNDB-2020',
  'CVSS',
  'クロスサイト スクリプティング',
  'remote code execution',
  'アップデート',
  'upgrade',
  'ログ',
  'logging',
];

// ───────────────────────────── the load generator (child process) ─────────────────────────────

type LoadJob =
  | {
      kind: 'throughput';
      base: string;
      paths: string[];
      seconds: number;
      connections: number;
      /** each request the next path, not a random one (first requests: no path twice) */
      inOrder?: boolean;
    }
  | { kind: 'latency'; base: string; path: string; count: number }
  | { kind: 'cold'; base: string; paths: string[]; warm: string[] };

type Throughput = { rps: number; p50: number; p99: number; total: number; non2xx: number; errors: number };
type Latency = { first: number; p50: number; p95: number; max: number; non2xx: number };

type Autocannon = (
  o: Record<string, unknown>,
  cb: (e: Error | null, r: Record<string, unknown>) => void,
) => void;

async function loadChild(job: LoadJob): Promise<Throughput | Latency | number[]> {
  if (job.kind === 'cold') {
    // one request to set up the connection and the warm-up paths (not timed), then each path once: the
    // milliseconds of each
    for (const path of ['/healthz', ...job.warm])
      await fetch(`${job.base}${path}`).then((r) => r.arrayBuffer());
    const times: number[] = [];
    for (const path of job.paths) {
      const t0 = performance.now();
      const res = await fetch(`${job.base}${path}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      times.push(performance.now() - t0);
    }
    return times;
  }
  if (job.kind === 'latency') {
    const times: number[] = [];
    let non2xx = 0;
    let first = 0;
    for (let i = 0; i < job.count + 5; i++) {
      const t0 = performance.now();
      const res = await fetch(`${job.base}${job.path}`);
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      if (res.status !== 200) non2xx++;
      // the first request of a query is the uncached one (the server keeps counts and pages per version)
      if (i === 0) first = ms;
      if (i >= 5) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    return { first, p50: q(0.5), p95: q(0.95), max: times.at(-1)!, non2xx };
  }
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const paths = job.paths;
  let nextPath = 0;
  const r = await new Promise<Record<string, unknown>>((resolveFn, reject) => {
    autocannon(
      {
        url: job.base,
        connections: job.connections,
        duration: job.seconds,
        timeout: 10,
        requests: [
          {
            method: 'GET',
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              path: job.inOrder
                ? paths[nextPath++ % paths.length]
                : paths[Math.floor(Math.random() * paths.length)],
            }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolveFn(result)),
    );
  });
  const res = r as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    rps: res.requests.average,
    p50: res.latency.p50,
    p99: res.latency.p99,
    total: res.requests.total,
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
  };
}

function runChild<T>(job: LoadJob, limitS: number): Promise<T> {
  return new Promise((resolveFn, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--load'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // the job on stdin: 60,000 paths are more than one command-line argument may hold (E2BIG)
    child.stdin.end(JSON.stringify(job));
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      err += c;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), limitS * 1000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !/^[[{]/.test(line)) {
        reject(new Error(`load generator failed (${code ?? signal}): ${err.slice(-1000)}`));
        return;
      }
      resolveFn(JSON.parse(line) as T);
    });
  });
}

// ───────────────────────────── the server side ─────────────────────────────

async function main(): Promise<number> {
  const dataDir = DB_DIR ?? mkdtempSync(join(tmpdir(), 'keikai-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    KEIKAI_DATA_DIR: dataDir,
    KEIKAI_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    KEIKAI_LOG_LEVEL: 'info',
    KEIKAI_DEMO: 'false',
    PORT: '0',
  });
  const log = pino({ level: 'info' }, pino.destination('/dev/null'));
  const handle = await connectDatabase(config, () => {});
  try {
    const runtime = await createRuntime(config, handle.url, { log });
    await migrate(runtime.ctx.db);
    process.stdout.write(
      `keikai public database bench — ${new Date().toISOString()}, Node ${process.versions.node}, ` +
        `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${COUNT} advisories, ` +
        `c=${CONNECTIONS}, ${DURATION_S} s after ${WARMUP_S} s warm-up, load average before: ` +
        `${loadavg()[0]!.toFixed(2)}\n`,
    );

    // fill: generated advisories through the one writer, 1,000 per transaction (unless BENCH_DB_DIR has them)
    const t0 = performance.now();
    const sampleIds: string[] = [];
    const already = await runtime.ctx.db
      .selectFrom('public_state')
      .select('advisory_count')
      .executeTakeFirst()
      .then((r) => r?.advisory_count ?? 0);
    if (already >= COUNT) {
      const ids = await sql<{ id: string }>`
        select id from public_advisories order by id`.execute(runtime.ctx.db);
      const step = Math.max(1, Math.floor(ids.rows.length / SAMPLED));
      for (let i = step - 1; i < ids.rows.length; i += step) sampleIds.push(ids.rows[i]!.id);
      process.stdout.write(`reusing ${already} advisories in ${dataDir}\n`);
    } else {
      if (already > 0)
        throw new Error(`${dataDir} has ${already} advisories, fewer than ${COUNT}: use another folder`);
      let batch: Parameters<typeof writePublicAdvisories>[1][number][] = [];
      let n = 0;
      const flush = async () => {
        const entries = batch;
        batch = [];
        await runtime.ctx.db.transaction().execute((trx) => writePublicAdvisories(trx, entries));
      };
      for (const doc of generateAdvisories(COUNT)) {
        batch.push({ doc, origin: 'keikai' });
        if (++n % Math.max(1, Math.floor(COUNT / SAMPLED)) === 0) sampleIds.push(doc.id);
        if (batch.length === 1000) await flush();
        if (n % 50_000 === 0) process.stderr.write(`  ${n}/${COUNT} written\n`);
      }
      await flush();
    }
    await sql`analyze`.execute(runtime.ctx.db);
    const fillS = (performance.now() - t0) / 1000;
    const size = await sql<{ db: string }>`
      select pg_size_pretty(pg_database_size(current_database())) as db`.execute(runtime.ctx.db);
    process.stdout.write(
      already >= COUNT
        ? `analyzed the kept database in ${fillS.toFixed(1)} s, database ${size.rows[0]!.db}\n`
        : `filled ${COUNT} advisories through writePublicAdvisories in ${fillS.toFixed(1)} s ` +
            `(${(COUNT / fillS).toFixed(0)}/s), database ${size.rows[0]!.db}\n`,
    );
    if (FILL_ONLY) {
      await runtime.close();
      return 0;
    }
    const counts = await sql<{ q: string; n: string }>`
      select q, (select count(*) from public_advisories where document::text ilike '%' || q || '%') as n
      from unnest(${[...QUERIES.ja.slice(0, 2), ...QUERIES.en.slice(0, 2)]}::text[]) as q`.execute(
      runtime.ctx.db,
    );
    process.stdout.write(
      `share of advisories containing: ${counts.rows.map((r) => `${r.q} ${((100 * Number(r.n)) / COUNT).toFixed(1)} %`).join(', ')}\n`,
    );

    // the database's files read once, into the OS cache, as on a server whose memory holds them: this virtual
    // machine's cache let go of most of a database filled half an hour before (the GIN index 27 of 119 MB
    // resident), and cold searches then measured the disk (p95 536 ms) rather than the queries
    const cached = readAll(join(dataDir, 'pgdata'));
    process.stdout.write(
      `read the database's files once (OS cache): ${(cached.bytes / 1024 / 1024).toFixed(0)} MiB in ${cached.seconds.toFixed(1)} s\n`,
    );
    await runtime.jobs.start();
    await runtime.jobs.work();
    const app = await createServer(runtime);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    let failed = false;
    const maintenanceBefore = await maintenance(runtime.ctx.db);
    try {
      const slugs = sampleIds.map((id) => `/advisories/${advisorySlug(id)}`);
      const apis = sampleIds.map((id) => `/api/v1/advisories/${advisorySlug(id)}`);
      // first requests: the warm-up takes the first WARM_PATHS of the sample, the measured run the rest (50,000:
      // 8 s at up to 6,000 a second), so no path is asked twice. Cached: the warm-up asks for each of CACHED
      // paths in order (it outlasts one pass), the measured run for random ones of them.
      const warmUpTo = Math.min(WARM_PATHS, Math.floor(slugs.length / 2));
      const targets: [string, string[], string[], boolean][] = [
        ['/healthz (bare route)', ['/healthz'], ['/healthz'], false],
        ['/advisories/:slug first requests', slugs.slice(0, warmUpTo), slugs.slice(warmUpTo), true],
        ['/advisories/:slug cached', slugs.slice(0, CACHED), slugs.slice(0, CACHED), false],
        ['/api/v1/advisories/:id first req.', apis.slice(0, warmUpTo), apis.slice(warmUpTo), true],
        ['/api/v1/advisories/:id cached', apis.slice(0, CACHED), apis.slice(0, CACHED), false],
        ['/advisories (latest, page)', ['/advisories'], ['/advisories'], false],
        ['/api/v1/advisories (latest)', ['/api/v1/advisories'], ['/api/v1/advisories'], false],
      ];
      const results: [string, Throughput][] = [];
      for (const [label, warmPaths, paths, inOrder] of targets) {
        await runChild<Throughput>(
          {
            kind: 'throughput',
            base,
            paths: warmPaths,
            seconds: WARMUP_S,
            connections: CONNECTIONS,
            inOrder: true,
          },
          WARMUP_S + 30,
        );
        const r = await runChild<Throughput>(
          { kind: 'throughput', base, paths, seconds: DURATION_S, connections: CONNECTIONS, inOrder },
          DURATION_S + 30,
        );
        results.push([label, r]);
        failed ||= r.non2xx > 0 || r.errors > 0;
        if (inOrder && r.total > paths.length) {
          process.stdout.write(
            `  (${label}: ${r.total} requests for ${paths.length} paths: some were asked twice)\n`,
          );
        }
        process.stdout.write(
          `${label.padEnd(34)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   ` +
            `p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors)\n`,
        );
      }
      const bare = results[0]![1].rps;
      for (const [label, r] of results.slice(1)) {
        process.stdout.write(`  ratio ${label} / bare route: ${(r.rps / bare).toFixed(2)}\n`);
      }

      // Searches of distinct words at the pool's size of connections (each word asked once): a throughput figure
      // for searches nobody asked before, and the steady state the cold searches below are measured in — every
      // pooled connection's PostgreSQL backend has served searches, as on a server that has been up for a while.
      // A new backend's first touch of each 4 KB of shared memory is a page fault, ~10–25 µs on the virtual
      // machines this ran on: the cold list on a new connection took 35,000 faults and twice the CPU of the same
      // list on one that had served queries (bench/README.md). Words from a sample of the search vectors, none
      // of them a query of the cold list.
      const coldSet = new Set(COLD_QUERIES.map((q) => q.toLowerCase()));
      const { rows: words } = await sql<{ word: string }>`
        select word from ts_stat('select search from public_advisories tablesample system (2) repeatable (7)')
        where ndoc between 5 and 2000 and length(word) > 1
        order by md5(word) limit ${SEARCH_WORDS}`.execute(runtime.ctx.db);
      const searchPaths = words.filter((w) => !coldSet.has(w.word)).map((w, i) => searchPath(w.word, i));
      const searches = await runChild<Throughput>(
        {
          kind: 'throughput',
          base,
          paths: searchPaths,
          seconds: DURATION_S,
          connections: SEARCH_CONNECTIONS,
          inOrder: true,
        },
        DURATION_S + 30,
      );
      failed ||= searches.non2xx > 0 || searches.errors > 0;
      process.stdout.write(
        `searches, distinct words (c=${SEARCH_CONNECTIONS}) ${searches.rps.toFixed(0).padStart(6)} req/s   ` +
          `p50 ${String(searches.p50).padStart(4)} ms   p99 ${String(searches.p99).padStart(4)} ms   ` +
          `(${searches.total} requests of ${searchPaths.length} words, ${searches.non2xx} non-2xx, ${searches.errors} errors)\n`,
      );

      // cold searches: nothing of them has been asked before
      const coldPaths = COLD_QUERIES.map(searchPath);
      // before them, one search on each surface with a word not in the list: the first search of a process
      // compiles the search and its page's code ('denial of service', the first HTML search of one run, took
      // 248 ms; 43–67 ms otherwise): a cost of starting the server, not of a query nobody asked before
      const warm = ['/api/v1/advisories?q=test', `/advisories?q=${encodeURIComponent('テスト')}`];
      const cold = await runChild<number[]>({ kind: 'cold', base, paths: coldPaths, warm }, 300);
      const pct = (xs: number[], p: number) => {
        const sorted = [...xs].sort((a, b) => a - b);
        return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
      };
      const coldApi = cold.filter((_, i) => i % 2 === 0);
      const coldPage = cold.filter((_, i) => i % 2 === 1);
      process.stdout.write(
        `cold searches (${COLD_QUERIES.length} distinct queries, each once): ` +
          `all p50 ${pct(cold, 0.5).toFixed(1)} ms p95 ${pct(cold, 0.95).toFixed(1)} ms max ${pct(cold, 1).toFixed(1)} ms; ` +
          `API p50 ${pct(coldApi, 0.5).toFixed(1)} p95 ${pct(coldApi, 0.95).toFixed(1)} ms; ` +
          `page p50 ${pct(coldPage, 0.5).toFixed(1)} p95 ${pct(coldPage, 0.95).toFixed(1)} ms\n`,
      );
      const slowest = COLD_QUERIES.map((q, i) => [q, cold[i]!] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8);
      process.stdout.write(
        `  slowest: ${slowest.map(([q, ms]) => `${JSON.stringify(q)} ${ms.toFixed(0)} ms`).join(', ')}\n`,
      );

      process.stdout.write(`search latency, one connection, ${SEARCHES} requests per query:\n`);
      for (const [lang, qs] of Object.entries(QUERIES)) {
        for (const q of qs) {
          const enc = encodeURIComponent(q);
          const api = await runChild<Latency>(
            { kind: 'latency', base, path: `/api/v1/advisories?q=${enc}`, count: SEARCHES },
            120,
          );
          const page = await runChild<Latency>(
            { kind: 'latency', base, path: `/advisories?q=${enc}`, count: SEARCHES },
            120,
          );
          const hits = await fetch(`${base}/api/v1/advisories?q=${enc}`).then(
            (r) => r.json() as Promise<{ total: number; totalCapped: boolean }>,
          );
          failed ||= api.non2xx > 0 || page.non2xx > 0;
          process.stdout.write(
            `  ${lang} ${JSON.stringify(q).padEnd(32)} ${String(hits.total).padStart(7)}${hits.totalCapped ? '+' : ' '} hits   ` +
              `API first ${api.first.toFixed(1).padStart(6)} ms  p50 ${api.p50.toFixed(1).padStart(6)} ms  p95 ${api.p95.toFixed(1).padStart(6)} ms   ` +
              `page first ${page.first.toFixed(1).padStart(6)} ms  p50 ${page.p50.toFixed(1).padStart(6)} ms  p95 ${page.p95.toFixed(1).padStart(6)} ms\n`,
          );
        }
      }
      // a slow query in one run may be the database's own work meanwhile, not the query
      const m = await maintenance(runtime.ctx.db);
      process.stdout.write(
        `PostgreSQL's maintenance during the run: ${m.checkpoints - maintenanceBefore.checkpoints} checkpoints, ` +
          `${m.vacuums - maintenanceBefore.vacuums} autovacuums and ${m.analyzes - maintenanceBefore.analyzes} ` +
          `autoanalyzes of the public tables\n`,
      );
      process.stdout.write(
        `server RSS ${(process.memoryUsage.rss() / 1024 / 1024).toFixed(0)} MiB, load average after: ` +
          `${loadavg()[0]!.toFixed(2)}\n`,
      );
      return failed ? 1 : 0;
    } finally {
      await app.close();
      await runtime.close();
    }
  } finally {
    await handle.stop();
    if (!DB_DIR) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Checkpoints (timed or requested, done or skipped) and autovacuum/autoanalyze runs on the public tables so far. */
async function maintenance(db: Parameters<typeof migrate>[0]) {
  const { rows } = await sql<{ checkpoints: number; vacuums: number; analyzes: number }>`
    select (select (num_timed + num_requested)::int from pg_stat_checkpointer) as checkpoints,
      coalesce(sum(autovacuum_count), 0)::int as vacuums, coalesce(sum(autoanalyze_count), 0)::int as analyzes
    from pg_stat_user_tables where relname like 'public\_%'`.execute(db);
  return rows[0] ?? { checkpoints: 0, vacuums: 0, analyzes: 0 };
}

/** A search of `q` on the API (even i) or the HTML page (odd i): both surfaces take half of a list of queries. */
function searchPath(q: string, i: number): string {
  return `${i % 2 === 0 ? '/api/v1/advisories' : '/advisories'}?q=${encodeURIComponent(q)}`;
}

/** Reads every file under `dir` once (to put it in the OS cache): bytes and seconds. */
function readAll(dir: string): { bytes: number; seconds: number } {
  const t0 = performance.now();
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  let bytes = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    let fd: number;
    try {
      fd = openSync(join(f.parentPath, f.name), 'r');
    } catch {
      continue; // gone meanwhile (a temporary file of PostgreSQL's)
    }
    try {
      for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) bytes += n;
    } finally {
      closeSync(fd);
    }
  }
  return { bytes, seconds: (performance.now() - t0) / 1000 };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (process.argv[2] === '--load') {
  readStdin()
    .then((text) => loadChild(JSON.parse(text) as LoadJob))
    .then(
      (r) => {
        process.stdout.write(`${JSON.stringify(r)}\n`);
        process.exit(0);
      },
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
} else {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
