// The statistics projection as a pg-boss job, every 5 minutes by pg-boss's own schedule (one schedule per name,
// shared by every worker): it brings statistics_facts up to date with the events, so a report request has
// little to catch up on. Idempotent and serialised by an advisory lock, so an overlap or a retry is harmless.
// No schedule under NODE_ENV=test: tests run the projection themselves.
import type { AppContext } from '../../../platform/context.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { projectStatisticsFacts, STATISTICS_PROJECT_JOB } from '../facts.js';

export function statisticsProjectionJob(ctx: AppContext): JobDefinition {
  return {
    name: STATISTICS_PROJECT_JOB,
    retryLimit: 2,
    ...(ctx.config.env === 'test' ? {} : { cron: '*/5 * * * *' }),
    async run() {
      const r = await projectStatisticsFacts(ctx.db);
      if (r.facts) ctx.log.info(r, 'statistics projection');
    },
  };
}
