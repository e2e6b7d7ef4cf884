// The database handle: one pg pool under Kysely, and the migrator over the SQL files beside this module.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import pg from 'pg';
import type { DB } from './schema.js';

export type Database = Kysely<DB>;

// timestamptz and bigint come back as Date and string; int8 counts we convert where we read them.
export function createDatabase(url: string, opts: { max?: number } = {}): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: 'keikai',
    // Connections are kept, not closed after 10 s idle (pg's default): a PostgreSQL backend that has served
    // queries holds its catalogue caches and has mapped the shared buffers it touched, and a new one pays for
    // both again — on the bench's virtual machine a page fault per 4 KB of shared memory, ~25 µs for each buffer
    // a search reads (bench/README.md). allowExitOnIdle: idle connections never keep a command's process alive.
    idleTimeoutMillis: 0,
    allowExitOnIdle: true,
    keepAlive: true,
  });
  pool.on('error', () => {
    // idle client errors (server restart) surface on the next query; never crash the process here
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}

/** Package root: this file is three levels down both as src/platform/db/*.ts and dist/platform/db/*.js. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
export const migrationsDir = join(root, 'src', 'platform', 'db', 'migrations');

class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(join(migrationsDir, file), 'utf8');
      out[file.replace(/\.sql$/, '')] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return out;
  }
}

export async function migrate(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function checkServerVersion(db: Database): Promise<number> {
  const r = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  const num = Number(r.rows[0]?.v ?? 0);
  if (num < 150000) throw new Error(`PostgreSQL 15 or newer is required (this server is ${num}).`);
  return num;
}
