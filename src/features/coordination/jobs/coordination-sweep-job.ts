// The periodic coordination sweep as a pg-boss job: run every 10 minutes by pg-boss's own schedule (one schedule
// per name, shared by every worker); the sweep itself is idempotent, so an overlap or a retry sends nothing twice.
import type { AppContext } from '../../../platform/context.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { runCoordinationSweep } from '../run-coordination-sweep.js';

export const COORDINATION_SWEEP_JOB = 'coordination.sweep';

export function coordinationSweepJob(ctx: AppContext): JobDefinition {
  return {
    name: COORDINATION_SWEEP_JOB,
    retryLimit: 2,
    // tests move a manual clock and run the sweep themselves, at the moments they check
    ...(ctx.config.env === 'test' ? {} : { cron: '*/10 * * * *' }),
    async run() {
      const r = await runCoordinationSweep(ctx);
      if (r.reminders || r.unreachable || r.targetNotices) ctx.log.info(r, 'coordination sweep');
    },
  };
}
