// The audit trail's filters as they come from the query string, and the dates in them turned into instants:
// a date means that whole day in the viewer's time zone.
import { z } from 'zod';
import { utcOffset } from '../../domain/time.js';
import { spacesToUndefined, text } from '../../platform/http/validation.js';

const optional = <S extends z.ZodType>(s: S) => z.preprocess(spacesToUndefined, s.optional());

function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Messages come in the viewer's language (only `validation.…` keys are translated by parseInput). */
export function auditFilterSchema(messages: { invalidDate: string; reversed: string }) {
  const date = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: messages.invalidDate })
    .refine(isCalendarDate, { message: messages.invalidDate });
  const seq = z.string().regex(/^[1-9]\d{0,17}$/);
  return z
    .object({
      actor: optional(text(254)),
      action: optional(text(100)),
      subjectType: optional(text(50)),
      subjectId: optional(text(100)),
      from: optional(date),
      to: optional(date),
      before: optional(seq),
      after: optional(seq),
    })
    .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: messages.reversed });
}
export type AuditFilter = z.output<ReturnType<typeof auditFilterSchema>>;

/** What the query needs: the text filters as given, the dates as a half-open range of instants. */
export type AuditCriteria = {
  actor?: string | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
};

function offsetMinutes(at: Date, timeZone: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset(at, timeZone));
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The first instant of a calendar day (YYYY-MM-DD) in a time zone, also across a DST change. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  let at = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  const corrected = midnightUtc - offsetMinutes(new Date(at), timeZone) * 60_000;
  if (corrected !== at) at = corrected;
  return new Date(at);
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function criteriaOf(filter: AuditFilter, timeZone: string): AuditCriteria {
  return {
    actor: filter.actor,
    action: filter.action,
    subjectType: filter.subjectType,
    subjectId: filter.subjectId,
    since: filter.from ? startOfLocalDay(filter.from, timeZone) : undefined,
    until: filter.to ? startOfLocalDay(nextDay(filter.to), timeZone) : undefined,
  };
}

/** The filters worth recording with the reading (no paging cursors, nothing empty). */
export function filtersForAudit(filter: AuditFilter, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['actor', 'action', 'subjectType', 'subjectId', 'from', 'to'] as const) {
    const v = filter[k];
    if (v) out[k] = v;
  }
  if (filter.from || filter.to) out.timeZone = timeZone;
  return out;
}

/** The filters as a query string, for page links and the CSV link. */
export function filterQuery(filter: AuditFilter, cursor: { before?: string; after?: string } = {}): string {
  const q = new URLSearchParams();
  for (const k of ['actor', 'action', 'subjectType', 'subjectId', 'from', 'to'] as const) {
    const v = filter[k];
    if (v) q.set(k, v);
  }
  if (cursor.before) q.set('before', cursor.before);
  if (cursor.after) q.set('after', cursor.after);
  return q.toString();
}
