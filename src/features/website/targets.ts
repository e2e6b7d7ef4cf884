// A notified case's targets on the website clock (website-clock.ts), in one place for the pages, the notices
// and the rules: investigation result (20 business days), fix (3 months), long-running (90 days), stop (9 months),
// and the reminder points with their keys.
import { createBusinessCalendar } from '../../domain/business-days.js';
import type { AppContext } from '../../platform/context.js';
import {
  fixDueAt,
  investigationDueAt,
  LONG_RUNNING_DAYS,
  reminderAt,
  stopEligibleAt,
  type WebsitePolicy,
  websitePolicy,
} from './website-clock.js';

export const calendar = createBusinessCalendar();
const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;

export type Targets = {
  notifiedAt: Date;
  investigationDueAt: Date;
  fixDueAt: Date;
  /** 00:00 JST of the day the case turns long-running */
  longRunningFrom: Date;
  stopEligibleAt: Date;
  reminders: { key: string; at: Date }[];
};

/** The key a reminder point is stored under: the business days it counts, e.g. `bd-10`. */
export const reminderKey = (businessDays: number) => `bd-${businessDays}`;

export function policyOf(ctx: Pick<AppContext, 'config'>): WebsitePolicy {
  return websitePolicy(ctx.config);
}

export function targetsOf(policy: WebsitePolicy, notifiedAt: Date): Targets {
  // the notice's JST date + 90 days, from 00:00 JST (elapsedDays counts JST calendar days)
  const noticeDay = Math.floor((notifiedAt.getTime() + JST_MS) / DAY_MS) * DAY_MS - JST_MS;
  return {
    notifiedAt,
    investigationDueAt: investigationDueAt(notifiedAt, policy, calendar),
    fixDueAt: fixDueAt(notifiedAt, policy),
    longRunningFrom: new Date(noticeDay + LONG_RUNNING_DAYS * DAY_MS),
    stopEligibleAt: stopEligibleAt(notifiedAt, policy),
    reminders: policy.reminderBusinessDays.map((bd, i) => ({
      key: reminderKey(bd),
      at: reminderAt(notifiedAt, i, policy, calendar) as Date,
    })),
  };
}
