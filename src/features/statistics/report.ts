// The statistics report (届出状況): what the engine computes as of a day, and all that the public pages, the charts,
// the CSV/JSON downloads and `GET /api/v1/statistics?asOf=` show. Definitions: ../shared/DOMAIN.md
// ("Statistics") and ../shared/research/seeds-000-002-004.md §1 (S1–S16) with the reference figures of its
// Appendix A. Counts are exact integers; shares are computed from them with `sharePct` (round half up, as the
// published figures are: 1,905 / 2,655 = 71.75% → 72%). Days are JST calendar days 'YYYY-MM-DD'; quarters are
// calendar quarters named '2012Q3'.

export type QuarterKey = string;

/** A count per category; `base` is what the shares are of. Categories are codes (labels come from messages). */
export type CategoryCount = { category: string; count: number; pct: number };

/** A breakdown: cumulative to the as-of day, and counts per quarter for the trend window. */
export type Breakdown = {
  base: number;
  cumulative: CategoryCount[];
  byQuarter: { quarter: QuarterKey; base: number; counts: CategoryCount[] }[];
};

/** A histogram bucket of days: [from, to] inclusive, `to` null for the open last bucket. */
export type DayBucket = { from: number; to: number | null; count: number };

export type StatisticsReport = {
  /** the as-of day (inclusive, JST) */
  asOf: string;
  /** the quarter that contains asOf */
  quarter: QuarterKey;
  /** 届出受付開始 (2004-07-08 by default, configurable) */
  schemeStart: string;

  /** S1: cumulative reports at each quarter end (the last is asOf) for the trend window (12 quarters) */
  cumulativeByQuarter: {
    quarter: QuarterKey;
    /** the last day counted: the quarter's end, or asOf for the current quarter */
    end: string;
    total: number;
    software: number;
    website: number;
    /** reports received within the quarter, by track */
    inQuarter: { software: number; website: number };
    /** business days from schemeStart to end (weekends, national holidays and 12/29–1/3 excluded) */
    businessDays: number;
    /** total / businessDays, rounded to 2 decimals (1就業日あたり) */
    perBusinessDay: number;
  }[];

  /** S2 */
  totals: { software: number; website: number; total: number };

  /** S3: software reports by status as of asOf (all reports, 不受理 included) */
  softwareStatus: {
    published: number;
    handledIndividually: number;
    notVulnerable: number;
    inProgress: number;
    notAccepted: number;
    total: number;
  };

  /** S4: website reports by status as of asOf */
  websiteStatus: {
    fixed: number;
    fixedByOperationalWorkaround: number;
    fixedByPageDeletion: number;
    discontinuedAfterAlert: number;
    notVulnerable: number;
    inProgress: number;
    cannotContact: number;
    notAccepted: number;
    total: number;
  };

  /** S5: JVN publications (domestic reports vs. overseas CSIRTs), cumulative and within the quarter */
  publications: {
    total: number;
    domestic: number;
    overseas: number;
    inQuarter: { domestic: number; overseas: number };
  };

  /** S6: software, days from acceptance (受理) to publication, published cases only */
  daysToPublication: {
    base: number;
    within45: number;
    within45Pct: number;
    histogram: DayBucket[];
  };

  /** S8, S9: accepted software reports (不受理 excluded) by product type and by cause */
  softwareByProductType: Breakdown;
  softwareByCause: Breakdown;

  /** S10: priority disclosures (優先情報提供) by sector */
  priorityDisclosures: {
    total: number;
    cumulative: CategoryCount[];
    inQuarter: CategoryCount[];
  };

  /**
   * S11: cases with an unreachable developer (連絡不能案件), counted per case (per report), not per developer: a
   * developer listed in three cases counts three times. The seed counts developers; the history file carries no
   * developer identity, so the unit is said plainly as cases in the pages (ja/en).
   */
  unreachable: { listed: number; resumed: number; completed: number; stillUnreachable: number };

  /** S12: websites, days from the details notice to the fix, fixed cases only */
  daysToFix: {
    base: number;
    within30: number;
    within30Pct: number;
    within90: number;
    within90Pct: number;
    histogram: DayBucket[];
    byType: { type: string; base: number; within30: number; within90: number; histogram: DayBucket[] }[];
    /** cumulative fixed and fixed within 90 days at each quarter end of the trend window (12 quarters) */
    within90Trend: { quarter: QuarterKey; cumulativeFixed: number; within90: number; pct: number }[];
  };

  /** S13, S14: accepted website reports by vulnerability type and by threat */
  websiteByVulnerabilityType: Breakdown;
  websiteByThreat: Breakdown;

  /** S15: open website cases notified 90 or more days ago without a fix, by age bucket and type */
  longRunning: {
    total: number;
    /** the same figure a year before asOf */
    yearBefore: number;
    buckets: (DayBucket & { byType: CategoryCount[] })[];
  };

  /** S16: accepted website reports per quarter by operator type (trend window: 8 quarters) */
  websiteByOperatorType: Breakdown;
};

/** A share in whole percent, rounded half up; 0 when the base is 0. */
export function sharePct(count: number, base: number): number {
  if (base <= 0) return 0;
  return Math.floor((count * 100) / base + 0.5);
}
