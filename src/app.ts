// The composition root: configuration → database → jobs → features, in one explicit list.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import { accountsRoutes } from './features/accounts/routes.js';
import { adminRoutes } from './features/admin/routes.js';
import { advisoriesRoutes } from './features/advisories/routes.js';
import { auditRoutes } from './features/audit/routes.js';
import { casesRoutes } from './features/cases/routes.js';
import { coordinationSweepJob } from './features/coordination/jobs/coordination-sweep-job.js';
import { coordinationRoutes } from './features/coordination/routes.js';
import { csafProviderRoutes } from './features/csaf-provider/routes.js';
import { directoryRoutes } from './features/directory/routes.js';
import { feedsRoutes } from './features/feeds/routes.js';
import { homeRoutes } from './features/home/routes.js';
import { intakeRoutes } from './features/intake/routes.js';
import { operatorRoutes } from './features/operator/routes.js';
import { opsRoutes } from './features/ops/routes.js';
import { outboxRoutes } from './features/outbox/routes.js';
import { portalRoutes } from './features/portal/routes.js';
import { notifySubscribersJob } from './features/publication/jobs/notify-subscribers-job.js';
import { publishDueJob } from './features/publication/jobs/publish-due-job.js';
import { publicationRoutes } from './features/publication/routes.js';
import { screeningRoutes } from './features/screening/routes.js';
import { statisticsProjectionJob } from './features/statistics/jobs/project-facts-job.js';
import { statisticsRoutes } from './features/statistics/routes.js';
import { vulndbRoutes } from './features/vulndb/routes.js';
import { websiteSweepJob } from './features/website/jobs/website-sweep-job.js';
import { websiteRoutes } from './features/website/routes.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { AppContext } from './platform/context.js';
import { randomToken, SecretBox } from './platform/crypto.js';
import { createDatabase, type Database } from './platform/db/database.js';
import { type App, buildServer, type Feature } from './platform/http/server.js';
import { PgBossJobs } from './platform/jobs/jobs.js';
import { requestSerializer } from './platform/log-redaction.js';
import { createTransport, deliverMailJob } from './platform/mail/deliver.js';

/** Every feature, in the order its routes are registered. */
export const FEATURES: Feature[] = [
  opsRoutes,
  homeRoutes,
  intakeRoutes,
  accountsRoutes,
  adminRoutes,
  auditRoutes,
  outboxRoutes,
  screeningRoutes,
  casesRoutes,
  directoryRoutes,
  coordinationRoutes,
  websiteRoutes,
  portalRoutes,
  operatorRoutes,
  advisoriesRoutes,
  publicationRoutes,
  vulndbRoutes,
  feedsRoutes,
  csafProviderRoutes,
  statisticsRoutes,
];

export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    // never log credentials, cookies or personal data carried in bodies
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.email',
      ],
      censor: '[redacted]',
    },
    // request logs carry the method and a redacted URL only: no addresses, headers or secret links
    serializers: { req: requestSerializer },
  });
}

/** The master secret: from KEIKAI_SECRET, or generated once into the data folder (0600) for development. */
export function masterSecret(config: Config): string {
  if (config.secret) return config.secret;
  const file = join(config.dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const secret = randomToken(32);
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export interface Runtime {
  ctx: AppContext;
  jobs: PgBossJobs;
  close(): Promise<void>;
}

export async function createRuntime(
  config: Config,
  databaseUrl: string,
  opts: { clock?: Clock; log?: Logger; poolMax?: number } = {},
): Promise<Runtime> {
  const log = opts.log ?? createLogger(config);
  const { db, pool } = createDatabase(databaseUrl, { max: opts.poolMax ?? 10 });
  const secret = masterSecret(config);
  const jobs = new PgBossJobs(databaseUrl, log);
  const ctx: AppContext = {
    config,
    db,
    clock: opts.clock ?? systemClock,
    log,
    jobs,
    secrets: new SecretBox({ v1: secret }),
    cookieSecret: `${secret}:cookies`,
  };
  defineJobs(jobs, ctx.db, config);
  jobs.define(coordinationSweepJob(ctx));
  jobs.define(websiteSweepJob(ctx));
  jobs.define(publishDueJob(ctx));
  jobs.define(notifySubscribersJob(ctx));
  jobs.define(statisticsProjectionJob(ctx));
  return {
    ctx,
    jobs,
    async close() {
      await jobs.stop();
      await db.destroy();
      await pool.end().catch(() => {});
    },
  };
}

function defineJobs(jobs: PgBossJobs, db: Database, config: Config) {
  jobs.define(deliverMailJob(db, config, createTransport(config)));
}

export async function createServer(runtime: Runtime): Promise<App> {
  return buildServer(runtime.ctx, FEATURES);
}
