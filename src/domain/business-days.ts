// The Japanese business calendar (営業日・就業日): weekends, national holidays (祝日・振替休日・国民の休日) and,
// by default, the year-end closure (年末年始休業, 12/29–1/3) are closed. Deadlines (20 business days, 5 business
// days…) and the statistics' "reports per business day" (1就業日あたり) are counted on it.
//
// Dates are JST calendar dates written 'YYYY-MM-DD'. Arithmetic works on day numbers from Date.UTC, which
// is plain calendar arithmetic with no time zone in it, so the machine's TZ never matters.
import holidayJp from '@holiday-jp/holiday_jp';

/** The day acceptance of reports opened (届出受付開始), from which cumulative statistics count. */
export const SCHEME_START = '2004-07-08';

/** The span @holiday-jp/holiday_jp 2.5.1 covers; outside it a "business day" would silently be wrong. */
export const CALENDAR_FIRST_DATE = '1970-01-01';
export const CALENDAR_LAST_DATE = '2050-12-31';

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000; // JST has had no daylight saving time since 1951
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const HOLIDAYS: Readonly<Record<string, { readonly name: string; readonly name_en: string }>> =
  holidayJp.holidays;

/** The JST calendar date of an instant, e.g. 2026-12-31T15:00:00Z → '2027-01-01'. */
export function jstDate(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('jstDate: the instant is an invalid Date');
  const iso = new Date(t + JST_OFFSET_MS).toISOString();
  if (!DATE_SHAPE.test(iso.slice(0, 10))) throw new RangeError(`jstDate: ${iso} is outside years 0000–9999`);
  return iso.slice(0, 10);
}

/** The name of the national holiday on `date` (e.g. '成人の日', 'こどもの日 振替休日'), or null. */
export function holidayName(date: string): string | null {
  toDayNumber(date);
  return HOLIDAYS[date]?.name ?? null;
}

function parseDayNumber(date: string): number | null {
  const m = DATE_SHAPE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-30 over to March; the round trip catches it.
  return fromDayNumber(ms / DAY_MS) === date ? ms / DAY_MS : null;
}

const FIRST_DAY = parseDayNumber(CALENDAR_FIRST_DATE)!;
const LAST_DAY = parseDayNumber(CALENDAR_LAST_DATE)!;
const SPAN = LAST_DAY - FIRST_DAY + 1;

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function toDayNumber(date: string): number {
  const day = parseDayNumber(date);
  if (day === null) throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  if (day < FIRST_DAY || day > LAST_DAY) throw outOfRange(date);
  return day;
}

function outOfRange(what: string): RangeError {
  return new RangeError(
    `${what} is outside the Japanese holiday data (${CALENDAR_FIRST_DATE} to ${CALENDAR_LAST_DATE}); ` +
      'business days cannot be counted there — update @holiday-jp/holiday_jp',
  );
}

export interface BusinessCalendarOptions {
  /** Close 12/29–1/3 (年末年始). Default true: the published statistics are reproduced only with it. */
  yearEndClosure?: boolean;
  /** Further closed days, e.g. an office closure. */
  extraClosedDates?: readonly string[];
  /** Days open despite the rules above, e.g. a working Saturday. */
  extraOpenDates?: readonly string[];
}

export interface BusinessCalendar {
  isBusinessDay(date: string): boolean;
  /**
   * The n-th business day strictly after `date` (n ≥ 1), so the day itself never counts (初日不算入), even
   * when it is a business day. n = 0 gives `date` itself if it is a business day, else the next one: "zero
   * business days from a Saturday" lands where work could next happen.
   */
  addBusinessDays(date: string, n: number): string;
  /**
   * The number of business days d with from < d ≤ to: `from` excluded, `to` included, matching
   * addBusinessDays so that businessDaysBetween(d, addBusinessDays(d, n)) === n for a business day d (and for
   * any d when n ≥ 1). Antisymmetric: with to < from it is minus the count in (to, from].
   */
  businessDaysBetween(from: string, to: string): number;
  /** `date` moved by n calendar days (n may be negative). */
  addCalendarDays(date: string, n: number): string;
  nextBusinessDayOnOrAfter(date: string): string;
  /**
   * Business days in [start, asOf], both ends included: the opening day took reports, and the quarter's last
   * day is part of the quarter. This is the divisor of 1就業日あたり; it reproduces the rate IPA published for 22
   * of the 24 quarters in seeds 000/004 (see business-days.test.ts).
   */
  businessDaysSinceSchemeStart(asOf: string, start?: string): number;
}

export function createBusinessCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  const open = buildOpenDays(options);
  // cumulative[i] = business days in [FIRST_DAY, FIRST_DAY + i]; every count is a difference of two entries.
  const cumulative = new Int32Array(SPAN);
  let running = 0;
  for (let i = 0; i < SPAN; i++) {
    running += open[i]!;
    cumulative[i] = running;
  }

  const index = (date: string) => toDayNumber(date) - FIRST_DAY;

  // The first day whose cumulative count reaches `target`; it is necessarily a business day.
  const dayReaching = (target: number, from: string): string => {
    if (target > cumulative[SPAN - 1]!) throw outOfRange(`A business day after ${from}`);
    let lo = 0;
    let hi = SPAN - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return fromDayNumber(FIRST_DAY + lo);
  };

  const calendar: BusinessCalendar = {
    isBusinessDay: (date) => open[index(date)] === 1,

    addBusinessDays(date, n) {
      if (!Number.isSafeInteger(n) || n < 0) {
        throw new RangeError(`addBusinessDays: n must be a whole number ≥ 0, got ${n}`);
      }
      if (n === 0) return calendar.nextBusinessDayOnOrAfter(date);
      return dayReaching(cumulative[index(date)]! + n, date);
    },

    businessDaysBetween: (from, to) => cumulative[index(to)]! - cumulative[index(from)]!,

    addCalendarDays(date, n) {
      if (!Number.isSafeInteger(n))
        throw new RangeError(`addCalendarDays: n must be a whole number, got ${n}`);
      const day = toDayNumber(date) + n;
      if (day < FIRST_DAY || day > LAST_DAY)
        throw outOfRange(`${date} ${n < 0 ? '−' : '+'} ${Math.abs(n)} days`);
      return fromDayNumber(day);
    },

    nextBusinessDayOnOrAfter(date) {
      const i = index(date);
      return open[i] === 1 ? date : dayReaching(cumulative[i]! + 1, date);
    },

    businessDaysSinceSchemeStart(asOf, start = SCHEME_START) {
      const s = index(start);
      const a = index(asOf);
      if (a < s) throw new RangeError(`businessDaysSinceSchemeStart: ${asOf} is before the start ${start}`);
      return cumulative[a]! - cumulative[s]! + open[s]!;
    },
  };
  return Object.freeze(calendar);
}

function buildOpenDays(options: BusinessCalendarOptions): Uint8Array {
  const open = new Uint8Array(SPAN);
  for (let i = 0; i < SPAN; i++) {
    const weekday = (FIRST_DAY + i + 4) % 7; // day 0, 1970-01-01, was a Thursday; 0 = Sunday
    open[i] = weekday === 0 || weekday === 6 ? 0 : 1;
  }
  for (const date of Object.keys(HOLIDAYS)) {
    const day = parseDayNumber(date);
    if (day !== null && day >= FIRST_DAY && day <= LAST_DAY) open[day - FIRST_DAY] = 0;
  }
  if (options.yearEndClosure ?? true) {
    const firstYear = Number(CALENDAR_FIRST_DATE.slice(0, 4));
    const lastYear = Number(CALENDAR_LAST_DATE.slice(0, 4));
    // Each pass closes 12/29–12/31 of the year before and 1/1–1/3; days outside the data are skipped.
    for (let year = firstYear; year <= lastYear + 1; year++) {
      const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
      for (let d = jan1 - 3; d <= jan1 + 2; d++) if (d >= FIRST_DAY && d <= LAST_DAY) open[d - FIRST_DAY] = 0;
    }
  }
  const closed = new Set(options.extraClosedDates ?? []);
  for (const date of options.extraOpenDates ?? []) {
    if (closed.has(date))
      throw new RangeError(`${date} is listed both as an extra closed and an extra open date`);
    open[toDayNumber(date) - FIRST_DAY] = 1;
  }
  for (const date of closed) open[toDayNumber(date) - FIRST_DAY] = 0;
  return open;
}
