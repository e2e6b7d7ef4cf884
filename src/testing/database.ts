// A fresh database per test file, cloned from the migrated template that scripts/test.ts prepared.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.KEIKAI_TEST_ADMIN_URL;
  const template = process.env.KEIKAI_TEST_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error('Database tests run through `npm test` (it prepares the PostgreSQL they need).');
  }
  const testerPid = template.split('_').pop();
  const name = `keikai_t_${testerPid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A superuser connection to a test database, for tests that must do what the app never may (e.g. tamper). */
export async function superuserClient(databaseName: string): Promise<pg.Client> {
  const u = new URL(process.env.KEIKAI_TEST_ADMIN_URL!);
  u.pathname = `/${databaseName}`;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  return c;
}
