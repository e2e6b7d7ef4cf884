// The subscribers' mail of one published revision, as a pg-boss job enqueued by the publish transaction
// (notify-subscribers.ts says how it sends each subscriber at most once, even retried or run twice at once).
import type { AppContext } from '../../../platform/context.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { NOTIFY_SUBSCRIBERS_JOB } from '../job-names.js';
import { notifySubscribersOfPublication, subscriberFanOutInput } from '../notify-subscribers.js';

export function notifySubscribersJob(ctx: AppContext): JobDefinition {
  return {
    name: NOTIFY_SUBSCRIBERS_JOB,
    retryLimit: 5,
    async run(data) {
      const input = subscriberFanOutInput.safeParse(data);
      if (!input.success) {
        ctx.log.error({ data }, 'subscriber fan-out job with a malformed payload: ignored');
        return;
      }
      const r = await notifySubscribersOfPublication(ctx, input.data);
      ctx.log.info({ ...input.data, mailed: r.mailed }, 'publication mailed to subscribers');
    },
  };
}
