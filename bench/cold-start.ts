// Time from `npm start` to the first 200 on /healthz: cold (an empty data folder: initdb, migrations, demo
// seed) and warm (the same folder again). After each start the whole process group gets SIGINT, as a Ctrl-C
// in a terminal would, and the bench checks that everything exits and no PostgreSQL is left on the folder.
//
//   node --import tsx bench/cold-start.ts           (BENCH_ROUNDS=3 by default)
//
// `npm start` includes `npm run build` (an incremental tsc), so the figures are what a person typing the
// command waits for, not the server's own start-up alone: the last lines split the two.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/platform/db/embedded.js';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const START_LIMIT_MS = 180_000;
const STOP_LIMIT_MS = 30_000;

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startKeikai(command: string[], dataDir: string, port: number): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KEIKAI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    KEIKAI_LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
  // the embedded database, not whatever the caller's shell points at
  delete env.DATABASE_URL;
  delete env.KEIKAI_SECRET;
  // its own process group, so one signal reaches npm, the shell and node together (as a terminal's Ctrl-C does)
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => {
    out += c;
  });
  child.stderr!.on('data', (c) => {
    out += c;
  });
  return { child, output: () => out };
}

async function firstOk(port: number, started: Started, t0: number): Promise<number> {
  const url = `http://127.0.0.1:${port}/healthz`;
  while (performance.now() - t0 < START_LIMIT_MS) {
    if (started.child.exitCode !== null) {
      throw new Error(`keikai exited (${started.child.exitCode}) before answering:\n${started.output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no 200 from ${url} within ${START_LIMIT_MS / 1000} s:\n${started.output()}`);
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes whose command line mentions the data folder (PostgreSQL runs in a process group of its own). */
function processesUsing(dataDir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (cmd.includes(dataDir)) found.push(`${pid}: ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** SIGINT to the group; waits until every process in it and every PostgreSQL on the folder has exited. */
async function interrupt(started: Started, dataDir: string): Promise<number> {
  const pgid = started.child.pid!;
  const t0 = performance.now();
  process.kill(-pgid, 'SIGINT');
  while (groupAlive(pgid) || processesUsing(dataDir).length > 0) {
    if (performance.now() - t0 > STOP_LIMIT_MS) {
      const left = processesUsing(dataDir);
      if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
      throw new Error(
        `still running ${STOP_LIMIT_MS / 1000} s after SIGINT: ${left.join('; ') || `process group ${pgid}`}\n${started.output()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  if (existsSync(join(dataDir, 'pgdata', 'postmaster.pid'))) {
    throw new Error('PostgreSQL left postmaster.pid behind: it did not shut down cleanly');
  }
  return performance.now() - t0;
}

async function once(command: string[], dataDir: string): Promise<{ start: number; stop: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const started = startKeikai(command, dataDir, port);
  try {
    const start = await firstOk(port, started, t0);
    const stop = await interrupt(started, dataDir);
    return { start, stop };
  } catch (err) {
    if (started.child.pid && groupAlive(started.child.pid)) process.kill(-started.child.pid, 'SIGKILL');
    throw err;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function row(label: string, runs: { start: number; stop: number }[]): string {
  const starts = runs.map((r) => (r.start / 1000).toFixed(2)).join(', ');
  const stops = runs.map((r) => (r.stop / 1000).toFixed(2)).join(', ');
  return (
    `${label.padEnd(34)} median ${(median(runs.map((r) => r.start)) / 1000).toFixed(2)} s to first 200 ` +
    `(runs: ${starts}); SIGINT to all exited: median ${(median(runs.map((r) => r.stop)) / 1000).toFixed(2)} s (${stops})\n`
  );
}

async function main(): Promise<number> {
  process.stdout.write(
    `keikai start-up bench — ${new Date().toISOString()}, Node ${process.versions.node}, ` +
      `${availableParallelism()} cores, ${ROUNDS} rounds, load average before: ${loadavg()[0]!.toFixed(2)}\n`,
  );
  // the first `npm start` may have to build; build once up front so every round measures the same thing
  await new Promise<void>((resolveFn, reject) => {
    const b = spawn('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    b.on('close', (code) => (code === 0 ? resolveFn() : reject(new Error(`npm run build failed (${code})`))));
  });

  const npmStart = ['npm', 'start', '--silent'];
  const direct = [join(ROOT, 'node_modules', '.bin', 'node'), 'dist/cli.js', 'serve'];
  const cold: { start: number; stop: number }[] = [];
  const warm: { start: number; stop: number }[] = [];
  const warmDirect: { start: number; stop: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'keikai-coldstart-'));
    try {
      cold.push(await once(npmStart, dataDir));
      warm.push(await once(npmStart, dataDir));
      warmDirect.push(await once(direct, dataDir));
      const left = processesUsing(dataDir);
      if (left.length) throw new Error(`left running: ${left.join('; ')}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  process.stdout.write(row('cold `npm start` (empty data dir)', cold));
  process.stdout.write(row('warm `npm start` (existing data)', warm));
  process.stdout.write(row('warm `node dist/cli.js serve`', warmDirect));
  process.stdout.write('every run exited on SIGINT and left no PostgreSQL running\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
