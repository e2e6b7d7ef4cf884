// What every use case receives: configuration, database, clock, logger, job queue and key material.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { SecretBox } from './crypto.js';
import type { Database } from './db/database.js';
import type { Jobs } from './jobs/jobs.js';

export interface AppContext {
  readonly config: Config;
  readonly db: Database;
  readonly clock: Clock;
  readonly log: Logger;
  readonly jobs: Jobs;
  readonly secrets: SecretBox;
  /** secret for signing cookies (CSRF, preferences) */
  readonly cookieSecret: string;
}
