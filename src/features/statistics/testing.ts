// A fixture report for the pages, charts and downloads: the 2012-Q3 reference figures of the seeds' Appendix A
// (../shared/research/seeds-000-002-004.md) where they exist — totals, both status breakdowns, publications,
// 35% within 45 days, 47% / 66% fixed within 30 / 90 days and the within-90 trend, the top categories' shares —
// and plausible numbers that add up everywhere else (category lists, histograms, per-quarter splits).
import { createBusinessCalendar, SCHEME_START } from '../../domain/business-days.js';
import { type Breakdown, type CategoryCount, type StatisticsReport, sharePct } from './report.js';
import { REFERENCE, REFERENCE_CUMULATIVE, REFERENCE_WITHIN90 } from './testing/reference-history.js';

// Appendix A: cumulative reports and reports per business day, and cumulative fixed / fixed within 90 days /
// share, at each quarter end 2009Q4…2012Q3: the tables of the reference history
const QUARTERS = Object.keys(REFERENCE_CUMULATIVE);

/** The last day of a quarter '2012Q3' → '2012-09-30'. */
export function quarterEndOf(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const month = q * 3;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function counts(entries: [string, number][], base: number): CategoryCount[] {
  return entries.map(([category, count]) => ({ category, count, pct: sharePct(count, base) }));
}

/** A breakdown whose per-quarter counts are the cumulative shares applied to a quarter's reports. */
function breakdown(
  entries: [string, number][],
  quarters: readonly string[],
  perQuarter: number[],
): Breakdown {
  const base = entries.reduce((s, [, n]) => s + n, 0);
  return {
    base,
    cumulative: counts(entries, base),
    byQuarter: quarters.map((quarter, i) => {
      const total = perQuarter[i] ?? 0;
      const split: [string, number][] = entries.map(([c, n]) => [c, Math.floor((n * total) / base)]);
      const rest = total - split.reduce((s, [, n]) => s + n, 0);
      if (split[0]) split[0][1] += rest;
      return { quarter, base: total, counts: counts(split, total) };
    }),
  };
}

/** The 2012-Q3 report (as of 2012-09-30). */
export function sampleReport(): StatisticsReport {
  const calendar = createBusinessCalendar();
  // software's share of the cumulative reports grows from 15% to its 2012-Q3 figure (1,424 of 7,950)
  const cumulativeByQuarter = QUARTERS.map((quarter, i) => {
    const [total, perBusinessDay] = REFERENCE_CUMULATIVE[quarter]!;
    const software = i === QUARTERS.length - 1 ? 1424 : Math.round(total * (0.15 + (0.0291 * i) / 11));
    const end = quarterEndOf(quarter);
    return {
      quarter,
      end,
      total,
      software,
      website: total - software,
      inQuarter: { software: 0, website: 0 },
      businessDays: calendar.businessDaysSinceSchemeStart(end, SCHEME_START),
      perBusinessDay,
    };
  });
  cumulativeByQuarter.forEach((q, i) => {
    const prev = cumulativeByQuarter[i - 1];
    q.inQuarter = prev
      ? { software: q.software - prev.software, website: q.website - prev.website }
      : { software: 48, website: 160 };
  });
  const websiteInQuarter = cumulativeByQuarter.map((q) => q.inQuarter.website);
  const softwareInQuarter = cumulativeByQuarter.map((q) => q.inQuarter.software);

  return {
    asOf: '2012-09-30',
    quarter: '2012Q3',
    schemeStart: SCHEME_START,
    cumulativeByQuarter,
    totals: { software: 1424, website: 6526, total: 7950 },
    softwareStatus: { ...REFERENCE.softwareStatus, total: REFERENCE.software },
    websiteStatus: { ...REFERENCE.websiteStatus, total: REFERENCE.website },
    publications: { total: 1497, domestic: 667, overseas: 830, inQuarter: { domestic: 31, overseas: 38 } },
    daysToPublication: {
      base: 667,
      within45: 233,
      within45Pct: sharePct(233, 667),
      histogram: [
        { from: 0, to: 45, count: 233 },
        { from: 46, to: 90, count: 121 },
        { from: 91, to: 180, count: 109 },
        { from: 181, to: 365, count: 98 },
        { from: 366, to: 730, count: 64 },
        { from: 731, to: null, count: 42 },
      ],
    },
    softwareByProductType: breakdown(
      [
        ['web_application', 488],
        ['web_browser', 112],
        ['groupware', 61],
        ['os', 58],
        ['router', 49],
        ['development_environment', 36],
        ['other', 417],
      ],
      QUARTERS,
      softwareInQuarter,
    ),
    softwareByCause: breakdown(
      [
        ['web_application_vulnerability', 733],
        ['other_implementation_flaw', 290],
        ['specification_flaw', 98],
        ['file_access_control', 52],
        ['buffer_overflow', 48],
      ],
      QUARTERS,
      softwareInQuarter,
    ),
    priorityDisclosures: { total: 0, cumulative: [], inQuarter: [] },
    unreachable: { listed: 97, resumed: 20, completed: 12, stillUnreachable: 70 },
    daysToFix: {
      base: 4436,
      within30: 2085,
      within30Pct: sharePct(2085, 4436),
      within90: 2924,
      within90Pct: sharePct(2924, 4436),
      histogram: [
        { from: 0, to: 30, count: 2085 },
        { from: 31, to: 90, count: 839 },
        { from: 91, to: 180, count: 700 },
        { from: 181, to: 365, count: 500 },
        { from: 366, to: null, count: 312 },
      ],
      byType: [
        { type: 'xss', base: 2400, within30: 1150, within90: 1610 },
        { type: 'dns_misconfiguration', base: 900, within30: 380, within90: 560 },
        { type: 'sql_injection', base: 700, within30: 360, within90: 480 },
        { type: 'other', base: 436, within30: 195, within90: 274 },
      ].map((x) => ({ ...x, histogram: [] })),
      within90Trend: QUARTERS.map((quarter) => {
        const [cumulativeFixed, within90, pct] = REFERENCE_WITHIN90[quarter]!;
        return { quarter, cumulativeFixed, within90, pct };
      }),
    },
    websiteByVulnerabilityType: breakdown(
      [
        ['xss', 3309],
        ['dns_misconfiguration', 1336],
        ['sql_injection', 827],
        ['path_traversal', 150],
        ['http_header_injection', 120],
        ['auth_session', 200],
        ['other', 422],
      ],
      QUARTERS,
      websiteInQuarter,
    ),
    websiteByThreat: breakdown(
      [
        ['fake_information', 3182],
        ['domain_information_insertion', 1336],
        ['data_tampering', 764],
        ['personal_information_leak', 600],
        ['cookie_leak', 300],
        ['other', 182],
      ],
      QUARTERS,
      websiteInQuarter,
    ),
    longRunning: {
      total: 203,
      yearBefore: 181,
      buckets: [
        { from: 90, to: 179, count: 61 },
        { from: 180, to: 364, count: 58 },
        { from: 365, to: 729, count: 47 },
        { from: 730, to: null, count: 37 },
      ].map((b) => {
        const xss = Math.round(b.count * 0.55);
        const sqli = Math.round(b.count * 0.16);
        return {
          ...b,
          byType: counts(
            [
              ['xss', xss],
              ['sql_injection', sqli],
              ['other', b.count - xss - sqli],
            ],
            b.count,
          ),
        };
      }),
    },
    websiteByOperatorType: (() => {
      // 2012-Q3: 156 accepted website reports; listed companies 8%, unlisted 56%, other companies 7%
      const last: [string, number][] = [
        ['listed_company', 12],
        ['unlisted_company', 87],
        ['other_company', 11],
        ['local_government', 10],
        ['individual', 20],
        ['other', 16],
      ];
      const b = breakdown(last, QUARTERS.slice(4), websiteInQuarter.slice(4));
      const q3 = b.byQuarter[b.byQuarter.length - 1]!;
      q3.base = 156;
      q3.counts = counts(last, 156);
      const base = b.byQuarter.reduce((s, q) => s + q.base, 0);
      const sums = new Map<string, number>();
      for (const q of b.byQuarter)
        for (const c of q.counts) sums.set(c.category, (sums.get(c.category) ?? 0) + c.count);
      return { ...b, base, cumulative: counts([...sums], base) };
    })(),
  };
}
