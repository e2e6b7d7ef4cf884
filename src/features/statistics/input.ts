// What the statistics URLs accept: the as-of day (?asOf=YYYY-MM-DD, a real day, not before the scheme's start,
// not after today in JST), the quarter in a path ('2012Q3', optionally '.csv' or '.json'), and the quarters a
// visitor can open (from the scheme's first quarter to today's).
import { jstDate } from '../../domain/business-days.js';
import { isDay } from '../../domain/statistics-categories.js';

const QUARTER_PATH = /^(\d{4})Q([1-4])(?:\.(csv|json))?$/;

/** Whether `s` is a real calendar day written YYYY-MM-DD (the domain's one checker). */
export { isDay } from '../../domain/statistics-categories.js';

/** Today as a JST calendar day. */
export function todayJst(now: Date): string {
  return jstDate(now);
}

export type AsOfProblem =
  | { key: 'statistics.errors.asOfInvalid'; params: Record<string, never> }
  | { key: 'statistics.errors.asOfBeforeStart'; params: { start: string } }
  | { key: 'statistics.errors.asOfFuture'; params: { today: string } };

/** The as-of day asked for (today when absent), or why it cannot be used. */
export function parseAsOf(
  raw: unknown,
  today: string,
  schemeStart: string,
): { ok: true; asOf: string } | { ok: false; problem: AsOfProblem } {
  if (raw === undefined || raw === '') return { ok: true, asOf: today };
  if (!isDay(raw)) return { ok: false, problem: { key: 'statistics.errors.asOfInvalid', params: {} } };
  if (raw < schemeStart)
    return {
      ok: false,
      problem: { key: 'statistics.errors.asOfBeforeStart', params: { start: schemeStart } },
    };
  if (raw > today) return { ok: false, problem: { key: 'statistics.errors.asOfFuture', params: { today } } };
  return { ok: true, asOf: raw };
}

export type QuarterRef = { quarter: string; year: number; q: number; format: 'html' | 'csv' | 'json' };

export function parseQuarterPath(raw: string): QuarterRef | null {
  const m = QUARTER_PATH.exec(raw);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  return { quarter: `${year}Q${q}`, year, q, format: (m[3] as 'csv' | 'json' | undefined) ?? 'html' };
}

/** The quarter of a day: '2012-09-30' → '2012Q3'. */
export function quarterOfDay(day: string): string {
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

export function quarterStartDay(quarter: string): string {
  const q = Number(quarter.slice(5));
  return `${quarter.slice(0, 4)}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEndDay(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
}

/**
 * The day a quarter's report is computed as of: its last day, or today for the quarter under way; null for a
 * quarter that ends before the scheme started or starts after today.
 */
export function quarterAsOf(quarter: string, today: string, schemeStart: string): string | null {
  const end = quarterEndDay(quarter);
  if (end < schemeStart || quarterStartDay(quarter) > today) return null;
  return end < today ? end : today;
}

/** The quarters from the scheme's first to today's, newest first. */
export function availableQuarters(today: string, schemeStart: string): string[] {
  const out: string[] = [];
  let year = Number(today.slice(0, 4));
  let q = Number(quarterOfDay(today).slice(5));
  const first = quarterOfDay(schemeStart);
  for (;;) {
    const key = `${year}Q${q}`;
    out.push(key);
    if (key === first || year < 1900) break;
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}
