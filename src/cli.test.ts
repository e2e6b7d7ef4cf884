import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { verifyPassword } from './platform/auth/passwords.js';
import { sha256Hex } from './platform/crypto.js';
import { createDatabase, type Database } from './platform/db/database.js';
import { type CliOptions, type CliRun, cliEnv, runCliAll } from './testing/cli.js';
import { createTestDatabase, type TestDatabase } from './testing/database.js';

const PASSWORD = 'a long passphrase from stdin';

describe('the command line', () => {
  let database: TestDatabase;
  let db: Database;
  let pool: pg.Pool;
  let dataDir: string;
  // each run starts a Node process (~1 s of CPU): they run side by side, here, and the tests read the results
  let runs: Record<string, CliRun>;

  before(async () => {
    database = await createTestDatabase();
    ({ db, pool } = createDatabase(database.url, { max: 2 }));
    dataDir = mkdtempSync(join(tmpdir(), 'keikai-cli-test-'));
    const env = cliEnv(database.url, dataDir);
    const org = await db
      .insertInto('organizations')
      .values({ type: 'product_developer', name_ja: 'CLI試験株式会社', name_en: 'CLI Test Inc.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the user the token is made for, written directly so that run need not wait for `users create`
    await db
      .insertInto('users')
      .values({ email: 'ci-bot@vendor.example', display_name: 'CI', organization_id: org.id, role: 'member' })
      .execute();
    const create = (...args: string[]) => ['users', 'create', ...args];
    const plan: Record<string, [string[], CliOptions]> = {
      // --help with a configuration that every other command refuses: help must not depend on it
      help: [['--help'], { env: { PORT: 'not-a-port', NODE_ENV: 'production' } }],
      unknownCommand: [['frobnicate'], { env }],
      unknownOption: [create('--emial', 'x@example.jp'), { env }],
      createWithStdin: [
        create(
          '--email',
          'Member@Vendor.Example',
          '--org',
          org.id,
          '--role',
          'member',
          '--name',
          '開発 太郎',
          '--password-stdin',
        ),
        { env, stdin: `${PASSWORD}\n` },
      ],
      createGenerated: [create('--email', 'finder@cli.example', '--finder', '--role', 'finder'), { env }],
      unknownRole: [create('--email', 'x@cli.example', '--org', org.id, '--role', 'superuser'), { env }],
      misfitRole: [create('--email', 'y@cli.example', '--finder', '--role', 'handler'), { env }],
      token: [
        ['tokens', 'create', '--email', 'CI-BOT@vendor.example', '--name', 'ci', '--days', '30'],
        { env },
      ],
    };
    runs = await runCliAll(plan);
  });
  after(async () => {
    await db.destroy();
    await pool.end().catch(() => {});
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints its usage and exits 0 for --help, even where the configuration is wrong', () => {
    const r = runs.help!;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^usage:/m);
    assert.match(r.stdout, /keikai users create/);
    assert.match(r.stdout, /keikai tokens create/);
  });

  it('exits 64 with the usage for an unknown command', () => {
    const r = runs.unknownCommand!;
    assert.equal(r.code, 64);
    assert.match(r.stderr, /unknown command: frobnicate/);
    assert.match(r.stderr, /usage:/);
  });

  it('exits 64 with the usage for an unknown option, naming it', () => {
    const r = runs.unknownOption!;
    assert.equal(r.code, 64, r.stderr);
    assert.match(r.stderr, /--emial/);
    assert.match(r.stderr, /usage:/);
  });

  it('creates a user with a password read from stdin, and never echoes it', async () => {
    const r = runs.createWithStdin!;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^created user [0-9a-f-]{36}$/m);
    assert.ok(!r.stdout.includes(PASSWORD));
    assert.doesNotMatch(r.stdout, /password/);
    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'member@vendor.example')
      .executeTakeFirstOrThrow();
    assert.equal(user.role, 'member');
    assert.equal(user.display_name, '開発 太郎');
    assert.equal(
      await verifyPassword(user.password_hash, PASSWORD),
      true,
      'the newline from stdin is not part of it',
    );
  });

  it('generates a password when none is given and shows it once', async () => {
    const r = runs.createGenerated!;
    assert.equal(r.code, 0, r.stderr);
    const shown = r.stdout.match(/^password \(shown once\): (\S+)$/m)?.[1];
    assert.ok(shown && shown.length >= 12, r.stdout);
    const user = await db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'finder@cli.example')
      .executeTakeFirstOrThrow();
    assert.equal(await verifyPassword(user.password_hash, shown), true);
  });

  it('refuses a role that does not exist, listing the roles (exit 64)', () => {
    const r = runs.unknownRole!;
    assert.equal(r.code, 64);
    assert.match(r.stderr, /--role must be one of handler, lead, admin, org_admin, member, finder/);
  });

  it('refuses a role that does not fit, saying why in words rather than as a message key', async () => {
    const r = runs.misfitRole!;
    assert.notEqual(r.code, 0);
    assert.doesNotMatch(r.stderr, /errors\.\w+/);
    assert.match(r.stderr, /role: /);
    const none = await db.selectFrom('users').select('id').where('email', '=', 'y@cli.example').execute();
    assert.equal(none.length, 0);
  });

  it('prints a kk_ API token once and stores only its hash', async () => {
    const r = runs.token!;
    assert.equal(r.code, 0, r.stderr);
    const tokens = r.stdout.match(/kk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]+/g) ?? [];
    assert.equal(tokens.length, 1, r.stdout);
    const token = tokens[0]!;
    const rows = await db.selectFrom('api_tokens').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.token_hash, sha256Hex(token));
    assert.equal(rows[0]!.name, 'ci');
    assert.ok(rows[0]!.expires_at);
    assert.ok(!JSON.stringify(rows).includes(token.slice(12)), 'the secret part is nowhere in the row');
  });
});
