// The software-product coordination schedule, as pure rules (DOMAIN.md "Software-product track"; seed 004 §4.2):
// - the start date (起算日) is the JST calendar date of the first notice to a developer;
// - the publication target (目安) is N calendar days after it: 45 by default, more for some product categories
//   (e.g. ICS). It is a target to coordinate around, not a deadline: it is not moved to a business day, and a
//   missed target is shown as "passed", never as a fault of the developer;
// - a developer that has not acknowledged a notice is reminded every N Japanese business days, at 09:00 JST;
// - a proposed publication moment is a wall-clock time in a named zone: one that does not exist (a DST gap) or
//   exists twice (a DST overlap) is refused, never guessed, and it must be at least an hour ahead.
import type { Config } from '../../config.js';
import { type BusinessCalendar, jstDate } from '../../domain/business-days.js';

export type CoordinationPolicy = {
  /** days from the start date to the publication target */
  targetDays: number;
  /** product categories with their own target (lower-case keys, e.g. `ics`) */
  targetDaysByCategory: Record<string, number>;
  /** business days between acknowledgement reminders */
  ackReminderBusinessDays: number;
  /** unanswered reminders after which a developer may be marked unreachable */
  unreachableAfterReminders: number;
  /** days before the target from which it is shown as approaching */
  approachingDays: number;
};

export type TargetState = 'ok' | 'approaching' | 'passed';

export function coordinationPolicy(config: Config): CoordinationPolicy {
  const c = config.coordinationSchedule;
  return {
    targetDays: c.targetDays,
    targetDaysByCategory: { ...c.targetDaysByCategory },
    ackReminderBusinessDays: c.ackReminderBusinessDays,
    unreachableAfterReminders: c.unreachableAfterReminders,
    approachingDays: c.approachingDays,
  };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const JST_OFFSET_MS = 9 * HOUR_MS; // no daylight saving time in Japan since 1951
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date; throws on anything else. */
function dayNumber(date: string): number {
  const m = DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  }
  return ms / DAY_MS;
}

const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 起算日: the JST calendar date of the first notice (23:59 JST is that day; 00:00 JST is the next). */
export function startDate(firstNotifiedAt: Date): string {
  return jstDate(firstNotifiedAt);
}

/** The number of target days for a product category (case-insensitive), else the general target. */
export function targetDaysFor(category: string | null, policy: CoordinationPolicy): number {
  const key = category?.trim().toLowerCase();
  return (key ? policy.targetDaysByCategory[key] : undefined) ?? policy.targetDays;
}

/** The publication target: the start date plus the category's (or the general) number of calendar days. */
export function targetPublicationDate(
  start: string,
  category: string | null,
  policy: CoordinationPolicy,
): string {
  return dateOf(dayNumber(start) + targetDaysFor(category, policy));
}

/**
 * When the nth reminder (n ≥ 1) to acknowledge a notice falls due: n × N business days after the JST date of the
 * notice (the notice's own day not counted), at 09:00 JST of that business day.
 */
export function ackReminderDueAt(
  notifiedAt: Date,
  nth: number,
  policy: CoordinationPolicy,
  calendar: BusinessCalendar,
): Date {
  if (!Number.isSafeInteger(nth) || nth < 1)
    throw new RangeError(`ackReminderDueAt: nth must be ≥ 1, got ${nth}`);
  const day = calendar.addBusinessDays(jstDate(notifiedAt), nth * policy.ackReminderBusinessDays);
  return new Date(dayNumber(day) * DAY_MS + 9 * HOUR_MS - JST_OFFSET_MS);
}

/**
 * Where today (JST) stands against the target date: 'passed' from the day after it, 'approaching' within
 * `approachingDays` days before it (the target day included), else 'ok'.
 */
export function targetState(now: Date, targetDate: string, policy: CoordinationPolicy): TargetState {
  const daysLeft = dayNumber(targetDate) - dayNumber(jstDate(now));
  if (daysLeft < 0) return 'passed';
  return daysLeft <= policy.approachingDays ? 'approaching' : 'ok';
}

/** Whole calendar days from today (JST) to the target date; negative once it has passed. */
export function daysUntilTarget(now: Date, targetDate: string): number {
  return dayNumber(targetDate) - dayNumber(jstDate(now));
}

export type LocalMomentResult =
  | { ok: true; at: Date }
  | { ok: false; error: 'syntax' | 'nonexistent' | 'ambiguous' | 'zone' };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function zoneFormatter(timeZone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    return null;
  }
}

/** The wall-clock reading of an instant in the formatter's zone, as minutes on a UTC-like scale. */
function wallMinutes(f: Intl.DateTimeFormat, t: number): number {
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!) / 60_000;
}

/**
 * The instant a wall-clock time 'YYYY-MM-DDTHH:MM' names in an IANA zone. Refuses a time that a DST change skips
 * ('nonexistent', e.g. 02:30 on the spring-forward day in New York) or repeats ('ambiguous', 01:30 on the
 * fall-back day): the person has to say which instant they mean, in another zone or at another time.
 */
export function localMomentToUtc(local: string, timeZone: string): LocalMomentResult {
  const m = LOCAL.exec(local);
  if (!m) return { ok: false, error: 'syntax' };
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return { ok: false, error: 'syntax' };
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(naive) || new Date(naive).toISOString().slice(0, 16) !== local) {
    return { ok: false, error: 'syntax' };
  }
  const f = typeof timeZone === 'string' && timeZone !== '' ? zoneFormatter(timeZone) : null;
  if (!f) return { ok: false, error: 'zone' };

  // Every offset in force within a day either side; an instant is a solution when it reads back as `local`.
  const target = naive / 60_000;
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((d) => wallMinutes(f, naive + d) - (naive + d) / 60_000));
  const solutions = new Set<number>();
  for (const offset of offsets) {
    const t = (target - offset) * 60_000;
    if (wallMinutes(f, t) === target) solutions.add(t);
  }
  if (solutions.size === 0) return { ok: false, error: 'nonexistent' };
  if (solutions.size > 1) return { ok: false, error: 'ambiguous' };
  return { ok: true, at: new Date([...solutions][0]!) };
}

/** A proposed publication moment must be in the future, and at least an hour ahead. */
export const MIN_LEAD_MS = HOUR_MS;

export function validateProposedMoment(at: Date, now: Date): 'ok' | 'past' | 'too-soon' {
  const lead = at.getTime() - now.getTime();
  if (Number.isNaN(lead) || lead <= 0) return 'past';
  return lead < MIN_LEAD_MS ? 'too-soon' : 'ok';
}
