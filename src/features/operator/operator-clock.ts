// The operator's target dates (seed 003 App. 1(2) 2.3–2.4): the investigation result within about N business
// days of the details (20 by default, Japanese business days), the fix within about M months (3 by default).
// Both count from the JST calendar date the details were sent; the day itself does not count (初日不算入).
import { type BusinessCalendar, createBusinessCalendar, jstDate } from '../../domain/business-days.js';

export type OperatorClockPolicy = { investigationBusinessDays: number; fixMonths: number };

export type OperatorTargets = {
  /** JST calendar dates, YYYY-MM-DD */
  notifiedOn: string;
  investigationDue: string;
  fixDue: string;
};

let defaultCalendar: BusinessCalendar | null = null;
const calendar = () => {
  defaultCalendar ??= createBusinessCalendar();
  return defaultCalendar;
};

/** `date` (YYYY-MM-DD) moved by whole months; a day the month lacks becomes its last day (1/31 + 1 → 2/28). */
export function addMonths(date: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !Number.isInteger(months)) throw new RangeError(`addMonths: bad input ${date} + ${months}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function operatorTargets(
  notifiedAt: Date,
  policy: OperatorClockPolicy,
  cal: BusinessCalendar = calendar(),
): OperatorTargets {
  const notifiedOn = jstDate(notifiedAt);
  return {
    notifiedOn,
    investigationDue: cal.addBusinessDays(notifiedOn, policy.investigationBusinessDays),
    fixDue: addMonths(notifiedOn, policy.fixMonths),
  };
}
