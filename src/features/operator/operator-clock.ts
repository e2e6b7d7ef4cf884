// The operator's target dates (seed 003 App. 1(2) 2.3–2.4), as JST calendar dates: the investigation result within
// about N business days of the details (20 by default), the fix within about M months (3 by default). The rules are
// the website track's clock (features/website/website-clock.ts) — one source for the reception body's reminders
// and what the operator is shown.
import { jstDate } from '../../domain/business-days.js';
import type { AppContext } from '../../platform/context.js';
import { calendar, policyOf } from '../website/targets.js';
import { fixDueDate, investigationDueDate, type WebsitePolicy } from '../website/website-clock.js';

export type OperatorClockPolicy = Pick<WebsitePolicy, 'investigationBusinessDays' | 'fixMonths'>;

export type OperatorTargets = {
  /** JST calendar dates, YYYY-MM-DD */
  notifiedOn: string;
  investigationDue: string;
  fixDue: string;
};

export function clockPolicy(ctx: Pick<AppContext, 'config'>): WebsitePolicy {
  return policyOf(ctx);
}

export function operatorTargets(notifiedAt: Date, policy: WebsitePolicy): OperatorTargets {
  return {
    notifiedOn: jstDate(notifiedAt),
    investigationDue: investigationDueDate(notifiedAt, policy, calendar),
    fixDue: fixDueDate(notifiedAt, policy),
  };
}
