// The publish step as a pg-boss job, every minute by pg-boss's own schedule (one schedule per name, shared by
// every worker). The payload is ignored: each run publishes whatever is due. Two workers running it at once
// publish each advisory once (publish-due-advisories.ts says how).
//
// Outside tests, the first run in a process also starts warming the CSAF store in the background (validator and
// signing key), not awaited, so the next publication does not wait for it. Only processes that run jobs do it (not
// the CLI's short commands, not a web process with KEIKAI_WORKER=off), and not before the first scheduled run
// (30–90 s after start), so `keikai serve` answers its first pages without it. The loading is synchronous module
// evaluation (~6 s, in chunks of up to ~1 s): a page this process serves meanwhile waits for it (measured up to
// ~9 s on a loaded machine) — once per process; a deployment that cares runs `keikai worker` apart. The publish
// step warms the store itself too, before its transaction, when something is due.
import type { AppContext } from '../../../platform/context.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { warmCsafStore } from '../../csaf-provider/store-csaf.js';
import { PUBLISH_DUE_JOB } from '../job-names.js';
import { publishDueAdvisories } from '../publish-due-advisories.js';

export function publishDueJob(ctx: AppContext): JobDefinition {
  let warmed = ctx.config.env === 'test';
  return {
    name: PUBLISH_DUE_JOB,
    retryLimit: 1,
    // tests move a manual clock and run the step themselves, at the moments they check
    ...(ctx.config.env === 'test' ? {} : { cron: '* * * * *' }),
    async run() {
      if (!warmed) {
        warmed = true;
        void warmCsafStore(ctx.config).catch((err: unknown) =>
          ctx.log.warn({ err }, 'the CSAF store could not be warmed at start-up'),
        );
      }
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
