// The long-running list (取扱いが長期化, seed 004 §1.2.3(4)): website cases with no outcome 90 days or more after the
// details were sent, counted by age bucket and vulnerability type, as of today or any past date. "As of" a date
// reads the case as it stood at the end of that JST day: notified by then, and neither closed nor moved to the
// product track by then (the case's own closed and superseded events say when).
import { jstDate } from '../../domain/business-days.js';
import { audit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { AppContext } from '../../platform/context.js';
import { CASE_EVENTS } from '../cases/open-case-for-report.js';
import { elapsedDays, LONG_RUNNING_BUCKETS, longRunningBucket } from './website-clock.js';

export type LongRunningCase = {
  reference: string;
  notifiedAt: Date;
  days: number;
  bucket: string;
  vulnerabilityType: string | null;
  operator: { ja: string; en: string } | null;
};

export type LongRunningList = {
  asOfDate: string;
  buckets: readonly string[];
  /** vulnerability types present, in the order of the counts table */
  types: (string | null)[];
  /** counts[bucket][type ?? ''] */
  counts: Record<string, Record<string, number>>;
  total: number;
  cases: LongRunningCase[];
};

/** The end of a JST calendar day (YYYY-MM-DD). */
function endOfJstDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - 9 * 3_600_000 - 1);
}

export async function listLongRunning(
  ctx: AppContext,
  actor: Actor,
  input: { asOfDate?: string | undefined; ip?: string | null },
): Promise<LongRunningList> {
  authorize(actor, 'website.work', { track: 'website' });
  const asOfDate = input.asOfDate ?? jstDate(ctx.clock.now());
  const asOf = endOfJstDay(asOfDate);
  const rows = await ctx.db
    .selectFrom('website_cases as w')
    .innerJoin('cases as c', 'c.id', 'w.case_id')
    .leftJoin('organizations as o', 'o.id', 'w.operator_organization_id')
    .select([
      'c.reference',
      'w.notified_at',
      'w.vulnerability_type',
      'o.name_ja',
      'o.name_en',
      (eb) =>
        eb
          .selectFrom('events as e')
          .select((e) => e.fn.min('e.at').as('at'))
          .whereRef('e.stream_id', '=', 'c.id')
          .where('e.stream_type', '=', 'case')
          .where('e.type', 'in', [CASE_EVENTS.superseded, CASE_EVENTS.closed])
          .as('ended_at'),
    ])
    .where('c.track', '=', 'website')
    .where('w.notified_at', 'is not', null)
    .where('w.notified_at', '<=', asOf)
    .where((eb) => eb.or([eb('w.closed_at', 'is', null), eb('w.closed_at', '>', asOf)]))
    .orderBy('w.notified_at')
    .orderBy('c.reference')
    .execute();
  const cases: LongRunningCase[] = [];
  for (const r of rows) {
    const notifiedAt = r.notified_at as Date;
    // closed or moved to the product track by then, whatever closed it (an outcome, a discontinued report)
    const ended = r.ended_at ? new Date(r.ended_at as unknown as string) : null;
    if (ended && ended.getTime() <= asOf.getTime()) continue;
    const bucket = longRunningBucket(notifiedAt, asOf);
    if (!bucket) continue;
    cases.push({
      reference: r.reference,
      notifiedAt,
      days: elapsedDays(notifiedAt, asOf),
      bucket,
      vulnerabilityType: r.vulnerability_type,
      operator: r.name_ja && r.name_en ? { ja: r.name_ja, en: r.name_en } : null,
    });
  }
  const buckets = LONG_RUNNING_BUCKETS.map((b) => b.key);
  const types = [...new Set(cases.map((c) => c.vulnerabilityType))].sort((a, b) =>
    (a ?? '~').localeCompare(b ?? '~'),
  );
  const counts: Record<string, Record<string, number>> = {};
  for (const b of buckets) counts[b] = Object.fromEntries(types.map((t) => [t ?? '', 0]));
  for (const c of cases) {
    const row = counts[c.bucket] as Record<string, number>;
    row[c.vulnerabilityType ?? ''] = (row[c.vulnerabilityType ?? ''] ?? 0) + 1;
  }
  await audit(ctx.db, {
    actor,
    action: 'website.long_running_read',
    ip: input.ip ?? null,
    detail: { asOfDate, total: cases.length },
  });
  return { asOfDate, buckets, types, counts, total: cases.length, cases };
}
