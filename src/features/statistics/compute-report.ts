// The statistics engine: the quarterly figures (S1–S16 of ../shared/research/seeds-000-002-004.md §1) as of a
// JST day, aggregated in PostgreSQL over `statistics_facts` (0017_statistics.sql) — a handful of scans with
// FILTER clauses, never the rows themselves, so a full report over a million reports stays well under two
// seconds (bench/). Everything is as-of: a milestone counts only if its day ≤ asOf, so a past day's report
// never depends on what happened after it, nor on when it is computed.
//
// The live facts are brought up to date from the event history first (`projectStatisticsFacts`), unless the
// caller says it just did (opts.project = false; the bench measures the report alone).
//
// Definitions, per figure (the seeds' wording in report.ts):
// - a report is counted from its 届出日 (received_on); overseas-CSIRT cases are never reports, only JVN
//   publications (S5). A reclassified report counts once, in the track it had on the as-of day.
// - status breakdowns (S3, S4) count every report, 不受理 included; 不受理 wins over any later outcome.
// - category breakdowns (S8, S9, S13, S14, S16) count reports that are not 不受理 as of the day (undecided ones
//   included: base 1,221 = 1,424 − 203); per quarter by the quarter of receipt.
// - days to publication (S6): software reports published as of the day, 受理 → publication in calendar days.
// - days to fix (S12): website reports fixed as of the day that have a details-notice day, 詳細通知 → fix.
// - long-running (S15): website reports not 不受理, notified ≥ 90 days before the day, no outcome by the day.
import { sql } from 'kysely';
import {
  type BusinessCalendarOptions,
  createBusinessCalendar,
  SCHEME_START,
} from '../../domain/business-days.js';
import {
  addQuarters,
  type BucketBounds,
  bucketRanges,
  CATEGORY_LISTS,
  type CategoryList,
  categoryOrUnclassified,
  DEFAULT_BUCKETS,
  invalidBuckets,
  isDay,
  quarterEnd,
  quarterOf,
  quarterStart,
  type StatisticsBuckets,
  trailingQuarters,
  UNCLASSIFIED,
  yearBefore,
} from '../../domain/statistics-categories.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { projectStatisticsFacts } from './facts.js';
import {
  type Breakdown,
  type CategoryCount,
  type DayBucket,
  type StatisticsReport,
  sharePct,
} from './report.js';

export type ComputeReportOptions = {
  /** 届出受付開始; default 2004-07-08 */
  schemeStart?: string;
  /** the business calendar of 1就業日あたり (default: holidays and the year-end closure 12/29–1/3) */
  calendar?: BusinessCalendarOptions;
  buckets?: Partial<StatisticsBuckets>;
  /** quarters in the trend windows: S1, S12 and the category breakdowns (12), S16 operator types (8) */
  trendQuarters?: number;
  operatorTrendQuarters?: number;
  /** bring the live facts up to date from the events first (default true) */
  project?: boolean;
};

const calendars = new Map<string, ReturnType<typeof createBusinessCalendar>>();
function calendarFor(options: BusinessCalendarOptions | undefined) {
  const key = JSON.stringify(options ?? {});
  let cal = calendars.get(key);
  if (!cal) {
    cal = createBusinessCalendar(options);
    if (calendars.size > 16) calendars.clear();
    calendars.set(key, cal);
  }
  return cal;
}

export class InvalidAsOfError extends Error {
  constructor(asOf: string) {
    super(`"${asOf}" is not a calendar day written YYYY-MM-DD`);
  }
}

export async function computeReport(
  ctx: Pick<AppContext, 'db'> & Partial<AppContext>,
  asOf: string,
  opts: ComputeReportOptions = {},
): Promise<StatisticsReport> {
  if (!isDay(asOf)) throw new InvalidAsOfError(asOf);
  const buckets: StatisticsBuckets = { ...DEFAULT_BUCKETS, ...opts.buckets };
  for (const [name, bounds] of Object.entries(buckets)) {
    const why = invalidBuckets(bounds);
    if (why) throw new RangeError(`statistics buckets ${name}: ${why}`);
  }
  if (opts.project ?? true) await projectStatisticsFacts(ctx.db);
  return computeReportFromFacts(ctx.db, asOf, { ...opts, buckets });
}

const n = (v: unknown): number => Number(v ?? 0);

/** The report from the facts as they are (no projection). */
export async function computeReportFromFacts(
  db: Database,
  asOf: string,
  opts: ComputeReportOptions & { buckets: StatisticsBuckets },
): Promise<StatisticsReport> {
  if (!isDay(asOf)) throw new InvalidAsOfError(asOf);
  const schemeStart = opts.schemeStart ?? SCHEME_START;
  const trendN = opts.trendQuarters ?? 12;
  const operatorN = opts.operatorTrendQuarters ?? 8;
  const quarter = quarterOf(asOf);
  const qStart = quarterStart(quarter);
  const aYear = yearBefore(asOf);
  const { buckets } = opts;

  // the facts as of the day: the track then, whether 不受理 by then, the outcome known by then
  const f = sql`(
    select
      case when s.reclassified_on > ${asOf}::date then s.track_before else s.track end as trk,
      s.origin <> 'overseas_csirt' as rep,
      s.received_on,
      s.accepted_on,
      coalesce(s.not_accepted_on <= ${asOf}::date, false) as na,
      case when s.outcome_on <= ${asOf}::date and (s.reclassified_on is null or s.reclassified_on <= ${asOf}::date)
        then s.outcome end as oc,
      s.outcome_on,
      s.fix_action,
      s.notified_on,
      s.published_on,
      s.website_vulnerability_type as vtype,
      s.unreachable_listed_on, s.unreachable_resumed_on, s.unreachable_completed_on,
      s.track, s.track_before, s.reclassified_on, s.not_accepted_on
    from statistics_facts s
    where s.received_on <= ${asOf}::date
  ) f`;

  const summaryQ = sql<Record<string, string>>`
    select
      count(*) filter (where rep and trk = 'software') as sw,
      count(*) filter (where rep and trk = 'website') as web,
      count(*) filter (where rep and trk = 'software' and na) as sw_na,
      count(*) filter (where rep and trk = 'software' and not na and oc = 'published') as sw_pub,
      count(*) filter (where rep and trk = 'software' and not na and oc = 'handled_individually') as sw_ind,
      count(*) filter (where rep and trk = 'software' and not na and oc = 'not_vulnerable') as sw_nv,
      count(*) filter (where rep and trk = 'website' and na) as web_na,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'fixed') as web_fixed,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'fixed'
        and fix_action = 'operational_workaround') as web_fixed_op,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'fixed'
        and fix_action = 'page_deleted') as web_fixed_del,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'stopped_after_alert') as web_alert,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'not_vulnerable') as web_nv,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'unreachable') as web_unr,
      count(*) filter (where published_on <= ${asOf}::date and not na) as pub_total,
      count(*) filter (where published_on <= ${asOf}::date and not na and rep) as pub_dom,
      count(*) filter (where published_on <= ${asOf}::date and not rep) as pub_ovs,
      count(*) filter (where published_on between ${qStart}::date and ${asOf}::date and not na and rep) as pub_dom_q,
      count(*) filter (where published_on between ${qStart}::date and ${asOf}::date and not rep) as pub_ovs_q,
      count(*) filter (where rep and trk = 'software' and not na and oc = 'published'
        and accepted_on is not null and published_on is not null) as dp_base,
      count(*) filter (where rep and trk = 'software' and not na and oc = 'published'
        and accepted_on is not null and published_on - accepted_on <= 45) as dp_45,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'fixed' and notified_on is not null) as fx_base,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'fixed'
        and outcome_on - notified_on <= 30) as fx_30,
      count(*) filter (where rep and trk = 'website' and not na and oc = 'fixed'
        and outcome_on - notified_on <= 90) as fx_90,
      count(*) filter (where rep and unreachable_listed_on <= ${asOf}::date) as un_listed,
      count(*) filter (where rep and unreachable_resumed_on <= ${asOf}::date) as un_resumed,
      count(*) filter (where rep and unreachable_completed_on <= ${asOf}::date) as un_completed,
      count(*) filter (where rep and unreachable_listed_on <= ${asOf}::date
        and not coalesce(unreachable_resumed_on <= ${asOf}::date, false) and oc is null) as un_still,
      count(*) filter (where rep and trk = 'website' and not na and oc is null
        and notified_on <= ${asOf}::date - 90) as lr,
      count(*) filter (where rep and received_on <= ${aYear}::date
        and (case when reclassified_on > ${aYear}::date then track_before else track end) = 'website'
        and not coalesce(not_accepted_on <= ${aYear}::date, false)
        and notified_on <= ${aYear}::date - 90
        and not coalesce(outcome_on <= ${aYear}::date, false)) as lr_year_before
    from ${f}`;

  // reports received per quarter, by track now and before a reclassification (rare: few extra groups)
  const receivedQ = sql<{
    q: string;
    track: string;
    track_before: string | null;
    rc: string | null;
    c: string;
  }>`
    select to_char(received_on, 'YYYY"Q"Q') as q, track, track_before, reclassified_on::text as rc,
      count(*) as c
    from statistics_facts
    where received_on <= ${asOf}::date and origin <> 'overseas_csirt'
    group by 1, 2, 3, 4`;

  // accepted (not 不受理) reports per quarter of receipt and category
  const categoriesQ = sql<{
    trk: string;
    q: string;
    list: CategoryList;
    code: string | null;
    c: string;
  }>`
    select trk, q,
      case grouping(vtype, threat, product_type, cause, operator_type)
        when 15 then 'websiteVulnerabilityType' when 23 then 'threat' when 27 then 'productType'
        when 29 then 'cause' else 'operatorType' end as list,
      coalesce(vtype, threat, product_type, cause, operator_type) as code,
      count(*) as c
    from (
      select
        case when s.reclassified_on > ${asOf}::date then s.track_before else s.track end as trk,
        to_char(s.received_on, 'YYYY"Q"Q') as q,
        s.website_vulnerability_type as vtype, s.threat, s.product_type, s.cause, s.operator_type
      from statistics_facts s
      where s.received_on <= ${asOf}::date and s.origin <> 'overseas_csirt'
        and not coalesce(s.not_accepted_on <= ${asOf}::date, false)
    ) a
    group by grouping sets ((trk, q, vtype), (trk, q, threat), (trk, q, product_type), (trk, q, cause),
      (trk, q, operator_type))`;

  const pubBounds = sql.val(buckets.daysToPublication as number[]);
  const fixBounds = sql.val(buckets.daysToFix as number[]);
  const lrBounds = sql.val(buckets.longRunning as number[]);
  // histograms and the within-90 trend, over the few facts each concerns
  const histogramQ = sql<{ k: string; t: string | null; b: number; c: string }>`
    select 'pub' as k, null as t, width_bucket(published_on - accepted_on, ${pubBounds}::int[]) as b, count(*) as c
      from ${f}
      where rep and trk = 'software' and not na and oc = 'published' and accepted_on is not null
        and published_on is not null
      group by 1, 2, 3
    union all
    select 'fix', vtype, width_bucket(outcome_on - notified_on, ${fixBounds}::int[]), count(*)
      from ${f}
      where rep and trk = 'website' and not na and oc = 'fixed' and notified_on is not null
      group by 1, 2, 3
    union all
    select 'trend:' || to_char(outcome_on, 'YYYY"Q"Q'), null, (outcome_on - notified_on <= 90)::int, count(*)
      from ${f}
      where rep and trk = 'website' and not na and oc = 'fixed' and notified_on is not null
      group by 1, 2, 3
    union all
    select 'lr', vtype, width_bucket(${asOf}::date - notified_on, ${lrBounds}::int[]), count(*)
      from ${f}
      where rep and trk = 'website' and not na and oc is null and notified_on <= ${asOf}::date - 90
      group by 1, 2, 3`;

  const priorityQ = sql<{ sector: string; c: string; cq: string }>`
    select p.sector, count(*) as c, count(*) filter (where p.disclosed_on >= ${qStart}::date) as cq
    from statistics_priority_disclosures p
    where p.disclosed_on <= ${asOf}::date
    group by p.sector`;

  const [summaryR, receivedR, categoriesR, histogramR, priorityR] = await Promise.all([
    summaryQ.execute(db),
    receivedQ.execute(db),
    categoriesQ.execute(db),
    histogramQ.execute(db),
    priorityQ.execute(db),
  ]);
  const s = summaryR.rows[0] ?? {};
  const v = (k: string) => n(s[k]);

  // S1: cumulative per quarter end in the window
  const calendar = calendarFor(opts.calendar);
  const window = trailingQuarters(quarter, trendN);
  const received = receivedR.rows.map((r) => ({ ...r, c: n(r.c) }));
  const cumulativeByQuarter = window.map((q) => {
    const end = q === quarter ? asOf : quarterEnd(q);
    let software = 0;
    let website = 0;
    const inQuarter = { software: 0, website: 0 };
    for (const r of received) {
      if (r.q > q) continue;
      const trk = r.rc !== null && r.rc > end ? r.track_before : r.track;
      if (trk === 'software') software += r.c;
      else website += r.c;
      if (r.q === q) inQuarter[trk === 'software' ? 'software' : 'website'] += r.c;
    }
    const total = software + website;
    const businessDays = end < schemeStart ? 0 : calendar.businessDaysSinceSchemeStart(end, schemeStart);
    const perBusinessDay = businessDays > 0 ? Math.round((total * 100) / businessDays) / 100 : 0;
    return { quarter: q, end, total, software, website, inQuarter, businessDays, perBusinessDay };
  });

  const sw = v('sw');
  const web = v('web');
  const softwareStatus = {
    published: v('sw_pub'),
    handledIndividually: v('sw_ind'),
    notVulnerable: v('sw_nv'),
    notAccepted: v('sw_na'),
    inProgress: sw - v('sw_pub') - v('sw_ind') - v('sw_nv') - v('sw_na'),
    total: sw,
  };
  const websiteStatus = {
    fixed: v('web_fixed'),
    fixedByOperationalWorkaround: v('web_fixed_op'),
    fixedByPageDeletion: v('web_fixed_del'),
    discontinuedAfterAlert: v('web_alert'),
    notVulnerable: v('web_nv'),
    cannotContact: v('web_unr'),
    notAccepted: v('web_na'),
    inProgress: web - v('web_fixed') - v('web_alert') - v('web_nv') - v('web_unr') - v('web_na'),
    total: web,
  };

  // category breakdowns
  const cats = categoriesR.rows.map((r) => ({ ...r, c: n(r.c) }));
  const breakdown = (list: CategoryList, track: 'software' | 'website', quarters: string[]): Breakdown => {
    const codes = [...(CATEGORY_LISTS[list] as readonly string[]), UNCLASSIFIED];
    const total = new Map<string, number>();
    const perQuarter = new Map<string, Map<string, number>>(quarters.map((q) => [q, new Map()]));
    for (const r of cats) {
      if (r.list !== list || r.trk !== track) continue;
      const code = categoryOrUnclassified(list, r.code);
      total.set(code, (total.get(code) ?? 0) + r.c);
      const pq = perQuarter.get(r.q);
      if (pq) pq.set(code, (pq.get(code) ?? 0) + r.c);
    }
    const counts = (m: Map<string, number>) => {
      const base = [...m.values()].reduce((a, b) => a + b, 0);
      return {
        base,
        counts: codes
          .map((category) => ({ category, count: m.get(category) ?? 0 }))
          .filter((c) => c.category !== UNCLASSIFIED || c.count > 0)
          .map((c) => ({ ...c, pct: sharePct(c.count, base) })),
      };
    };
    const cumulative = counts(total);
    return {
      base: cumulative.base,
      cumulative: cumulative.counts,
      byQuarter: quarters.map((q) => ({ quarter: q, ...counts(perQuarter.get(q)!) })),
    };
  };

  // histograms
  const hist = histogramR.rows.map((r) => ({ k: r.k, t: r.t, b: n(r.b), c: n(r.c) }));
  const histogram = (bounds: BucketBounds, rows: typeof hist): DayBucket[] =>
    bucketRanges(bounds).map((range, i) => ({
      ...range,
      count: rows.filter((r) => r.b === i + 1).reduce((a, r) => a + r.c, 0),
    }));
  const pubRows = hist.filter((r) => r.k === 'pub');
  const fixRows = hist.filter((r) => r.k === 'fix');
  const lrRows = hist.filter((r) => r.k === 'lr');
  const typeOf = (t: string | null) => categoryOrUnclassified('websiteVulnerabilityType', t);
  const vulnTypes = [...CATEGORY_LISTS.websiteVulnerabilityType, UNCLASSIFIED] as readonly string[];
  const fixWithin = (days: number, rows: typeof hist) => {
    // a bucket is within `days` when its upper end is ≤ days; the bounds keep 31 and 91 lower bounds by default,
    // but the headline counts come from SQL so they hold for any bucket set — these are per type only
    const ranges = bucketRanges(buckets.daysToFix);
    return rows
      .filter((r) => r.b >= 1 && ranges[r.b - 1]!.to !== null && ranges[r.b - 1]!.to! <= days)
      .reduce((a, r) => a + r.c, 0);
  };

  const trendByQuarter = new Map<string, { fixed: number; within90: number }>();
  for (const r of hist) {
    if (!r.k.startsWith('trend:')) continue;
    const q = r.k.slice(6);
    const e = trendByQuarter.get(q) ?? { fixed: 0, within90: 0 };
    e.fixed += r.c;
    if (r.b === 1) e.within90 += r.c;
    trendByQuarter.set(q, e);
  }
  const within90Trend = window.map((q) => {
    let cumulativeFixed = 0;
    let within90 = 0;
    for (const [tq, e] of trendByQuarter) {
      if (tq > q) continue;
      cumulativeFixed += e.fixed;
      within90 += e.within90;
    }
    return { quarter: q, cumulativeFixed, within90, pct: sharePct(within90, cumulativeFixed) };
  });

  const sectors = CATEGORY_LISTS.prioritySector as readonly string[];
  const pr = new Map(priorityR.rows.map((r) => [r.sector, { c: n(r.c), cq: n(r.cq) }]));
  const prTotal = [...pr.values()].reduce((a, e) => a + e.c, 0);
  const prQuarter = [...pr.values()].reduce((a, e) => a + e.cq, 0);

  const lrTotal = v('lr');
  const operatorWindow = trailingQuarters(quarter, operatorN);

  return {
    asOf,
    quarter,
    schemeStart,
    cumulativeByQuarter,
    totals: { software: sw, website: web, total: sw + web },
    softwareStatus,
    websiteStatus,
    publications: {
      total: v('pub_total'),
      domestic: v('pub_dom'),
      overseas: v('pub_ovs'),
      inQuarter: { domestic: v('pub_dom_q'), overseas: v('pub_ovs_q') },
    },
    daysToPublication: {
      base: v('dp_base'),
      within45: v('dp_45'),
      within45Pct: sharePct(v('dp_45'), v('dp_base')),
      histogram: histogram(buckets.daysToPublication, pubRows),
    },
    softwareByProductType: breakdown('productType', 'software', window),
    softwareByCause: breakdown('cause', 'software', window),
    priorityDisclosures: {
      total: prTotal,
      cumulative: sectors.map((category) => {
        const count = pr.get(category)?.c ?? 0;
        return { category, count, pct: sharePct(count, prTotal) };
      }),
      inQuarter: sectors.map((category) => {
        const count = pr.get(category)?.cq ?? 0;
        return { category, count, pct: sharePct(count, prQuarter) };
      }),
    },
    unreachable: {
      listed: v('un_listed'),
      resumed: v('un_resumed'),
      completed: v('un_completed'),
      stillUnreachable: v('un_still'),
    },
    daysToFix: {
      base: v('fx_base'),
      within30: v('fx_30'),
      within30Pct: sharePct(v('fx_30'), v('fx_base')),
      within90: v('fx_90'),
      within90Pct: sharePct(v('fx_90'), v('fx_base')),
      histogram: histogram(buckets.daysToFix, fixRows),
      byType: vulnTypes
        .map((type) => {
          const rows = fixRows.filter((r) => typeOf(r.t) === type);
          return {
            type,
            base: rows.reduce((a, r) => a + r.c, 0),
            within30: fixWithin(30, rows),
            within90: fixWithin(90, rows),
            histogram: histogram(buckets.daysToFix, rows),
          };
        })
        .filter((t) => t.type !== UNCLASSIFIED || t.base > 0),
      within90Trend,
    },
    websiteByVulnerabilityType: breakdown('websiteVulnerabilityType', 'website', window),
    websiteByThreat: breakdown('threat', 'website', window),
    longRunning: {
      total: lrTotal,
      yearBefore: v('lr_year_before'),
      buckets: histogram(buckets.longRunning, lrRows).map((bucket, i) => {
        const rows = lrRows.filter((r) => r.b === i + 1);
        const base = rows.reduce((a, r) => a + r.c, 0);
        return {
          ...bucket,
          byType: vulnTypes
            .map((category) => {
              const count = rows.filter((r) => typeOf(r.t) === category).reduce((a, r) => a + r.c, 0);
              return { category, count, pct: sharePct(count, base) };
            })
            .filter((c) => c.category !== UNCLASSIFIED || c.count > 0),
        };
      }),
    },
    websiteByOperatorType: breakdown('operatorType', 'website', operatorWindow),
  };
}

/** For callers that want the previous quarter's report: its last day. */
export function previousQuarterEnd(asOf: string): string {
  return quarterEnd(addQuarters(quarterOf(asOf), -1));
}

export type { CategoryCount };
