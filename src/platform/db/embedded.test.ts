import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded.js';

const varDir = join(import.meta.dirname, '..', '..', '..', 'var');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every process (postmaster and its backends) whose command line names `pgdata`. */
function processesServing(pgdata: string): number[] {
  if (!existsSync('/proc')) return [];
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.includes(pgdata)) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

function postmasterPid(pgdata: string): number {
  return Number(readFileSync(join(pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function query<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

describe('the embedded PostgreSQL', () => {
  let dataDir: string;
  let pgdata: string;
  const started: EmbeddedServer[] = [];
  const start = async () => {
    const s = await startEmbeddedPostgres(dataDir, { database: 'keikai_embedded_test' });
    started.push(s);
    return s;
  };

  before(() => {
    dataDir = mkdtempSync(join(varDir, 'embedded-test-'));
    pgdata = join(dataDir, 'pgdata');
  });
  after(async () => {
    for (const s of started) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh data folder, on loopback only, on a port other than 5432', async () => {
    const s = await start();
    assert.notEqual(s.port, 5432);
    const u = new URL(s.url);
    assert.equal(u.hostname, '127.0.0.1');
    assert.equal(u.pathname, '/keikai_embedded_test');
    assert.equal(new URL(s.adminUrl).pathname, '/postgres');
    const [settings] = await query<{ listen: string; sockets: string; port: string }>(
      s.url,
      `select current_setting('listen_addresses') as listen,
              current_setting('unix_socket_directories') as sockets,
              current_setting('port') as port`,
    );
    assert.equal(settings!.listen, '127.0.0.1');
    assert.equal(settings!.sockets, '', 'no Unix socket either');
    assert.equal(Number(settings!.port), s.port);
    await query(s.url, 'create table kept_across_restarts (note text)');
    await query(s.url, `insert into kept_across_restarts values ('first run')`);
  });

  it('keeps its generated password in a file only its owner can read', () => {
    const cred = join(dataDir, 'postgres.json');
    assert.equal(statSync(cred).mode & 0o777, 0o600);
    const { password } = JSON.parse(readFileSync(cred, 'utf8')) as { password: string };
    assert.ok(password.length >= 24);
    assert.equal(decodeURIComponent(new URL(started[0]!.url).password), password);
  });

  it('leaves no PostgreSQL process behind when stopped', async () => {
    const s = started[0]!;
    const pid = postmasterPid(pgdata);
    assert.ok(alive(pid));
    assert.ok(processesServing(pgdata).includes(pid), 'the postmaster is found by its command line');
    await s.stop();
    assert.equal(alive(pid), false);
    assert.deepEqual(processesServing(pgdata), []);
    await s.stop(); // stopping twice is harmless
  });

  it('reuses the data of the previous run on the next start', async () => {
    const s = await start();
    const rows = await query<{ note: string }>(s.url, 'select note from kept_across_restarts');
    assert.deepEqual(rows, [{ note: 'first run' }]);
    assert.equal(
      new URL(s.url).password,
      new URL(started[0]!.url).password,
      'the same credentials as the first run',
    );
  });

  it('stops a server orphaned by an earlier run and starts afresh', async () => {
    // the previous test's server is still running: as if its process had been killed without stopping it
    const orphan = postmasterPid(pgdata);
    assert.ok(alive(orphan));
    const s = await start();
    assert.equal(alive(orphan), false, 'the orphan was stopped');
    assert.notEqual(postmasterPid(pgdata), orphan);
    const rows = await query<{ note: string }>(s.url, 'select note from kept_across_restarts');
    assert.equal(rows.length, 1);
    await s.stop();
    assert.deepEqual(processesServing(pgdata), []);
  });

  it('never signals an unrelated process whose id a stale postmaster.pid happens to name', async () => {
    // after a crash and a reboot, the old server's pid can belong to some other process
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const pid = bystander.pid!;
      // the last run stopped cleanly and removed its pid file: write a stale one as a crash would leave it
      assert.equal(existsSync(join(pgdata, 'postmaster.pid')), false, 'no pid file after a clean stop');
      writeFileSync(join(pgdata, 'postmaster.pid'), `${pid}\n${pgdata}\n0\n0\n\n127.0.0.1\n0 0\nready\n`);
      const s = await start().catch((err: unknown) => err);
      assert.ok(alive(pid), 'the unrelated process was left alone');
      // PostgreSQL itself decides whether the pid file is stale; either way nothing else was harmed
      if (!(s instanceof Error)) await (s as EmbeddedServer).stop();
    } finally {
      bystander.kill('SIGKILL');
    }
  });
});
