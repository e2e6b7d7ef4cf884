// Waking the publish step (features/publication) at a scheduled moment: a job that starts after it. The job also
// runs every minute, so a lost wake-up only delays publication by that much.
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { PUBLISH_DUE_JOB } from '../publication/job-names.js';

export async function wakePublishAt(trx: Database, ctx: AppContext, at: Date): Promise<void> {
  await ctx.jobs.send(trx, PUBLISH_DUE_JOB, {}, { startAfter: at });
}
