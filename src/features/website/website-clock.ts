// The website track's clock, as pure rules (DOMAIN.md "Website track"; seed 003 App. 1 and §5.6.1; seed 004
// §1.2.3(4)). Every period runs from `notifiedAt`, the moment the details notice (second stage) went to the
// operator, read as its JST calendar date (the notice's own day is not counted):
// - reminders at configurable business-day points (default 10 and 20), at 09:00 JST of that business day;
// - the investigation result is expected within about 20 Japanese business days;
// - the fix within about 3 calendar months (a month later on the same day number, or the month's last day when it
//   has no such day: notified 31 January → due 30 April);
// - after more than 9 months the reception body may stop the case (negotiable: the caller records an extension);
// - a case open 90 days or more is long-running and is counted in an age bucket.
// A "due at" instant is the last moment of the due JST day; an "eligible at" instant is the first moment allowed.
import type { Config } from '../../config.js';
import { type BusinessCalendar, jstDate } from '../../domain/business-days.js';

export type WebsitePolicy = {
  /** business days after the details notice at which the operator is reminded, increasing */
  reminderBusinessDays: number[];
  /** business days in which the investigation result is expected */
  investigationBusinessDays: number;
  /** calendar months in which the fix is expected */
  fixMonths: number;
  /** calendar months after which the case may be stopped */
  stopMonths: number;
  /** unanswered attempts after which the operator may be marked unreachable (取扱不可能) */
  unreachableAfterAttempts: number;
};

export function websitePolicy(config: Config): WebsitePolicy {
  const c = config.websiteClock;
  return {
    reminderBusinessDays: [...c.reminderBusinessDays],
    investigationBusinessDays: c.investigationBusinessDays,
    fixMonths: c.fixMonths,
    stopMonths: c.stopMonths,
    unreachableAfterAttempts: c.unreachableAfterAttempts,
  };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const JST_OFFSET_MS = 9 * HOUR_MS; // no daylight saving time in Japan since 1951

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** 00:00 JST of a JST calendar date. */
const jstMidnight = (date: string) => new Date(dayNumber(date) * DAY_MS - JST_OFFSET_MS);
/** The last moment (23:59:59.999 JST) of a JST calendar date. */
const endOfJstDay = (date: string) => new Date(jstMidnight(date).getTime() + DAY_MS - 1);
/** 09:00 JST of a JST calendar date. */
const nineJst = (date: string) => new Date(jstMidnight(date).getTime() + 9 * HOUR_MS);

/** The same day number `months` calendar months later, or that month's last day when it is shorter. */
export function addCalendarMonths(date: string, months: number): string {
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`months must be ≥ 0, got ${months}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The JST date by which the investigation result is expected (N business days after the notice's date). */
export function investigationDueDate(
  notifiedAt: Date,
  policy: WebsitePolicy,
  calendar: BusinessCalendar,
): string {
  return calendar.addBusinessDays(jstDate(notifiedAt), policy.investigationBusinessDays);
}

/** The end of the investigation due date (JST). */
export function investigationDueAt(
  notifiedAt: Date,
  policy: WebsitePolicy,
  calendar: BusinessCalendar,
): Date {
  return endOfJstDay(investigationDueDate(notifiedAt, policy, calendar));
}

/** The JST date by which the fix is expected: `fixMonths` calendar months after the notice's date. */
export function fixDueDate(notifiedAt: Date, policy: WebsitePolicy): string {
  return addCalendarMonths(jstDate(notifiedAt), policy.fixMonths);
}

/** The end of the fix due date (JST). */
export function fixDueAt(notifiedAt: Date, policy: WebsitePolicy): Date {
  return endOfJstDay(fixDueDate(notifiedAt, policy));
}

/**
 * The first moment the case has been open for more than `stopMonths` months (seed 003 §5.6.1: 「9ヶ月を超えて」):
 * 00:00 JST of the day after the same day `stopMonths` months on.
 */
export function stopEligibleAt(notifiedAt: Date, policy: WebsitePolicy): Date {
  const last = addCalendarMonths(jstDate(notifiedAt), policy.stopMonths);
  return new Date(jstMidnight(last).getTime() + DAY_MS);
}

/** When reminder `index` (0-based, in policy.reminderBusinessDays) falls due: 09:00 JST of that business day. */
export function reminderAt(
  notifiedAt: Date,
  index: number,
  policy: WebsitePolicy,
  calendar: BusinessCalendar,
): Date | null {
  const points = policy.reminderBusinessDays[index];
  if (points === undefined) return null;
  return nineJst(calendar.addBusinessDays(jstDate(notifiedAt), points));
}

/** How many reminder points have passed by `now` and have not been sent (`alreadySent` of them were). */
export function remindersDue(
  notifiedAt: Date,
  now: Date,
  alreadySent: number,
  policy: WebsitePolicy,
  calendar: BusinessCalendar,
): number {
  let passed = 0;
  for (let i = 0; i < policy.reminderBusinessDays.length; i++) {
    const at = reminderAt(notifiedAt, i, policy, calendar)!;
    if (at.getTime() <= now.getTime()) passed++;
  }
  return Math.max(0, passed - Math.max(0, alreadySent));
}

/** When the next unsent reminder falls due (for scheduling a job), or null when every reminder was sent. */
export function nextReminderAt(
  notifiedAt: Date,
  alreadySent: number,
  policy: WebsitePolicy,
  calendar: BusinessCalendar,
): Date | null {
  return reminderAt(notifiedAt, Math.max(0, alreadySent), policy, calendar);
}

/** A case is long-running (取扱いが長期化) from this many days after the notice (seed 004 §1.2.3(4)). */
export const LONG_RUNNING_DAYS = 90;

/**
 * Age buckets of the long-running list. The seeds name only the 90-day threshold (the chart's buckets did not
 * survive, seeds-000-002-004 §1 S15); these follow the clock's own marks: the quarter after the threshold, up to
 * the 9-month stop, up to a year, up to two years, and beyond. `maxDays` is inclusive.
 */
export const LONG_RUNNING_BUCKETS: readonly { key: string; minDays: number; maxDays: number | null }[] = [
  { key: '90-179', minDays: 90, maxDays: 179 },
  { key: '180-269', minDays: 180, maxDays: 269 },
  { key: '270-364', minDays: 270, maxDays: 364 },
  { key: '365-729', minDays: 365, maxDays: 729 },
  { key: '730+', minDays: 730, maxDays: null },
];

/** Whole JST calendar days from the notice's date to `asOf`'s date (the day after the notice is day 1). */
export function elapsedDays(notifiedAt: Date, asOf: Date): number {
  return dayNumber(jstDate(asOf)) - dayNumber(jstDate(notifiedAt));
}

/** The long-running bucket of a case open at `asOf`; null under 90 days. */
export function longRunningBucket(notifiedAt: Date, asOf: Date): string | null {
  const days = elapsedDays(notifiedAt, asOf);
  if (days < LONG_RUNNING_DAYS) return null;
  return LONG_RUNNING_BUCKETS.find((b) => days >= b.minDays && (b.maxDays === null || days <= b.maxDays))!
    .key;
}
