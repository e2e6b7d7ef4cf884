// Importing 250,000 CSAF 2.0 files (issue 5: "import under 2 minutes"): the whole `keikai import-advisories`
// path on a folder — list, read, parse, (validate,) map, look up, allocate JVNDB ids, write through
// writePublicAdvisories in batches of 500 with the run's cursor — into a fresh embedded PostgreSQL in a
// temporary folder, removed afterwards.
//
//   node --import tsx bench/advisories/import.ts
//   BENCH_COUNT=250000 BENCH_CSAF_DIR=/tmp/csaf BENCH_VALIDATE_SAMPLE=50000 node --import tsx bench/advisories/import.ts
//
// 1. generates the CSAF folder in a child process (bench/advisories/generate.ts), unless BENCH_CSAF_DIR
//    already holds one (it is then kept);
// 2. imports it with the CSAF validator off: the import path itself (the headline figure);
// 3. imports BENCH_VALIDATE_SAMPLE of the same files again (default: all) with the validator on: they are
//    all 'unchanged' by then, so this is read + parse + schema and mandatory tests + map + look-up, no writes;
//    compared with the same files without the validator, it gives the validator's cost per document.
// Peak RSS of this process is sampled every 250 ms per phase; the database size is printed at the end.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { createRuntime } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { validateCsafHere } from '../../src/exports/csaf-validate.js';
import { importAdvisories } from '../../src/features/advisory-import/import-advisories.js';
import { connectDatabase } from '../../src/platform/db/connect.js';
import { migrate } from '../../src/platform/db/database.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 250_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const SAMPLE = Number(process.env.BENCH_VALIDATE_SAMPLE ?? COUNT);
const system = { kind: 'system' as const, label: 'bench' };
const MiB = 1024 * 1024;

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolveFn, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolveFn() : reject(new Error(`${args.join(' ')}: exit ${code}`)),
    );
  });
}

/**
 * CPU seconds used so far by the embedded PostgreSQL (its postmaster and every backend, from /proc; Linux only,
 * else 0): on a machine other sessions keep busy, wall time says little, CPU time says what the work costs.
 */
let postmasterPid = 0;
function postgresCpu(): Map<string, number> {
  const out = new Map<string, number>();
  if (!postmasterPid) return out;
  const statOf = (pid: string) => {
    try {
      const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return st.slice(st.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  const add = (k: string, ticks: number) => out.set(k, (out.get(k) ?? 0) + ticks / 100);
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const f = statOf(pid);
    if (!f) continue;
    if (Number(pid) === postmasterPid) {
      add('postmaster', Number(f[11]) + Number(f[12]));
      // children that have exited (autovacuum workers, mostly) are counted in the postmaster's cutime/cstime
      add('exited children (autovacuum workers …)', Number(f[13]) + Number(f[14]));
    } else if (Number(f[1]) === postmasterPid) {
      let title = 'other';
      try {
        title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      } catch {}
      const kind = /postgres: (\S+ \S+ 127|\S+ \S+ \[local\])/.test(title)
        ? 'client backends'
        : (/postgres: ([a-z ]+?)(\s*$|\s\S*[0-9])/.exec(title)?.[1]?.trim() ?? 'other');
      add(kind, Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
    }
  }
  return out;
}

/**
 * CPU seconds used so far by the embedded PostgreSQL (its postmaster and every backend, from /proc; Linux only,
 * else 0): on a machine other sessions keep busy, wall time says little, CPU time says what the work costs.
 */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const v of postgresCpu().values()) total += v;
  return total;
}

/** Runs fn while sampling this process's RSS; returns fn's result, seconds and peak RSS in MiB. */
async function phase<T>(name: string, fn: () => Promise<T>) {
  let peak = process.memoryUsage.rss();
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 250);
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds();
  const pgBy0 = postgresCpu();
  const t0 = performance.now();
  try {
    const result = await fn();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    peak = Math.max(peak, process.memoryUsage.rss());
    process.stdout.write(
      `${name}: ${seconds.toFixed(1)} s, Node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ` +
        `PostgreSQL CPU ${(postgresCpuSeconds() - pg0).toFixed(1)} s, ` +
        `peak RSS ${(peak / MiB).toFixed(0)} MiB (JS heap used ≤ ${(heap / MiB).toFixed(0)} MiB), ` +
        `load average ${loadavg()[0]!.toFixed(2)}\n`,
    );
    const by = [...postgresCpu()]
      .map(([k, v]) => [k, v - (pgBy0.get(k) ?? 0)] as const)
      .filter(([, v]) => v >= 0.1)
      .sort((a, b) => b[1] - a[1]);
    if (by.length > 0)
      process.stdout.write(
        `  PostgreSQL CPU by process: ${by.map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}\n`,
      );
    return { result, seconds, peak, cpu: (cpu.user + cpu.system) / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The WAL the server wrote since it started and how much of it were full-page images (each first change of a
 * page after a checkpoint), and the checkpoints: what the import costs PostgreSQL besides the rows themselves.
 */
async function printWal(db: Parameters<typeof migrate>[0]) {
  const { rows } = await sql<{
    bytes: string;
    fpi: string;
    records: string;
    timed: string;
    requested: string;
  }>`
    select pg_size_pretty(w.wal_bytes) as bytes, w.wal_fpi::text as fpi, w.wal_records::text as records,
      c.num_timed::text as timed, c.num_requested::text as requested
    from pg_stat_wal w, pg_stat_checkpointer c`.execute(db);
  const w = rows[0];
  if (w)
    process.stdout.write(
      `  WAL ${w.bytes} in ${w.records} records, ${w.fpi} full-page images; checkpoints: ${w.timed} timed, ${w.requested} requested\n`,
    );
}

/** The files of `dir`, first `n` in the import's order, as symlinks in a folder of their own. */
function sampleFolder(dir: string, n: number): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => (f.isFile() || f.isSymbolicLink()) && f.name.endsWith('.json'))
    .map((f) => join(f.parentPath, f.name))
    .sort()
    .slice(0, n);
  const out = mkdtempSync(join(tmpdir(), 'keikai-bench-sample-'));
  files.forEach((f, i) => {
    symlinkSync(f, join(out, `${String(i).padStart(7, '0')}.json`));
  });
  return out;
}

async function main(): Promise<number> {
  process.stdout.write(
    `keikai advisory import bench — ${new Date().toISOString()}, Node ${process.versions.node}, ` +
      `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${COUNT} advisories, ` +
      `batches of ${BATCH}, load average before: ${loadavg()[0]!.toFixed(2)}\n`,
  );
  const given = process.env.BENCH_CSAF_DIR;
  const csafDir = given ?? mkdtempSync(join(tmpdir(), 'keikai-bench-csaf-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'keikai-bench-'));
  let sample: string | null = null;
  try {
    if (!given || readdirSync(csafDir).length === 0) {
      mkdirSync(csafDir, { recursive: true });
      const t0 = performance.now();
      await run(process.execPath, [
        '--import',
        'tsx',
        join(import.meta.dirname, 'generate.ts'),
        '--csaf',
        csafDir,
        '--count',
        String(COUNT),
      ]);
      process.stdout.write(
        `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (child process)\n`,
      );
    }
    const config = loadConfig({
      NODE_ENV: 'production',
      KEIKAI_DATA_DIR: dataDir,
      KEIKAI_SECRET: 'bench-secret-bench-secret-bench-secret-00',
      KEIKAI_LOG_LEVEL: 'warn',
      KEIKAI_DEMO: 'false',
      PORT: '0',
    });
    const log = pino({ level: 'warn' }, pino.destination(2));
    const handle = await connectDatabase(config, () => {});
    try {
      postmasterPid = Number(readFileSync(join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      // not Linux's /proc, or not the embedded server: no PostgreSQL CPU figures
    }
    try {
      const runtime = await createRuntime(config, handle.url, { log });
      try {
        await migrate(runtime.ctx.db);
        const rss0 = process.memoryUsage.rss();
        process.stdout.write(`RSS before importing: ${(rss0 / MiB).toFixed(0)} MiB\n`);

        const a = await phase('import, validator off', () =>
          importAdvisories(runtime.ctx, system, csafDir, { batchSize: BATCH, validate: false }),
        );
        const r = a.result;
        process.stdout.write(
          `  ${r.done} files: imported ${r.imported}, unchanged ${r.unchanged}, failed ${r.failed} — ` +
            `${(r.done / a.seconds).toFixed(0)} advisories/s\n`,
        );
        if (r.failed > 0)
          process.stdout.write(`  first failures: ${JSON.stringify(r.failures.slice(0, 3))}\n`);
        await printWal(runtime.ctx.db);

        sample = SAMPLE < COUNT ? sampleFolder(csafDir, SAMPLE) : null;
        const folder = sample ?? csafDir;
        const b = await phase(`re-import of ${SAMPLE} (all unchanged), validator off`, () =>
          importAdvisories(runtime.ctx, system, folder, { batchSize: BATCH, validate: false }),
        );
        // loading the validator's modules takes seconds once per thread: not part of the per-document cost. A
        // sample of one batch is prepared in this thread; a larger one in the import's preparing worker, which
        // loads them again (~2 s of the figure below)
        await phase('loading the CSAF validator (in this thread)', () => validateCsafHere({}));
        const c = await phase(`re-import of ${SAMPLE} (all unchanged), validator on`, () =>
          importAdvisories(runtime.ctx, system, folder, { batchSize: BATCH, validate: true }),
        );
        process.stdout.write(
          `  unchanged ${c.result.unchanged}, failed ${c.result.failed}; validator cost ` +
            `${(((c.cpu - b.cpu) / SAMPLE) * 1000).toFixed(2)} ms of CPU per document ` +
            `(→ ${(((c.cpu - b.cpu) / SAMPLE) * COUNT).toFixed(0)} s of CPU for ${COUNT})\n`,
        );
        if (c.result.failed > 0) {
          process.stdout.write(`  validator failures: ${JSON.stringify(c.result.failures.slice(0, 3))}\n`);
        }
        const size = await sql<{ db: string; adv: string }>`
          select pg_size_pretty(pg_database_size(current_database())) as db,
                 pg_size_pretty(pg_total_relation_size('public_advisories')) as adv`.execute(runtime.ctx.db);
        process.stdout.write(
          `database ${size.rows[0]!.db} (public_advisories with indexes and TOAST ${size.rows[0]!.adv})\n`,
        );
        return r.failed > 0 ? 1 : 0;
      } finally {
        await runtime.close();
      }
    } finally {
      await handle.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (sample) rmSync(sample, { recursive: true, force: true });
    if (!given) rmSync(csafDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
