// A whole keikai on its own test database: runtime, HTTP server (use `app.inject`), a movable clock,
// and helpers to make organizations and users and to log in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, createServer, type Runtime } from '../app.js';
import { loadConfig } from '../config.js';
import { createUser } from '../features/accounts/create-user.js';
import { createOrganization } from '../features/admin/create-organization.js';
import { ManualClock } from '../platform/clock.js';
import type { AppContext } from '../platform/context.js';
import type { OrganizationType, Role } from '../platform/db/schema.js';
import type { App } from '../platform/http/server.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: App;
  ctx: AppContext;
  runtime: Runtime;
  clock: ManualClock;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startTestApp(
  opts: { env?: Record<string, string>; now?: string; worker?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    KEIKAI_SECRET: 'test-secret-test-secret-test-secret-1234',
    KEIKAI_LOG_LEVEL: 'silent',
    KEIKAI_DATA_DIR: mkdtempSync(join(tmpdir(), 'keikai-test-')),
    ...opts.env,
  });
  const clock = new ManualClock(opts.now ?? new Date().toISOString());
  const runtime = await createRuntime(config, database.url, { clock, poolMax: 4 });
  await runtime.jobs.start();
  if (opts.worker) await runtime.jobs.work({ pollingIntervalSeconds: 0.5 });
  const app = await createServer(runtime);
  await app.ready();
  return {
    app,
    ctx: runtime.ctx,
    runtime,
    clock,
    database,
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}

const system = { kind: 'system' as const, label: 'test' };
let counter = 0;

export async function makeOrganization(
  ctx: AppContext,
  type: OrganizationType,
  name = `${type} ${++counter}`,
) {
  const { organizationId } = await createOrganization(ctx, system, {
    type,
    nameJa: `${name}（日本語）`,
    nameEn: name,
    sector: type === 'critical_infrastructure' ? 'electricity' : null,
  });
  return organizationId;
}

export async function makeUser(
  ctx: AppContext,
  opts: {
    organizationId: string | null;
    role: Role;
    email?: string;
    password?: string;
    locale?: 'ja' | 'en';
  },
) {
  const email = opts.email ?? `user${++counter}-${Date.now()}@example.test`;
  const password = opts.password ?? 'correct horse battery staple';
  const { userId } = await createUser(ctx, system, {
    email,
    displayName: `User ${counter}`,
    organizationId: opts.organizationId,
    role: opts.role,
    password,
    locale: opts.locale ?? 'ja',
  });
  return { userId, email, password };
}
