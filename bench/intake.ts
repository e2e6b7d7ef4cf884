// Report submissions per second through the JSON intake, POST /api/v1/reports, on the embedded database:
//   a. a software report, no attachment         at c=10 and c=50
//   b. the same with one 1 MiB attachment       at c=4 and c=10
//      (random bytes named poc.bin, base64 in the JSON body: ~1.4 MB on the wire)
// each for ~8 s after a 2 s warm-up that is thrown away. Every request body is a distinct report (its
// description is numbered; each attachment starts with its own random bytes). Every response must be a 201.
// Afterwards the tracking numbers are checked: unique and gap-free over every submission of the run, and
// every number a client was given is in the database.
//
//   node --import tsx bench/intake.ts               (from an npm script, or ./node_modules/.bin/node: Node 24)
//   BENCH_ONLY=b10 BENCH_DURATION=20 node --import tsx bench/intake.ts
//
// The app runs as in bench/http.ts: in-process, production mode, an embedded PostgreSQL in a temporary folder,
// migrations, the job worker, requests logged at `info` to /dev/null; KEIKAI_INTAKE_RATE_PER_HOUR is set out of
// reach (the limiter still runs: one upsert per request). The reports give a finder's name but no e-mail
// address, so no receipt mail is enqueued: with an address every submission would also write a mail_messages
// row and a pg-boss job in its transaction, and the in-process worker would then process each job while the
// load runs, which measures the mail outbox rather than intake.
//
// The load comes from autocannon in a separate process (this file, run with `--load`), which also builds the
// bodies, so neither their memory nor their CPU is counted as the server's. Bounded: every run has a fixed
// duration and a hard kill after it.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 2);
const ATTACHMENT_BYTES = Number(process.env.BENCH_ATTACHMENT_BYTES ?? 1024 * 1024);
const PATH = '/api/v1/reports';

interface Scenario {
  id: string;
  label: string;
  connections: number;
  attachmentBytes: number;
}

const SCENARIOS: Scenario[] = [
  { id: 'a10', label: 'no attachment', connections: 10, attachmentBytes: 0 },
  { id: 'a50', label: 'no attachment', connections: 50, attachmentBytes: 0 },
  { id: 'b4', label: '1 MiB poc.bin', connections: 4, attachmentBytes: ATTACHMENT_BYTES },
  { id: 'b10', label: '1 MiB poc.bin', connections: 10, attachmentBytes: ATTACHMENT_BYTES },
].filter((s) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(s.id));

// ───────────────────────────── the load generator (child process) ─────────────────────────────

interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  attachmentBytes: number;
  tag: string;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  trackingNumbers: string[];
  /** CPU of the load generator while the load ran, and over its whole life (start-up included) */
  cpuMs: number;
  processCpuMs: number;
}

const DESCRIPTION = [
  'ルーターの管理画面 (/cgi-bin/ping) で、ホスト名の欄に入力した文字列がシェルに渡されるため、',
  '認証済みの利用者が任意の OS コマンドを root 権限で実行できます。',
  'The diagnostics page passes the "host" field of POST /cgi-bin/ping to /bin/sh -c without quoting, so a',
  'value such as "127.0.0.1;id" runs id as root. Any account that can reach the admin interface can use it,',
  'and the default credentials are printed on the device, so on many networks this is effectively',
  'unauthenticated. Firmware 2.1.4 and 2.3.0 are affected; 1.x does not have the diagnostics page.',
  '影響: 設定の改ざん、通信の盗聴、他の機器への攻撃の踏み台。',
].join('\n');

/** A distinct report per call: numbered, with the attachment's first 9 bytes random (9 = 3·3, so base64 joins). */
function bodyMaker(opts: LoadOptions): () => string {
  let n = 0;
  const tail = opts.attachmentBytes > 0 ? randomBytes(opts.attachmentBytes - 9).toString('base64') : '';
  return () => {
    n += 1;
    const json = JSON.stringify({
      track: 'software',
      productName: 'Example Router RX-100',
      developerName: 'Example Networks',
      versions: '2.1.4, 2.3.0',
      description: `[bench ${opts.tag} #${n}]\n${DESCRIPTION}`,
      steps: `1. Log in as admin.\n2. POST /cgi-bin/ping with host=127.0.0.1;id (request ${n}).\n3. Read uid=0.`,
      impact: 'Remote code execution as root.',
      finder: { name: 'Bench Finder' },
      consent: { identityToCoordinator: true },
      attestLawful: true,
    });
    if (!tail) return json;
    const b64 = `${randomBytes(9).toString('base64')}${tail}`;
    return `${json.slice(0, -1)},"attachments":[{"filename":"poc.bin","contentBase64":"${b64}"}]}`;
  };
}

type Autocannon = (
  opts: Record<string, unknown>,
  cb: (err: Error | null, result: Record<string, unknown>) => void,
) => unknown;

async function load(opts: LoadOptions): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const next = bodyMaker(opts);
  const trackingNumbers: string[] = [];
  const cpu0 = process.cpuUsage();
  const r = await new Promise<Record<string, unknown>>((resolveFn, reject) => {
    autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.seconds,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: PATH,
            headers: { 'content-type': 'application/json' },
            setupRequest: (req: Record<string, unknown>) => ({ ...req, body: next() }),
            onResponse: (status: number, body: string) => {
              if (status === 201)
                trackingNumbers.push((JSON.parse(body) as { trackingNumber: string }).trackingNumber);
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolveFn(result)),
    );
  });
  const cpu = process.cpuUsage(cpu0);
  const res = r as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    statusCodeStats: Record<string, { count: number }>;
    errors: number;
    timeouts: number;
  };
  return {
    rps: res.requests.average,
    p50: res.latency.p50,
    p99: res.latency.p99,
    requests: res.requests.total,
    statuses: Object.fromEntries(Object.entries(res.statusCodeStats).map(([k, v]) => [k, v.count])),
    errors: res.errors,
    timeouts: res.timeouts,
    trackingNumbers,
    cpuMs: (cpu.user + cpu.system) / 1000,
    processCpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  };
}

/** Runs the load generator (this file with --load) in its own process; killed if it overruns. */
function runLoad(opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolveFn, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--load', JSON.stringify(opts)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      err += c;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), (opts.seconds + 60) * 1000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`load generator failed (${code ?? signal}): ${err.slice(-1000)}`));
        return;
      }
      resolveFn(JSON.parse(line) as LoadResult);
    });
  });
}

// ───────────────────────────── what the server side costs ─────────────────────────────

/** utime+stime of a /proc/<pid>/stat, plus the children it has waited for, in ms (USER_HZ = 100 on Linux). */
function procCpuMs(pid: number, withChildren: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    return ticks * 10;
  } catch {
    return 0;
  }
}

/** CPU of the postmaster and of every live backend and helper it started. */
function postgresCpuMs(pgdata: string): number {
  const postmaster = Number(readFileSync(join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = procCpuMs(postmaster, true);
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) total += procCpuMs(Number(pid), false);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Busy CPU of the whole machine (all processes, ours and the neighbours'), in ms, from /proc/stat. */
function machineBusyMs(): { busy: number; steal: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = f as number[];
  return { busy: (user! + nice! + system! + irq! + softirq!) * 10, steal: (steal ?? 0) * 10 };
}

interface DbState {
  reports: number;
  attachments: number;
  reportsBytes: number;
  attachmentsBytes: number;
  dbBytes: number;
  walBytes: bigint;
}

type AnyDb = Kysely<unknown>;

async function dbState(db: AnyDb): Promise<DbState> {
  const { sql } = await import('kysely');
  const r = await sql<{
    reports: number;
    attachments: number;
    reports_bytes: string;
    attachments_bytes: string;
    db_bytes: string;
    lsn: string;
  }>`select (select count(*) from reports)::int as reports,
            (select count(*) from report_attachments)::int as attachments,
            pg_total_relation_size('reports') as reports_bytes,
            pg_total_relation_size('report_attachments') as attachments_bytes,
            pg_database_size(current_database()) as db_bytes,
            pg_current_wal_lsn()::text as lsn`.execute(db);
  const row = r.rows[0]!;
  const [hi, lo] = row.lsn.split('/') as [string, string];
  return {
    reports: row.reports,
    attachments: row.attachments,
    reportsBytes: Number(row.reports_bytes),
    attachmentsBytes: Number(row.attachments_bytes),
    dbBytes: Number(row.db_bytes),
    walBytes: (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`),
  };
}

/** Waits until requests still in the server when the load stopped have finished (the count stops moving). */
async function settle(db: AnyDb): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const now = (await dbState(db)).reports;
    if (now === last) return;
    last = now;
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * What the app's database sessions are doing, sampled every 100 ms on a connection of its own: running, waiting
 * for a lock (named by the table its statement writes: id_counters is the tracking-number counter row, audit_log
 * the audit chain, rate_limits the limiter's row), idle in a transaction (waiting for Node's next statement
 * while holding what it has locked), or idle (in the pool, or checked out while Node works).
 */
async function sampleSessions(
  url: string,
): Promise<() => Promise<{ samples: number; avg: [string, number][] }>> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, application_name: 'keikai-bench' });
  await client.connect();
  const sums = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const r = await client.query<{ what: string; n: number }>(
        `select case when state = 'active' and wait_event_type is null then 'running'
                     when state = 'active' and wait_event_type = 'Lock' then 'waiting for a lock ('
                       || coalesce(substring(query from '(?:into|update|from)[[:space:]]+"?([a-z_]+)'), '?') || ')'
                     when state = 'active' then wait_event_type || ':' || wait_event
                     else coalesce(state, '?') end as what, count(*)::int as n
           from pg_stat_activity where application_name = 'keikai' group by 1`,
      );
      samples += 1;
      for (const { what, n } of r.rows) sums.set(what, (sums.get(what) ?? 0) + n);
      await new Promise((res) => setTimeout(res, 100));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await client.end();
    const avg = [...sums].map(([k, v]) => [k, v / Math.max(1, samples)] as [string, number]);
    return { samples, avg: avg.sort((a, b) => b[1] - a[1]) };
  };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

interface Measured {
  scenario: Scenario;
  load: LoadResult;
  warmup: LoadResult;
}

async function scenario(
  s: Scenario,
  base: string,
  db: AnyDb,
  pgdata: string,
  dbUrl: string,
): Promise<{ measured: Measured; ok: boolean }> {
  const tag = `${s.id}-${randomBytes(3).toString('hex')}`;
  const warmup = await runLoad({
    url: base,
    connections: s.connections,
    seconds: WARMUP_S,
    attachmentBytes: s.attachmentBytes,
    tag: `${tag}-warm`,
  });
  await settle(db);
  const before = await dbState(db);
  const rss0 = process.memoryUsage().rss;
  const node0 = process.cpuUsage();
  const pg0 = postgresCpuMs(pgdata);
  const machine0 = machineBusyMs();
  const load0 = loadavg()[0]!;
  const t0 = performance.now();
  const stopSampling = await sampleSessions(dbUrl);
  const load = await runLoad({
    url: base,
    connections: s.connections,
    seconds: DURATION_S,
    attachmentBytes: s.attachmentBytes,
    tag,
  });
  const sessions = await stopSampling();
  await settle(db);
  const wall = performance.now() - t0;
  const load1 = loadavg()[0]!;
  const nodeCpu = process.cpuUsage(node0);
  const nodeMs = (nodeCpu.user + nodeCpu.system) / 1000;
  const pgMs = postgresCpuMs(pgdata) - pg0;
  const machine1 = machineBusyMs();
  const after = await dbState(db);
  const mem1 = process.memoryUsage();
  const rss1 = mem1.rss;

  const added = after.reports - before.reports;
  const addedAtt = after.attachments - before.attachments;
  const ok201 = load.statuses['201'] ?? 0;
  const other = Object.entries(load.statuses).filter(([k]) => k !== '201');
  const othersMs = machine1.busy - machine0.busy - nodeMs - pgMs - load.processCpuMs;
  const per = (ms: number) => (added ? (ms / added).toFixed(2) : '—');
  const out = process.stdout;
  out.write(
    `\n${s.id.padEnd(4)} ${s.label}, c=${s.connections}: ${load.rps.toFixed(1)} req/s   p50 ${load.p50} ms   ` +
      `p99 ${load.p99} ms   (${ok201} × 201${other.map(([k, v]) => `, ${v} × ${k}`).join('')}, ` +
      `${load.errors} errors, ${load.timeouts} timeouts; warm-up ${warmup.rps.toFixed(1)} req/s)\n`,
  );
  out.write(
    `     database: reports +${added} (${mb(after.reportsBytes - before.reportsBytes)}, ` +
      `${added ? kb((after.reportsBytes - before.reportsBytes) / added) : '—'} each), report_attachments +${addedAtt} ` +
      `(${mb(after.attachmentsBytes - before.attachmentsBytes)}), whole database ${mb(before.dbBytes)} → ` +
      `${mb(after.dbBytes)}, WAL written ${mb(Number(after.walBytes - before.walBytes))}\n`,
  );
  out.write(
    `     CPU per report: node ${per(nodeMs)} ms, postgres ${per(pgMs)} ms, load generator ` +
      `${per(load.cpuMs)} ms; over ${(wall / 1000).toFixed(1)} s: node ${(nodeMs / wall).toFixed(2)}, ` +
      `postgres ${(pgMs / wall).toFixed(2)}, load ${(load.cpuMs / wall).toFixed(2)}, others ` +
      `${(Math.max(0, othersMs) / wall).toFixed(2)} cores (steal ${((machine1.steal - machine0.steal) / wall).toFixed(2)})\n`,
  );
  out.write(
    `     database sessions (mean of ${sessions.samples} samples): ${sessions.avg
      .filter(([, n]) => n >= 0.05)
      .map(([k, n]) => `${k} ${n.toFixed(1)}`)
      .join(', ')}\n`,
  );
  out.write(
    `     server RSS ${mb(rss0)} → ${mb(rss1)} (peak so far ${mb(process.resourceUsage().maxRSS * 1024)}; ` +
      `JS heap ${mb(mem1.heapUsed)}, buffers ${mb(mem1.arrayBuffers)}); ` +
      `load average ${load0.toFixed(2)} → ${load1.toFixed(2)}\n`,
  );
  const failed =
    other.length > 0 ||
    load.errors > 0 ||
    load.timeouts > 0 ||
    ok201 === 0 ||
    (warmup.statuses['201'] ?? 0) !== warmup.requests ||
    warmup.errors > 0 ||
    warmup.timeouts > 0;
  if (failed) out.write(`     FAILED: not every response was a 201\n`);
  const attachmentsOk = s.attachmentBytes > 0 ? addedAtt === added : addedAtt === 0;
  if (!attachmentsOk) out.write(`     FAILED: ${added} reports but ${addedAtt} attachments\n`);
  return { measured: { scenario: s, load, warmup }, ok: !failed && attachmentsOk };
}

/** Tracking numbers: unique, gap-free from 1, the counter at the last one, every client's number stored. */
async function checkTrackingNumbers(db: AnyDb, runs: Measured[]): Promise<boolean> {
  const { sql } = await import('kysely');
  const r = await sql<{ n: number; distinct_n: number; min: string; max: string; counter: string }>`
    select count(*)::int as n, count(distinct tracking_number)::int as distinct_n,
           min(substring(tracking_number from '([0-9]+)$')::bigint)::text as min,
           max(substring(tracking_number from '([0-9]+)$')::bigint)::text as max,
           (select max(last_value) from id_counters)::text as counter
      from reports`.execute(db);
  const row = r.rows[0]!;
  const given = runs.flatMap((m) => [...m.warmup.trackingNumbers, ...m.load.trackingNumbers]);
  const givenDistinct = new Set(given).size;
  const stored = await sql<{ n: number }>`
    select count(*)::int as n from reports where tracking_number = any(${given})`.execute(db);
  const inFlight = runs.reduce((n, m) => n + 2 * m.scenario.connections, 0);
  const gapFree = row.n === row.distinct_n && Number(row.min) === 1 && Number(row.max) === row.n;
  const ok =
    gapFree &&
    Number(row.counter) === row.n &&
    givenDistinct === given.length &&
    stored.rows[0]!.n === given.length &&
    row.n >= given.length &&
    row.n - given.length <= inFlight;
  process.stdout.write(
    `\ntracking numbers: ${row.n} reports, ${row.distinct_n} distinct, numbers ${row.min}–${row.max}, ` +
      `counter at ${row.counter} → ${gapFree ? 'unique and gap-free' : 'NOT unique and gap-free'}; ` +
      `clients were given ${given.length} (${givenDistinct} distinct), ${stored.rows[0]!.n} of them stored; ` +
      `${row.n - given.length} more were stored for requests still in flight when a run stopped (at most ${inFlight})` +
      `${ok ? '' : '\nFAILED: the tracking numbers do not add up'}\n`,
  );
  return ok;
}

// ───────────────────────────── phases: one submission's steps, timed alone ─────────────────────────────

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt(n: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Each CPU step of a submission alone, then the whole use case (no HTTP) one at a time, then a bare commit. */
async function phases(ctx: import('../src/platform/context.js').AppContext): Promise<void> {
  const { z } = await import('zod');
  const { sql } = await import('kysely');
  const { sniffAttachment } = await import('../src/features/intake/attachment-type.js');
  const { sealAttachment, sealBody, sealIdentity, similarityText, similarityVector } = await import(
    '../src/features/intake/report-sealing.js'
  );
  const { reportSchema } = await import('../src/features/intake/report-input.js');
  const { documentTokens } = await import('../src/domain/search-tokens.js');
  const { submitReport } = await import('../src/features/intake/submit-report.js');
  const make = bodyMaker({
    url: '',
    connections: 1,
    seconds: 0,
    attachmentBytes: ATTACHMENT_BYTES,
    tag: 'phase',
  });
  const text = bodyMaker({ url: '', connections: 1, seconds: 0, attachmentBytes: 0, tag: 'phase' });
  const raw = make();
  const parsed = JSON.parse(raw) as { attachments: { contentBase64: string }[] } & Record<string, unknown>;
  const b64 = parsed.attachments[0]!.contentBase64;
  const data = Buffer.from(b64, 'base64');
  const { attachments: _a, ...fields } = parsed;
  const input = reportSchema.parse({ ...fields, locale: 'ja' });
  const body = { ...input, finder: undefined, consent: undefined };
  const box = ctx.secrets;
  const N = 30;
  const rows: [string, number][] = [
    [`JSON.parse of the ${mb(raw.length)} body`, await timeIt(N, () => JSON.parse(raw))],
    ['zod z.base64() on the attachment string', await timeIt(N, () => z.base64().parse(b64))],
    [
      'zod report schema (text fields)',
      await timeIt(N, () => reportSchema.parse({ ...fields, locale: 'ja' })),
    ],
    ['Buffer.from(base64) → 1 MiB', await timeIt(N, () => Buffer.from(b64, 'base64'))],
    ['sniffAttachment (file-type + UTF-8 check)', await timeIt(N, () => sniffAttachment('poc.bin', data))],
    ['SHA-256 of the attachment', await timeIt(N, () => createHash('sha256').update(data).digest('hex'))],
    ['AES-256-GCM seal of the attachment', await timeIt(N, () => sealAttachment(box, 'x', data))],
    [
      'seal body + identity (AES-256-GCM)',
      await timeIt(N, () => {
        sealBody(box, 'x', body as never);
        sealIdentity(box, 'x', input.finder);
      }),
    ],
    [
      `similarity index: ${new Set(documentTokens(similarityText(body as never))).size} tokens, an HMAC each`,
      await timeIt(N, () => similarityVector(box, similarityText(body as never))),
    ],
  ];
  const anonymous = { kind: 'anonymous' } as const;
  const textInput = reportSchema.parse({ ...JSON.parse(text()), locale: 'ja' });
  rows.push([
    'submitReport, no attachment, one at a time',
    await timeIt(N, () => submitReport(ctx, anonymous, textInput, { source: 'api', ip: '127.0.0.2' })),
  ]);
  rows.push([
    'submitReport, 1 MiB attachment, one at a time',
    await timeIt(N, () =>
      submitReport(ctx, anonymous, input, {
        source: 'api',
        ip: '127.0.0.2',
        attachments: [{ filename: 'poc.bin', data }],
      }),
    ),
  ]);
  rows.push([
    'a bare write transaction (xid + commit: the WAL flush)',
    await timeIt(N, () =>
      ctx.db.transaction().execute((trx) => sql`select pg_current_xact_id()`.execute(trx)),
    ),
  ]);
  process.stdout.write(`\nphases, alone and one at a time (median of ${N}):\n`);
  for (const [label, ms] of rows)
    process.stdout.write(`  ${label.padEnd(56)} ${ms.toFixed(2).padStart(7)} ms\n`);
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<number> {
  // the app is imported here, not at the top, so the load generator (this file with --load) does not load it
  const pino = (await import('pino')).default;
  const { createRuntime, createServer } = await import('../src/app.js');
  const { loadConfig } = await import('../src/config.js');
  const { connectDatabase } = await import('../src/platform/db/connect.js');
  const { migrate } = await import('../src/platform/db/database.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'keikai-bench-intake-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    KEIKAI_DATA_DIR: dataDir,
    KEIKAI_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    KEIKAI_LOG_LEVEL: 'info',
    KEIKAI_DEMO: 'false',
    KEIKAI_INTAKE_RATE_PER_HOUR: '1000000000',
    PORT: '0',
  });
  const log = pino({ level: 'info' }, pino.destination('/dev/null'));
  const handle = await connectDatabase(config, () => {});
  try {
    const runtime = await createRuntime(config, handle.url, { log });
    await migrate(runtime.ctx.db);
    await runtime.jobs.start();
    await runtime.jobs.work();
    const app = await createServer(runtime);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const db = runtime.ctx.db as unknown as AnyDb;
    const pgdata = join(dataDir, 'pgdata');
    try {
      process.stdout.write(
        `keikai intake bench — ${new Date().toISOString()}, Node ${process.versions.node}, ` +
          `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), POST ${PATH}, ` +
          `${DURATION_S} s after ${WARMUP_S} s warm-up, loopback, load average before: ` +
          `${loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}; server RSS ${mb(process.memoryUsage().rss)}\n`,
      );
      if (Number(process.versions.node.split('.')[0]) < 24) {
        process.stdout.write(`note: keikai targets Node 24; run this with ./node_modules/.bin/node\n`);
      }
      const runs: Measured[] = [];
      let ok = true;
      for (const s of SCENARIOS) {
        const r = await scenario(s, base, db, pgdata, handle.url);
        runs.push(r.measured);
        ok &&= r.ok;
      }
      ok = (await checkTrackingNumbers(db, runs)) && ok;
      if (process.env.BENCH_PHASES !== '0') await phases(runtime.ctx);
      process.stdout.write(ok ? '\nevery response was a 201\n' : '\nFAILED\n');
      return ok ? 0 : 1;
    } finally {
      await app.close();
      await runtime.close();
    }
  } finally {
    await handle.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--load') {
  load(JSON.parse(process.argv[3]!) as LoadOptions).then(
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
