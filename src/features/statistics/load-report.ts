// Where the pages, downloads and API get a report: the engine, as of a day, remembered for a few minutes so a
// popular page does not recompute it for every visitor (a past day's report changes only when history is
// imported; today's as cases move). Requests for the same day while one is being computed share it. Completed
// quarters' last days are kept apart (never evicted by other days), and other arbitrary days are rate-limited
// per client (asOfLimit, on the routes).
import { jstDate, SCHEME_START } from '../../domain/business-days.js';
import { isDay, quarterEnd, quarterOf } from '../../domain/statistics-categories.js';
import type { AppContext } from '../../platform/context.js';
import { computeReport } from './compute-report.js';
import type { StatisticsReport } from './report.js';

export type ReportLoader = (ctx: AppContext, asOf: string) => Promise<StatisticsReport>;

/** 届出受付開始: the first day a report can be asked for. */
export function schemeStartOf(_ctx: AppContext): string {
  return SCHEME_START;
}

/** A report with nothing counted (the shape every page can draw). */
export function emptyReport(asOf: string, schemeStart: string): StatisticsReport {
  const breakdown = { base: 0, cumulative: [], byQuarter: [] };
  return {
    asOf,
    quarter: `${asOf.slice(0, 4)}Q${Math.floor((Number(asOf.slice(5, 7)) - 1) / 3) + 1}`,
    schemeStart,
    cumulativeByQuarter: [],
    totals: { software: 0, website: 0, total: 0 },
    softwareStatus: {
      published: 0,
      handledIndividually: 0,
      notVulnerable: 0,
      inProgress: 0,
      notAccepted: 0,
      total: 0,
    },
    websiteStatus: {
      fixed: 0,
      fixedByOperationalWorkaround: 0,
      fixedByPageDeletion: 0,
      discontinuedAfterAlert: 0,
      notVulnerable: 0,
      inProgress: 0,
      cannotContact: 0,
      notAccepted: 0,
      total: 0,
    },
    publications: { total: 0, domestic: 0, overseas: 0, inQuarter: { domestic: 0, overseas: 0 } },
    daysToPublication: { base: 0, within45: 0, within45Pct: 0, histogram: [] },
    softwareByProductType: breakdown,
    softwareByCause: breakdown,
    priorityDisclosures: { total: 0, cumulative: [], inQuarter: [] },
    unreachable: { listed: 0, resumed: 0, completed: 0, stillUnreachable: 0 },
    daysToFix: {
      base: 0,
      within30: 0,
      within30Pct: 0,
      within90: 0,
      within90Pct: 0,
      histogram: [],
      byType: [],
      within90Trend: [],
    },
    websiteByVulnerabilityType: breakdown,
    websiteByThreat: breakdown,
    longRunning: { total: 0, yearBefore: 0, buckets: [] },
    websiteByOperatorType: breakdown,
  };
}

/** The engine: brings the facts up to date from the event history, then aggregates them as of the day. */
async function compute(ctx: AppContext, asOf: string): Promise<StatisticsReport> {
  return computeReport(ctx, asOf, { schemeStart: schemeStartOf(ctx) });
}

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 64;
/**
 * The last days of completed quarters (the quarterly reports, ~90 since 2004) are kept apart, for an hour and
 * all of them, so visitors asking for arbitrary days can never push them out; other days share the 64.
 */
const QUARTER_END_TTL_MS = 60 * 60_000;
const MAX_QUARTER_ENDS = 256;
type Remembered = Map<string, { at: number; report: Promise<StatisticsReport> }>;
/** per application (tests run several in one process): other days, and completed quarters' last days */
const rememberedBy = new WeakMap<AppContext, { days: Remembered; quarterEnds: Remembered }>();

/** Whether `day` is the last day of its quarter. */
export function isQuarterEnd(day: string): boolean {
  return isDay(day) && quarterEnd(quarterOf(day)) === day;
}

/**
 * Requests per client address and minute that ask for an as-of day other than today or a quarter's last day
 * (the pages' own links): each may cost a computation, so a client cannot make thousands of them (~8,000 valid
 * days × the pages, CSV and API) for free. Today and quarter ends are cached for everyone and not limited.
 */
export const ARBITRARY_AS_OF_PER_MINUTE = 20;

/** Whether the raw ?asOf= asks for such an arbitrary day (absent = today; an invalid value counts too). */
export function isArbitraryAsOf(raw: unknown, today: string): boolean {
  if (raw === undefined || raw === '' || raw === today) return false;
  return !(typeof raw === 'string' && isQuarterEnd(raw));
}

/** The route option (@fastify/rate-limit) of the routes taking ?asOf=. */
export const asOfLimit = (today: () => string) => ({
  rateLimit: {
    max: ARBITRARY_AS_OF_PER_MINUTE,
    timeWindow: '1 minute',
    groupId: 'statistics-as-of',
    allowList: (req: { query: unknown }) =>
      !isArbitraryAsOf((req.query as { asOf?: unknown } | undefined)?.asOf, today()),
  },
});
let generation = 0;
let engine: ReportLoader = compute;

/** Puts a fixture in the engine's place (the browser tests); the returned function puts the engine back. */
export function replaceEngineForTests(fixture: ReportLoader): () => void {
  engine = fixture;
  generation++;
  return () => {
    engine = compute;
    generation++;
  };
}

/** The report as of `asOf` (a valid day, checked by the caller). */
export const loadReport: ReportLoader = (ctx, asOf) => {
  const nowDate = ctx.clock.now();
  const now = nowDate.getTime();
  const caches = rememberedBy.get(ctx) ?? { days: new Map(), quarterEnds: new Map() };
  rememberedBy.set(ctx, caches);
  const completedQuarter = isQuarterEnd(asOf) && asOf < jstDate(nowDate);
  const remembered = completedQuarter ? caches.quarterEnds : caches.days;
  const ttl = completedQuarter ? QUARTER_END_TTL_MS : TTL_MS;
  const max = completedQuarter ? MAX_QUARTER_ENDS : MAX_ENTRIES;
  const key = `${generation}:${asOf}`;
  const hit = remembered.get(key);
  if (hit && now - hit.at < ttl) return hit.report;
  const report = engine(ctx, asOf);
  // a failure is not remembered
  report.catch(() => remembered.delete(key));
  if (remembered.size >= max) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, { at: now, report });
  return report;
};
