// The publish step as a pg-boss job, every minute by pg-boss's own schedule (one schedule per name, shared by
// every worker). The payload is ignored: each run publishes whatever is due. Two workers running it at once
// publish each advisory once (publish-due-advisories.ts says how).
import type { AppContext } from '../../../platform/context.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { PUBLISH_DUE_JOB } from '../job-names.js';
import { publishDueAdvisories } from '../publish-due-advisories.js';

export function publishDueJob(ctx: AppContext): JobDefinition {
  return {
    name: PUBLISH_DUE_JOB,
    retryLimit: 1,
    // tests move a manual clock and run the step themselves, at the moments they check
    ...(ctx.config.env === 'test' ? {} : { cron: '* * * * *' }),
    async run() {
      const r = await publishDueAdvisories(ctx);
      if (r.published.length || r.refused.length) {
        ctx.log.info(
          {
            published: r.published.map((p) => ({ publicId: p.publicId, revision: p.revision })),
            refused: r.refused,
          },
          'publish due advisories',
        );
      }
    },
  };
}
