// The statistics engine: the quarterly figures (S1–S16 of ../shared/research/seeds-000-002-004.md §1) as of a
// JST day. Never a scan of every fact: the quarters before the day's quarter come from `statistics_rollup`
// (per-quarter sums of each fact's deltas, kept in step with statistics_facts by statement triggers, see
// 0017_statistics.sql), the days of its own quarter up to the day from `statistics_rollup_daily`, and the
// long-running cases from the facts still open on the day (an index on their end). So a full report over a
// million reports reads a few thousand rollup rows and the open website cases (bench/). Everything is as-of: a delta counts only if its day ≤ asOf, so a past day's report never depends
// on what happened after it — with one exception: the categories (S8, S9, S13, S14, S16) hold today's
// classification and apply from the day of receipt, so a later classification changes past days' category
// figures (src/domain/statistics-facts.ts says why).
//
// Embargo (what a public report may reveal day by day about a software case not yet published): a report's
// receipt (S1, S2), its acceptance, 不受理 and in-progress status (S3) and its categories by quarter of receipt
// (S8, S9) are what the Partnership itself publishes quarterly for every report; publications (S5, S6) and
// outcomes appear on the publication or end day. The one figure drawn from a pre-publication milestone was S10
// (priority disclosures are given before publication by definition): it is counted on the publication day (or
// the end of handling), see priorityQ. S11's "listed" is the day a developer is put on the public list of
// unreachable developers (itself published). Start days (起算日) are not in any figure.
//
// The live facts are brought up to date from the event history first (`projectStatisticsFactsIfFree`: never
// waits behind an import or another run), unless the caller says it just did (opts.project = false; the bench
// measures the report alone).
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
// - unreachable (S11): counted per case (per report), not per developer as the seed does — imported history
//   has no developer identity, so a developer listed in three cases counts three times; the pages say "cases".
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
  offGrid,
  quarterEnd,
  quarterOf,
  quarterStart,
  STATISTICS_DAY_GRID,
  type StatisticsBuckets,
  trailingQuarters,
  UNCLASSIFIED,
  yearBefore,
} from '../../domain/statistics-categories.js';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { projectStatisticsFacts, projectStatisticsFactsIfFree } from './facts.js';
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
  /**
   * bring the live facts up to date from the events first: true (default) if no other writer holds them (never
   * waits), 'wait' to wait for them, false not at all
   */
  project?: boolean | 'wait';
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
    const why = invalidBuckets(bounds) ?? (name === 'longRunning' ? null : offGrid(bounds));
    if (why) throw new RangeError(`statistics buckets ${name}: ${why}`);
  }
  // 'wait' (the CLI, tests) waits its turn; the default (a page, the API) never waits for another writer of the
  // facts — it tries, and else reads the facts as they are (the five-minute job catches up)
  const project = opts.project ?? true;
  if (project === 'wait') await projectStatisticsFacts(ctx.db);
  else if (project) await projectStatisticsFactsIfFree(ctx.db);
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

  // The quarters before the day's quarter come from the quarterly rollup, the days of its own quarter up to the
  // day from the daily one (both kept by triggers on statistics_facts).
  const qNum = quarterNumber(quarter);
  const deltasQ = sql<{ q: number; measure: string; track: string; a: string; b: string; n: string }>`
    select q, measure, track, a, b, sum(n) as n from (
      select case when measure in ('rq', 'fx') then quarter else 0 end as q, measure, track, a, b, n
        from statistics_rollup where quarter < ${qNum}
      union all
      select case when measure in ('rq', 'fx') then ${qNum} else 0 end, measure, track, a, b, n
        from statistics_rollup_daily where day between ${qStart}::date and ${asOf}::date
    ) u
    group by q, measure, track, a, b
    having sum(n) <> 0`;

  // S15: website reports open on the day (their end, outcome or 不受理, after it) notified 90 days before it
  const lrBounds = sql.val(buckets.longRunning as number[]);
  const longRunningQ = (day: string, withBuckets: boolean) => sql<{ t: string | null; b: number; c: string }>`
    select ${withBuckets ? sql`s.website_vulnerability_type` : sql`null`} as t,
      ${withBuckets ? sql`width_bucket(${day}::date - s.notified_on, ${lrBounds}::int[])` : sql`0`} as b,
      count(*) as c
    from statistics_facts s
    where s.notified_on is not null
      and coalesce(least(s.outcome_on, s.not_accepted_on), 'infinity'::date) > ${day}::date
      and s.notified_on <= ${day}::date - 90
      and s.received_on <= ${day}::date
      and s.origin <> 'overseas_csirt'
      and (case when s.reclassified_on > ${day}::date then s.track_before else s.track end) = 'website'
    group by 1, 2`;

  // S10 (embargo): a priority disclosure is by definition given before JVN publication, so counting it on its own
  // day would tell the public, day by day, that an unpublished advisory exists and which sector was told. It
  // is counted on the day its case stops being embargoed: the JVN publication, or the end of handling for a
  // case that ends without one (then nothing is left to embargo) — greatest(disclosed_on, that day). Counting it
  // on its own day "only once published by asOf" would instead change past quarters' in-quarter figures
  // after the fact; attributing it to the publication day keeps every report a sum of earlier days.
  const priorityQ = sql<{ sector: string; c: string; cq: string }>`
    select p.sector, count(*) as c, count(*) filter (where x.counted_on >= ${qStart}::date) as cq
    from statistics_priority_disclosures p
    join statistics_facts f on f.key = p.fact_key
    cross join lateral (select coalesce(f.published_on, f.outcome_on) as lifted) e
    -- greatest() skips a null: a case still embargoed (no publication, no end) gives null, never counted
    cross join lateral (select case when e.lifted is not null then greatest(p.disclosed_on, e.lifted) end as counted_on) x
    where x.counted_on <= ${asOf}::date
    group by p.sector`;

  // one snapshot for every query (REPEATABLE READ, read only): a fact written between two of them cannot make
  // the figures of one report disagree
  const [deltasR, longRunningR, yearBeforeR, priorityR, pubThisQuarter] = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      const deltasR = await deltasQ.execute(trx);
      const longRunningR = await longRunningQ(asOf, true).execute(trx);
      const yearBeforeR = await longRunningQ(aYear, false).execute(trx);
      const priorityR = await priorityQ.execute(trx);
      // this quarter's publications: the deltas of the day's quarter alone
      const pubThisQuarter = await sql<{ a: string; n: string }>`
        select a, sum(n) as n from statistics_rollup_daily
        where day between ${qStart}::date and ${asOf}::date and measure = 'pub'
        group by a`.execute(trx);
      return [deltasR, longRunningR, yearBeforeR, priorityR, pubThisQuarter] as const;
    });
  const deltas = deltasR.rows.map((r) => ({ ...r, q: Number(r.q), n: n(r.n) }));
  const sum = (pred: (d: (typeof deltas)[number]) => boolean) =>
    deltas.reduce((acc, d) => (pred(d) ? acc + d.n : acc), 0);

  // S1: cumulative per quarter end in the window (reports by track as of then, by quarter of receipt)
  const calendar = calendarFor(opts.calendar);
  const window = trailingQuarters(quarter, trendN);
  const rq = deltas.filter((d) => d.measure === 'rq');
  const cumulativeByQuarter = window.map((q) => {
    const end = q === quarter ? asOf : quarterEnd(q);
    const upTo = quarterNumber(q);
    const count = (track: string, only?: number) =>
      rq.reduce(
        (acc, d) =>
          d.track === track && d.q <= upTo && (only === undefined || Number(d.a) === only) ? acc + d.n : acc,
        0,
      );
    const software = count('software');
    const website = count('website');
    const inQuarter = { software: count('software', upTo), website: count('website', upTo) };
    const total = software + website;
    const businessDays = end < schemeStart ? 0 : calendar.businessDaysSinceSchemeStart(end, schemeStart);
    const perBusinessDay = businessDays > 0 ? Math.round((total * 100) / businessDays) / 100 : 0;
    return { quarter: q, end, total, software, website, inQuarter, businessDays, perBusinessDay };
  });

  const status = (track: string, a: string) =>
    sum((d) => d.measure === 'st' && d.track === track && d.a === a);
  const sw = sum((d) => d.measure === 'rq' && d.track === 'software');
  const web = sum((d) => d.measure === 'rq' && d.track === 'website');
  const fixedBy = (action: string) => status('website', `fixed:${action}`);
  const softwareStatus = {
    published: status('software', 'published'),
    handledIndividually: status('software', 'handled_individually'),
    notVulnerable: status('software', 'not_vulnerable'),
    inProgress: status('software', 'in_progress'),
    notAccepted: status('software', 'not_accepted'),
    total: sw,
  };
  const websiteStatus = {
    fixed: fixedBy('fixed') + fixedBy('page_deleted') + fixedBy('operational_workaround'),
    fixedByOperationalWorkaround: fixedBy('operational_workaround'),
    fixedByPageDeletion: fixedBy('page_deleted'),
    discontinuedAfterAlert: status('website', 'stopped_after_alert'),
    notVulnerable: status('website', 'not_vulnerable'),
    inProgress: status('website', 'in_progress'),
    cannotContact: status('website', 'unreachable'),
    notAccepted: status('website', 'not_accepted'),
    total: web,
  };
  const v = (k: string): number => {
    switch (k) {
      case 'pub_dom':
        return sum((d) => d.measure === 'pub' && d.a === 'domestic');
      case 'pub_ovs':
        return sum((d) => d.measure === 'pub' && d.a === 'overseas');
      default:
        return sum((d) => d.measure === 'un' && d.a === k);
    }
  };
  const pubQ = (a: string) => n(pubThisQuarter.rows.find((r) => r.a === a)?.n);

  // the histograms on the day grid, folded into the report's buckets (drawn from the grid)
  const grid = STATISTICS_DAY_GRID as readonly number[];
  const gridHistogram = (rows: { bucket: number; n: number }[], bounds: BucketBounds): DayBucket[] =>
    bucketRanges(bounds).map((range) => ({
      ...range,
      count: rows
        .filter(
          (r) =>
            r.bucket >= 1 &&
            grid[r.bucket - 1]! >= range.from &&
            (range.to === null || grid[r.bucket - 1]! <= range.to),
        )
        .reduce((a, r) => a + r.n, 0),
    }));
  const within = (rows: { bucket: number; n: number }[], days: number) =>
    rows
      .filter((r) => r.bucket >= 1 && (grid[r.bucket] ?? Infinity) - 1 <= days)
      .reduce((a, r) => a + r.n, 0);
  const dpRows = deltas.filter((d) => d.measure === 'dp').map((d) => ({ bucket: Number(d.a), n: d.n }));
  const fxAll = deltas.filter((d) => d.measure === 'fx');
  const fxRows = fxAll.map((d) => ({ type: d.a, bucket: Number(d.b), n: d.n, q: d.q }));
  const dpBase = dpRows.reduce((a, r) => a + r.n, 0);
  const dp45 = within(dpRows, 45);
  const fxBase = fxRows.reduce((a, r) => a + r.n, 0);
  const fx30 = within(fxRows, 30);
  const fx90 = within(fxRows, 90);

  // category breakdowns
  const cats = deltas
    .filter((d) => d.measure === 'cat')
    .map((d) => {
      const at = d.a.indexOf(':');
      return {
        trk: d.track,
        list: d.a.slice(0, at),
        code: d.a.slice(at + 1) || null,
        q: quarterName(Number(d.b)),
        c: d.n,
      };
    });
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

  const trendByQuarter = new Map<number, { fixed: number; within90: number }>();
  for (const r of fxRows) {
    const e = trendByQuarter.get(r.q) ?? { fixed: 0, within90: 0 };
    e.fixed += r.n;
    e.within90 += within([r], 90);
    trendByQuarter.set(r.q, e);
  }
  const within90Trend = window.map((q) => {
    const upTo = quarterNumber(q);
    let cumulativeFixed = 0;
    let within90 = 0;
    for (const [tq, e] of trendByQuarter) {
      if (tq > upTo) continue;
      cumulativeFixed += e.fixed;
      within90 += e.within90;
    }
    return { quarter: q, cumulativeFixed, within90, pct: sharePct(within90, cumulativeFixed) };
  });

  const sectors = CATEGORY_LISTS.prioritySector as readonly string[];
  const pr = new Map(priorityR.rows.map((r) => [r.sector, { c: n(r.c), cq: n(r.cq) }]));
  const prTotal = [...pr.values()].reduce((a, e) => a + e.c, 0);
  const prQuarter = [...pr.values()].reduce((a, e) => a + e.cq, 0);

  const typeOf = (t: string | null) => categoryOrUnclassified('websiteVulnerabilityType', t || null);
  const vulnTypes = [...CATEGORY_LISTS.websiteVulnerabilityType, UNCLASSIFIED] as readonly string[];
  const lrRows = longRunningR.rows.map((r) => ({ t: r.t, b: n(r.b), c: n(r.c) }));
  const lrTotal = lrRows.reduce((a, r) => a + r.c, 0);
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
      total: v('pub_dom') + v('pub_ovs'),
      domestic: v('pub_dom'),
      overseas: v('pub_ovs'),
      inQuarter: { domestic: pubQ('domestic'), overseas: pubQ('overseas') },
    },
    daysToPublication: {
      base: dpBase,
      within45: dp45,
      within45Pct: sharePct(dp45, dpBase),
      histogram: gridHistogram(dpRows, buckets.daysToPublication),
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
      listed: v('listed'),
      resumed: v('resumed'),
      completed: v('completed'),
      stillUnreachable: v('still'),
    },
    daysToFix: {
      base: fxBase,
      within30: fx30,
      within30Pct: sharePct(fx30, fxBase),
      within90: fx90,
      within90Pct: sharePct(fx90, fxBase),
      histogram: gridHistogram(fxRows, buckets.daysToFix),
      byType: vulnTypes
        .map((type) => {
          const rows = fxRows.filter((r) => typeOf(r.type) === type);
          return {
            type,
            base: rows.reduce((a, r) => a + r.n, 0),
            within30: within(rows, 30),
            within90: within(rows, 90),
            histogram: gridHistogram(rows, buckets.daysToFix),
          };
        })
        .filter((t) => t.type !== UNCLASSIFIED || t.base > 0),
      within90Trend,
    },
    websiteByVulnerabilityType: breakdown('websiteVulnerabilityType', 'website', window),
    websiteByThreat: breakdown('threat', 'website', window),
    longRunning: {
      total: lrTotal,
      yearBefore: yearBeforeR.rows.reduce((a, r) => a + n(r.c), 0),
      buckets: bucketRanges(buckets.longRunning).map((range, i) => {
        const rows = lrRows.filter((r) => r.b === i + 1);
        const base = rows.reduce((a, r) => a + r.c, 0);
        return {
          ...range,
          count: base,
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

/** '2012Q3' → 8050 (year × 4 + quarter − 1), as statistics_quarter() in 0017_statistics.sql. */
export function quarterNumber(quarter: string): number {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`"${quarter}" is not a quarter`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

/** 8050 → '2012Q3'. */
export function quarterName(q: number): string {
  return `${Math.floor(q / 4)}Q${(q % 4) + 1}`;
}

/** For callers that want the previous quarter's report: its last day. */
export function previousQuarterEnd(asOf: string): string {
  return quarterEnd(addQuarters(quarterOf(asOf), -1));
}

export type { CategoryCount };
