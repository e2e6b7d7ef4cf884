// `npm test`: the whole suite on a fresh PostgreSQL. Starts an embedded server in a temporary folder (or uses
// KEIKAI_TEST_ADMIN_URL, e.g. the machine's own PostgreSQL in CI), migrates a template database once, and runs
// node:test; each test file clones the template into a database of its own.
//   npm test                      every test
//   npm test -- src/x.test.ts     some files
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { createRuntime } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { migrate } from '../src/platform/db/database.js';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/platform/db/embedded.js';

const TEMPLATE = `keikai_template_${process.pid}`;

async function main(): Promise<number> {
  const root = join(import.meta.dirname, '..');
  let embedded: EmbeddedServer | null = null;
  let tmp: string | null = null;
  let adminUrl = process.env.KEIKAI_TEST_ADMIN_URL;
  if (!adminUrl) {
    mkdirSync(join(root, 'var'), { recursive: true }); // a fresh clone has no var/ yet
    tmp = mkdtempSync(join(root, 'var', 'test-'));
    embedded = await startEmbeddedPostgres(tmp, { database: 'postgres' });
    adminUrl = embedded.adminUrl;
  }
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const version = (await admin.query('show server_version')).rows[0].server_version;
    await admin.query(`drop database if exists ${TEMPLATE}`);
    await admin.query(`create database ${TEMPLATE}`);
    const templateUrl = withDatabase(adminUrl, TEMPLATE);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: templateUrl,
      KEIKAI_SECRET: 'x'.repeat(40),
      KEIKAI_LOG_LEVEL: 'silent',
    });
    const runtime = await createRuntime(config, templateUrl, { poolMax: 2 });
    await migrate(runtime.ctx.db);
    await runtime.jobs.start(); // installs pg-boss's schema and queues once, for every clone
    await runtime.close();
    process.stdout.write(
      `test database: PostgreSQL ${version}${embedded ? ' (embedded)' : ''}, template ${TEMPLATE}\n`,
    );

    const args = process.argv.slice(2);
    const files = args.length
      ? args
      : (
          await Array.fromAsync(
            glob(['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.test.ts'], { cwd: root }),
          )
        ).sort();
    const code = await new Promise<number>((resolveFn) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=120000', ...files],
        {
          cwd: root,
          stdio: 'inherit',
          env: {
            ...process.env,
            KEIKAI_TEST_ADMIN_URL: adminUrl,
            KEIKAI_TEST_TEMPLATE: TEMPLATE,
            NODE_ENV: 'test',
          },
        },
      );
      child.on('close', (c) => resolveFn(c ?? 1));
    });
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname like 'keikai_t_%' and pid <> pg_backend_pid()`,
    );
    const leftovers = await admin.query(`select datname from pg_database where datname like $1`, [
      `keikai_t_${process.pid}_%`,
    ]);
    for (const r of leftovers.rows) await admin.query(`drop database if exists "${r.datname}"`);
    await admin.query(`drop database if exists ${TEMPLATE}`);
    await admin.end();
    return code;
  } finally {
    await embedded?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
