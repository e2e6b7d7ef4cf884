// keikai — the command line: serve | migrate | worker | users create | tokens create | seed-demo | verify-audit
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import closeWithGrace from 'close-with-grace';
import { createLogger, createRuntime, createServer, type Runtime } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createApiToken } from './features/accounts/create-api-token.js';
import { createUser, ROLES } from './features/accounts/create-user.js';
import { formatCredentials, seedDemo } from './features/demo/seed-demo.js';
import { importHistoryCommand } from './features/statistics/import-history-command.js';
import { STATISTICS_COMMANDS_USAGE, statisticsCommand } from './features/statistics/maintenance-command.js';
import { verifyAuditChain } from './platform/audit.js';
import { connectDatabase, type DatabaseHandle } from './platform/db/connect.js';
import { checkServerVersion, migrate } from './platform/db/database.js';
import { AppError } from './platform/errors.js';
import { translator } from './platform/i18n/i18n.js';

const USAGE = `keikai — coordinated vulnerability disclosure

usage:
  keikai serve                      start the web server (and the job worker in-process)
  keikai migrate                    apply database migrations
  keikai worker                     run background jobs only (for separate worker processes)
  keikai users create --email E --org ORG_ID|--finder --role ROLE [--name NAME] [--password-stdin]
  keikai tokens create --email E [--name NAME] [--days N]
  keikai seed-demo                  create the demo organizations and accounts (once)
  keikai verify-audit               check the audit trail's hash chain
  keikai import-advisories <file|folder|url> [--batch N]
                                    import CSAF 2.0 advisories into the public database
  keikai import-history FILE.jsonl [--batch N]
                                    import past cases into the statistics (docs/statistics-history-format.md)
${STATISTICS_COMMANDS_USAGE}

Without DATABASE_URL an embedded PostgreSQL is started with its data under KEIKAI_DATA_DIR (./var).`;

async function open(config: Config, log = createLogger(config)) {
  const handle = await connectDatabase(config, (line) => log.debug({ postgres: line }));
  try {
    const runtime = await createRuntime(config, handle.url, { log });
    await checkServerVersion(runtime.ctx.db);
    const applied = await migrate(runtime.ctx.db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    return { handle, runtime };
  } catch (err) {
    await handle.stop();
    throw err;
  }
}

async function shutdown(handle: DatabaseHandle, runtime: Runtime) {
  await runtime.close();
  await handle.stop();
}

function saveCredentials(config: Config, text: string): string {
  const file = join(config.dataDir, 'demo-credentials.txt');
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}

async function serve(config: Config) {
  const log = createLogger(config);
  const { handle, runtime } = await open(config, log);
  await runtime.jobs.start();
  if (config.demo) {
    const creds = await seedDemo(runtime.ctx);
    if (creds) {
      const text = formatCredentials(creds);
      const file = saveCredentials(config, text);
      process.stdout.write(`\n${text}(saved to ${file}, mode 0600)\n\n`);
    }
  }
  if (config.worker === 'in-process') await runtime.jobs.work();
  const app = await createServer(runtime);
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) log.error({ err }, 'shutting down after an error');
    else log.info({ signal }, 'shutting down');
    await app.close();
    await shutdown(handle, runtime);
  });
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`keikai is running: ${config.publicUrl}\n`);
}

async function worker(config: Config) {
  const log = createLogger(config);
  if (!config.databaseUrl) {
    throw new ConfigError(
      'keikai worker needs DATABASE_URL: the embedded database belongs to `keikai serve`, which runs jobs in-process.',
    );
  }
  const { handle, runtime } = await open(config, log);
  await runtime.jobs.work();
  closeWithGrace({ delay: 10_000 }, async () => {
    await shutdown(handle, runtime);
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function withRuntime<T>(config: Config, fn: (r: Runtime) => Promise<T>): Promise<T> {
  const log = createLogger({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const { handle, runtime } = await open(config, log);
  try {
    return await fn(runtime);
  } finally {
    await shutdown(handle, runtime);
  }
}

const system = (label: string) => ({ kind: 'system' as const, label });

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === undefined || ['help', '--help', '-h'].includes(command)) {
    // before the configuration is read: help must work even where the configuration is wrong
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keeps running
    case 'migrate':
      await withRuntime(config, async () => {});
      process.stdout.write('migrations are up to date\n');
      return 0;
    case 'worker':
      await worker(config);
      return -1;
    case 'seed-demo':
      return withRuntime(config, async (r) => {
        const creds = await seedDemo(r.ctx);
        if (!creds) {
          process.stdout.write('the demo was already seeded\n');
          return 0;
        }
        const text = formatCredentials(creds);
        process.stdout.write(`${text}(saved to ${saveCredentials(config, text)}, mode 0600)\n`);
        return 0;
      });
    case 'verify-audit':
      return withRuntime(config, async (r) => {
        const broken = await verifyAuditChain(r.ctx.db);
        if (!broken) {
          process.stdout.write('audit trail intact\n');
          return 0;
        }
        process.stdout.write(`audit trail BROKEN at entry #${broken.seq}: ${broken.problem}\n`);
        return 2;
      });
    case 'import-advisories': {
      // loaded on demand: the CSAF validator behind it takes seconds to load, which no other command needs
      const { importAdvisoriesCommand } = await import('./features/advisory-import/command.js');
      return importAdvisoriesCommand(sub === undefined ? rest : [sub, ...rest], (fn) =>
        withRuntime(config, (r) => fn(r.ctx)),
      );
    }
    case 'import-history':
      return importHistoryCommand(sub === undefined ? rest : [sub, ...rest], (fn) =>
        withRuntime(config, (r) => fn(r.ctx)),
      );
    case 'statistics-rebuild':
    case 'statistics-check':
      if (sub !== undefined) break;
      return statisticsCommand(command, (fn) => withRuntime(config, (r) => fn(r.ctx)));
    case 'users': {
      if (sub !== 'create') break;
      const { values } = options(rest, {
        email: { type: 'string' },
        org: { type: 'string' },
        finder: { type: 'boolean' },
        role: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        locale: { type: 'string' },
      });
      if (!values.email || !values.role || (!values.org && !values.finder)) {
        throw new UsageError('users create needs --email, --role and --org ORG_ID (or --finder)');
      }
      if (!ROLES.includes(values.role as (typeof ROLES)[number])) {
        throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      }
      const password = values['password-stdin'] ? await readStdin() : undefined;
      return withRuntime(config, async (r) => {
        const created = await createUser(r.ctx, system('cli'), {
          email: values.email!,
          displayName: values.name ?? values.email!,
          organizationId: values.finder ? null : values.org!,
          role: values.role as (typeof ROLES)[number],
          locale: values.locale === 'en' ? 'en' : 'ja',
          ...(password !== undefined ? { password } : {}),
        });
        process.stdout.write(`created user ${created.userId}\n`);
        if (created.generated) process.stdout.write(`password (shown once): ${created.password}\n`);
        return 0;
      });
    }
    case 'tokens': {
      if (sub !== 'create') break;
      const { values } = options(rest, {
        email: { type: 'string' },
        name: { type: 'string' },
        days: { type: 'string' },
      });
      if (!values.email) throw new UsageError('tokens create needs --email');
      return withRuntime(config, async (r) => {
        const user = await r.ctx.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', values.email!.toLowerCase())
          .executeTakeFirst();
        if (!user) throw new UsageError(`no user with e-mail ${values.email}`);
        const t = await createApiToken(r.ctx, system('cli'), {
          userId: user.id,
          name: values.name ?? 'cli',
          ...(values.days ? { expiresInDays: Number(values.days) } : {}),
        });
        process.stdout.write(`API token (shown once, store it safely):\n${t.token}\n`);
        return 0;
      });
    }
  }
  throw new UsageError(`unknown command: ${argv.join(' ')}`);
}

class UsageError extends Error {}

/** parseArgs, with a mistyped or unknown option reported as a usage error (exit 64), not a crash. */
function options<T extends ParseArgsOptionsConfig>(args: string[], config: T) {
  try {
    return parseArgs({ args, options: config });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\n${USAGE}\n`);
      process.exit(64);
    }
    if (err instanceof AppError) {
      // a use case refused: say why in words, with the fields concerned, not as an i18n key
      const fields = Object.entries(err.fields ?? {}).map(([k, v]) => `  ${k}: ${v.join('; ')}\n`);
      process.stderr.write(`keikai: ${translator('en')(err.messageKey)}\n${fields.join('')}`);
      process.exit(err.code === 'validation' ? 65 : 1);
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    const e = err as { name?: string; issues?: { path: unknown[]; message: string }[]; message?: string };
    if (e?.name === 'ZodError' && e.issues) {
      process.stderr.write(
        `invalid input:\n${e.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}\n`,
      );
      process.exit(65);
    }
    process.stderr.write(`keikai: ${e?.message ?? String(err)}\n`);
    process.exit(1);
  },
);
