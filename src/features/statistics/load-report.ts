// Where the pages, downloads and API get a report: the engine, as of a day, remembered for a few minutes so a
// popular page does not recompute it for every visitor (a past day's report changes only when history is
// imported; today's as cases move). Requests for the same day while one is being computed share it.
import { SCHEME_START } from '../../domain/business-days.js';
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
type Remembered = Map<string, { at: number; report: Promise<StatisticsReport> }>;
/** per application (tests run several in one process) */
const rememberedBy = new WeakMap<AppContext, Remembered>();
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
  const now = ctx.clock.now().getTime();
  const remembered: Remembered = rememberedBy.get(ctx) ?? new Map();
  rememberedBy.set(ctx, remembered);
  const key = `${generation}:${asOf}`;
  const hit = remembered.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.report;
  const report = engine(ctx, asOf);
  // a failure is not remembered
  report.catch(() => remembered.delete(key));
  if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, { at: now, report });
  return report;
};
