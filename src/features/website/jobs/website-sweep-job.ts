// The periodic website sweep as a pg-boss job: run every 10 minutes by pg-boss's own schedule (one schedule per
// name, shared by every worker); the sweep is idempotent, so an overlap or a retry sends nothing twice.
import type { AppContext } from '../../../platform/context.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { runWebsiteSweep } from '../run-website-sweep.js';

export const WEBSITE_SWEEP_JOB = 'website.sweep';

export function websiteSweepJob(ctx: AppContext): JobDefinition {
  return {
    name: WEBSITE_SWEEP_JOB,
    retryLimit: 2,
    cron: '*/10 * * * *',
    async run() {
      const r = await runWebsiteSweep(ctx);
      if (r.reminders || r.skipped) ctx.log.info(r, 'website sweep');
    },
  };
}
