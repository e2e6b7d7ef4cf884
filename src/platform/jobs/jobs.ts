// Background jobs on pg-boss (same PostgreSQL, so a job is enqueued in the transaction that causes it).
// Job definitions are registered once at start-up; `keikai worker` runs them in a separate process,
// otherwise the web process runs them in-process.
import { CompiledQuery } from 'kysely';
import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';

export interface JobDefinition<T extends object = object> {
  name: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** a cron expression: pg-boss sends the job on this schedule (one schedule per name, shared by all workers) */
  cron?: string;
  run(data: T, meta: { attempt: number; finalAttempt: boolean }): Promise<void>;
}

export interface Jobs {
  /** Enqueue `name` inside the caller's transaction: it runs only if that transaction commits. */
  send(
    trx: Database,
    name: string,
    data: object,
    opts?: { startAfter?: Date; singletonKey?: string },
  ): Promise<void>;
}

export class PgBossJobs implements Jobs {
  readonly #boss: PgBoss;
  readonly #defs = new Map<string, JobDefinition>();
  readonly #log: Logger;
  #started = false;

  constructor(connectionString: string, log: Logger) {
    this.#log = log;
    this.#boss = new PgBoss({ connectionString, max: 3, application_name: 'keikai-jobs' });
    this.#boss.on('error', (err: unknown) => log.error({ err }, 'job queue error'));
  }

  define<T extends object>(def: JobDefinition<T>): void {
    this.#defs.set(def.name, def as JobDefinition);
  }

  /** Installs pg-boss's schema and the queues. Needed before anything can be sent. */
  async start(): Promise<void> {
    if (this.#started) return;
    await this.#boss.start();
    for (const def of this.#defs.values()) {
      await this.#boss.createQueue(def.name, {
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 10,
        retryBackoff: true,
        retryDelayMax: 3600,
      });
      if (def.cron) await this.#boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Tokyo' });
    }
    this.#started = true;
  }

  /** Starts polling for work. */
  async work(opts: { pollingIntervalSeconds?: number } = {}): Promise<void> {
    await this.start();
    for (const def of this.#defs.values()) {
      const retryLimit = def.retryLimit ?? 5;
      await this.#boss.work(
        def.name,
        { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) {
            await def.run(job.data as object, {
              attempt: job.retryCount + 1,
              finalAttempt: job.retryCount >= retryLimit,
            });
          }
        },
      );
    }
    this.#log.info({ queues: [...this.#defs.keys()] }, 'job worker started');
  }

  async send(
    trx: Database,
    name: string,
    data: object,
    opts: { startAfter?: Date; singletonKey?: string } = {},
  ): Promise<void> {
    if (!this.#defs.has(name)) throw new Error(`unknown job ${name}`);
    await this.#boss.send(name, data, {
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      db: {
        executeSql: async (text: string, values?: unknown[]) => {
          const r = await trx.executeQuery(CompiledQuery.raw(text, values ?? []));
          return { rows: r.rows as unknown[] };
        },
      },
    });
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    await this.#boss.stop({ graceful: true, timeout: 10_000 });
    this.#started = false;
  }
}
