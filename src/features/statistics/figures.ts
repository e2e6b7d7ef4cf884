// The report as figures: each figure is one chart and the table with the same data (the chart is drawn from the
// table's numbers, so the two cannot disagree), in the order of the seeds' quarterly report (S1–S16). Pages,
// charts and CSV downloads all start here; labels come from messages, categories from
// `statistics.categories.<group>.<code>` (the code itself when there is no label).
import type { T } from '../../platform/i18n/i18n.js';
import type { CategoryCount, DayBucket, QuarterKey, StatisticsReport } from './report.js';
import { sharePct } from './report.js';

export type ColumnKind = 'text' | 'count' | 'pct' | 'decimal';
export type Column = { label: string; kind: ColumnKind };
export type Row = {
  head: string;
  cells: (number | string | null)[];
  /** a part of the row above (うち …) */
  sub?: boolean;
  /** overrides the columns' kind for this row (a transposed table) */
  kind?: ColumnKind;
};
/** The first column is the rows' heading. */
export type DataTable = { columns: Column[]; rows: Row[] };

export type BarSeries = {
  name: string;
  values: number[];
  type?: 'bar' | 'line';
  stack?: string;
  axis?: 0 | 1;
};
export type BarSpec = {
  kind: 'bar';
  categories: string[];
  series: BarSeries[];
  horizontal?: boolean;
  /** names of the value axes (the second for a line on the right) */
  axisNames: [string] | [string, string];
  /** the right axis is a percentage (0–100) */
  percentAxis?: boolean;
};
export type PieSpec = { kind: 'pie'; data: { name: string; value: number }[] };
export type ChartSpec = BarSpec | PieSpec;

export type Figure = { id: string; caption: string; chart: ChartSpec | null; table: DataTable };
export type Headline = { label: string; value: string };
export type Section = {
  id: string;
  title: string;
  headlines: Headline[];
  figures: Figure[];
  empty?: boolean;
};

/** The category lists of src/domain/statistics-categories.ts (CATEGORY_LISTS). */
export type CategoryGroup =
  | 'productType'
  | 'cause'
  | 'websiteVulnerabilityType'
  | 'threat'
  | 'operatorType'
  | 'prioritySector';

/** Figure ids are used in URLs (?section=) and element ids. */
export const FIGURE_ID = /^s\d{1,2}(?:-[a-z]+)?$/;

export function categoryLabel(t: T, group: CategoryGroup, code: string): string {
  return t(`statistics.categories.${group}.${code}`, { defaultValue: code });
}

/** '2012Q3' → '2012 3Q' (the seeds' tables), short enough for an axis. */
export function quarterShort(q: QuarterKey): string {
  return `${q.slice(0, 4)} ${q.slice(5)}Q`;
}

export function bucketLabel(t: T, b: DayBucket): string {
  return b.to === null
    ? t('statistics.days.over', { from: b.from })
    : t('statistics.days.range', { from: b.from, to: b.to });
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function fmtCount(locale: string, n: number): string {
  return n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US');
}

/** Categories that appear anywhere in the lists, in first-seen order. */
function categoryOrder(lists: CategoryCount[][]): string[] {
  const seen = new Set<string>();
  for (const l of lists) for (const c of l) seen.add(c.category);
  return [...seen];
}

function countOf(list: CategoryCount[], category: string): number {
  return list.find((c) => c.category === category)?.count ?? 0;
}

function cumulativeFigure(
  t: T,
  id: string,
  caption: string,
  group: CategoryGroup,
  list: CategoryCount[],
  base: number,
  kind: 'pie' | 'bar',
): Figure {
  const rows: Row[] = list.map((c) => ({
    head: categoryLabel(t, group, c.category),
    cells: [c.count, c.pct],
  }));
  rows.push({ head: t('statistics.col.total'), cells: [base, base > 0 ? 100 : 0] });
  const labels = list.map((c) => categoryLabel(t, group, c.category));
  const chart: ChartSpec | null =
    base === 0
      ? null
      : kind === 'pie'
        ? { kind: 'pie', data: list.map((c, i) => ({ name: labels[i]!, value: c.count })) }
        : {
            kind: 'bar',
            horizontal: true,
            categories: labels,
            series: [{ name: t('statistics.col.count'), values: list.map((c) => c.count) }],
            axisNames: [t('statistics.unit.reports')],
          };
  return {
    id,
    caption,
    chart,
    table: {
      columns: [
        { label: t('statistics.col.category'), kind: 'text' },
        { label: t('statistics.col.count'), kind: 'count' },
        { label: t('statistics.col.share'), kind: 'pct' },
      ],
      rows,
    },
  };
}

function perQuarterFigure(
  t: T,
  id: string,
  caption: string,
  group: CategoryGroup,
  byQuarter: { quarter: QuarterKey; base: number; counts: CategoryCount[] }[],
): Figure {
  const cats = categoryOrder(byQuarter.map((q) => q.counts));
  const labels = cats.map((c) => categoryLabel(t, group, c));
  const quarters = byQuarter.map((q) => quarterShort(q.quarter));
  return {
    id,
    caption,
    chart:
      byQuarter.length === 0 || cats.length === 0
        ? null
        : {
            kind: 'bar',
            categories: quarters,
            // a category with nothing in any quarter draws nothing: left out of the legend (the table lists it)
            series: cats
              .map((c, i) => ({
                name: labels[i]!,
                stack: 'all',
                values: byQuarter.map((q) => countOf(q.counts, c)),
              }))
              .filter((s) => s.values.some((x) => x > 0)),
            axisNames: [t('statistics.unit.reports')],
          },
    table: {
      columns: [
        { label: t('statistics.col.quarter'), kind: 'text' },
        ...labels.map((label) => ({ label, kind: 'count' as const })),
        { label: t('statistics.col.total'), kind: 'count' },
      ],
      rows: byQuarter.map((q, i) => ({
        head: quarters[i]!,
        cells: [...cats.map((c) => countOf(q.counts, c)), q.base],
      })),
    },
  };
}

function histogramFigure(t: T, id: string, caption: string, buckets: DayBucket[], base: number): Figure {
  const labels = buckets.map((b) => bucketLabel(t, b));
  return {
    id,
    caption,
    chart:
      base === 0
        ? null
        : {
            kind: 'bar',
            categories: labels,
            series: [{ name: t('statistics.col.count'), values: buckets.map((b) => b.count) }],
            axisNames: [t('statistics.unit.reports')],
          },
    table: {
      columns: [
        { label: t('statistics.col.days'), kind: 'text' },
        { label: t('statistics.col.count'), kind: 'count' },
        { label: t('statistics.col.share'), kind: 'pct' },
      ],
      rows: [
        ...buckets.map((b, i) => ({ head: labels[i]!, cells: [b.count, sharePct(b.count, base)] })),
        { head: t('statistics.col.total'), cells: [base, base > 0 ? 100 : 0] },
      ],
    },
  };
}

/** Every section of the quarterly report, in the seeds' order. */
export function reportSections(report: StatisticsReport, t: T, locale: string): Section[] {
  const n = (x: number) => fmtCount(locale, x);
  const c = (key: string) => t(`statistics.col.${key}`);
  const q = report.cumulativeByQuarter;
  const quarters = q.map((x) => quarterShort(x.quarter));
  const last = q[q.length - 1];
  const ss = report.softwareStatus;
  const ws = report.websiteStatus;
  const fixedByApp = ws.fixed - ws.fixedByOperationalWorkaround - ws.fixedByPageDeletion;
  const dp = report.daysToPublication;
  const df = report.daysToFix;
  const pub = report.publications;
  const pd = report.priorityDisclosures;
  const un = report.unreachable;
  const lr = report.longRunning;

  const statusBar = (rows: Row[]): BarSpec => ({
    kind: 'bar',
    horizontal: true,
    categories: rows.filter((r) => !r.sub).map((r) => r.head),
    series: [{ name: c('count'), values: rows.filter((r) => !r.sub).map((r) => Number(r.cells[0])) }],
    axisNames: [t('statistics.unit.reports')],
  });

  const softwareRows: Row[] = (
    [
      ['published', ss.published],
      ['handledIndividually', ss.handledIndividually],
      ['notVulnerable', ss.notVulnerable],
      ['inProgress', ss.inProgress],
      ['notAccepted', ss.notAccepted],
    ] as const
  ).map(([k, v]) => ({ head: t(`statistics.software.${k}`), cells: [v, sharePct(v, ss.total)] }));

  const websiteMain: [string, number][] = [
    ['discontinuedAfterAlert', ws.discontinuedAfterAlert],
    ['notVulnerable', ws.notVulnerable],
    ['inProgress', ws.inProgress],
    ['cannotContact', ws.cannotContact],
    ['notAccepted', ws.notAccepted],
  ];
  const websiteRows: Row[] = [
    { head: t('statistics.website.fixed'), cells: [ws.fixed, sharePct(ws.fixed, ws.total)] },
    {
      head: t('statistics.website.fixedByApplication'),
      cells: [fixedByApp, sharePct(fixedByApp, ws.total)],
      sub: true,
    },
    {
      head: t('statistics.website.fixedByOperationalWorkaround'),
      cells: [ws.fixedByOperationalWorkaround, sharePct(ws.fixedByOperationalWorkaround, ws.total)],
      sub: true,
    },
    {
      head: t('statistics.website.fixedByPageDeletion'),
      cells: [ws.fixedByPageDeletion, sharePct(ws.fixedByPageDeletion, ws.total)],
      sub: true,
    },
    ...websiteMain.map(([k, v]) => ({
      head: t(`statistics.website.${k}`),
      cells: [v, sharePct(v, ws.total)],
    })),
  ];
  const websiteCats = [
    t('statistics.website.fixed'),
    ...websiteMain.map(([k]) => t(`statistics.website.${k}`)),
  ];
  const statusColumns: Column[] = [
    { label: c('status'), kind: 'text' },
    { label: c('count'), kind: 'count' },
    { label: c('share'), kind: 'pct' },
  ];

  const sections: Section[] = [
    {
      id: 's1',
      title: t('statistics.s1.title'),
      headlines: last
        ? [
            { label: t('statistics.s1.cumulative'), value: n(last.total) },
            { label: t('statistics.s1.perBusinessDay'), value: last.perBusinessDay.toFixed(2) },
          ]
        : [],
      figures: [
        {
          id: 's1',
          caption: t('statistics.s1.caption'),
          chart:
            q.length === 0
              ? null
              : {
                  kind: 'bar',
                  categories: quarters,
                  series: [
                    {
                      name: t('statistics.track.software'),
                      stack: 'cumulative',
                      values: q.map((x) => x.software),
                    },
                    {
                      name: t('statistics.track.website'),
                      stack: 'cumulative',
                      values: q.map((x) => x.website),
                    },
                    {
                      name: t('statistics.s1.perBusinessDay'),
                      type: 'line',
                      axis: 1,
                      values: q.map((x) => x.perBusinessDay),
                    },
                  ],
                  axisNames: [t('statistics.unit.reports'), t('statistics.unit.perDay')],
                },
          table: {
            columns: [
              { label: c('quarter'), kind: 'text' },
              { label: t('statistics.s1.cumulativeSoftware'), kind: 'count' },
              { label: t('statistics.s1.cumulativeWebsite'), kind: 'count' },
              { label: t('statistics.s1.cumulative'), kind: 'count' },
              { label: t('statistics.s1.businessDays'), kind: 'count' },
              { label: t('statistics.s1.perBusinessDay'), kind: 'decimal' },
            ],
            rows: q.map((x, i) => ({
              head: quarters[i]!,
              cells: [x.software, x.website, x.total, x.businessDays, x.perBusinessDay],
            })),
          },
        },
        {
          id: 's1-quarterly',
          caption: t('statistics.s1.quarterlyCaption'),
          chart:
            q.length === 0
              ? null
              : {
                  kind: 'bar',
                  categories: quarters,
                  series: [
                    { name: t('statistics.track.software'), values: q.map((x) => x.inQuarter.software) },
                    { name: t('statistics.track.website'), values: q.map((x) => x.inQuarter.website) },
                  ],
                  axisNames: [t('statistics.unit.reports')],
                },
          table: {
            columns: [
              { label: c('quarter'), kind: 'text' },
              { label: t('statistics.track.software'), kind: 'count' },
              { label: t('statistics.track.website'), kind: 'count' },
              { label: c('total'), kind: 'count' },
            ],
            rows: q.map((x, i) => ({
              head: quarters[i]!,
              cells: [x.inQuarter.software, x.inQuarter.website, x.inQuarter.software + x.inQuarter.website],
            })),
          },
        },
      ],
    },
    {
      id: 's2',
      title: t('statistics.s2.title'),
      headlines: [
        { label: t('statistics.track.software'), value: n(report.totals.software) },
        { label: t('statistics.track.website'), value: n(report.totals.website) },
        { label: c('total'), value: n(report.totals.total) },
      ],
      figures: [
        {
          id: 's2',
          caption: t('statistics.s2.caption'),
          chart:
            report.totals.total === 0
              ? null
              : {
                  kind: 'pie',
                  data: [
                    { name: t('statistics.track.software'), value: report.totals.software },
                    { name: t('statistics.track.website'), value: report.totals.website },
                  ],
                },
          table: {
            columns: [
              { label: c('track'), kind: 'text' },
              { label: c('count'), kind: 'count' },
              { label: c('share'), kind: 'pct' },
            ],
            rows: [
              {
                head: t('statistics.track.software'),
                cells: [report.totals.software, sharePct(report.totals.software, report.totals.total)],
              },
              {
                head: t('statistics.track.website'),
                cells: [report.totals.website, sharePct(report.totals.website, report.totals.total)],
              },
              { head: c('total'), cells: [report.totals.total, report.totals.total > 0 ? 100 : 0] },
            ],
          },
        },
      ],
    },
    {
      id: 's3',
      title: t('statistics.s3.title'),
      headlines: [{ label: t('statistics.software.published'), value: n(ss.published) }],
      figures: [
        {
          id: 's3',
          caption: t('statistics.s3.caption'),
          chart: ss.total === 0 ? null : statusBar(softwareRows),
          table: {
            columns: statusColumns,
            rows: [...softwareRows, { head: c('total'), cells: [ss.total, ss.total > 0 ? 100 : 0] }],
          },
        },
      ],
    },
    {
      id: 's4',
      title: t('statistics.s4.title'),
      headlines: [{ label: t('statistics.website.fixed'), value: n(ws.fixed) }],
      figures: [
        {
          id: 's4',
          caption: t('statistics.s4.caption'),
          chart:
            ws.total === 0
              ? null
              : {
                  kind: 'bar',
                  horizontal: true,
                  categories: websiteCats,
                  series: [
                    {
                      name: t('statistics.website.fixedByApplication'),
                      stack: 'status',
                      values: [fixedByApp, ...websiteMain.map(() => 0)],
                    },
                    {
                      name: t('statistics.website.fixedByOperationalWorkaround'),
                      stack: 'status',
                      values: [ws.fixedByOperationalWorkaround, ...websiteMain.map(() => 0)],
                    },
                    {
                      name: t('statistics.website.fixedByPageDeletion'),
                      stack: 'status',
                      values: [ws.fixedByPageDeletion, ...websiteMain.map(() => 0)],
                    },
                    {
                      name: t('statistics.website.other'),
                      stack: 'status',
                      values: [0, ...websiteMain.map(([, v]) => v)],
                    },
                  ],
                  axisNames: [t('statistics.unit.reports')],
                },
          table: {
            columns: statusColumns,
            rows: [...websiteRows, { head: c('total'), cells: [ws.total, ws.total > 0 ? 100 : 0] }],
          },
        },
      ],
    },
    {
      id: 's5',
      title: t('statistics.s5.title'),
      headlines: [{ label: t('statistics.s5.total'), value: n(pub.total) }],
      figures: [
        {
          id: 's5',
          caption: t('statistics.s5.caption'),
          chart:
            pub.total === 0
              ? null
              : {
                  kind: 'pie',
                  data: [
                    { name: t('statistics.s5.domestic'), value: pub.domestic },
                    { name: t('statistics.s5.overseas'), value: pub.overseas },
                  ],
                },
          table: {
            columns: [
              { label: c('origin'), kind: 'text' },
              { label: c('cumulative'), kind: 'count' },
              { label: c('share'), kind: 'pct' },
              { label: c('inQuarter'), kind: 'count' },
            ],
            rows: [
              {
                head: t('statistics.s5.domestic'),
                cells: [pub.domestic, sharePct(pub.domestic, pub.total), pub.inQuarter.domestic],
              },
              {
                head: t('statistics.s5.overseas'),
                cells: [pub.overseas, sharePct(pub.overseas, pub.total), pub.inQuarter.overseas],
              },
              {
                head: c('total'),
                cells: [pub.total, pub.total > 0 ? 100 : 0, pub.inQuarter.domestic + pub.inQuarter.overseas],
              },
            ],
          },
        },
      ],
    },
    {
      id: 's6',
      title: t('statistics.s6.title'),
      headlines: [
        {
          label: t('statistics.s6.within45'),
          value: t('statistics.shareOf', { pct: dp.within45Pct, count: n(dp.within45), base: n(dp.base) }),
        },
      ],
      figures: [histogramFigure(t, 's6', t('statistics.s6.caption'), dp.histogram, dp.base)],
    },
    {
      id: 's8',
      title: t('statistics.s8.title'),
      headlines: [],
      figures: [
        cumulativeFigure(
          t,
          's8',
          t('statistics.s8.caption'),
          'productType',
          report.softwareByProductType.cumulative,
          report.softwareByProductType.base,
          'bar',
        ),
        perQuarterFigure(
          t,
          's8-quarters',
          t('statistics.s8.quartersCaption'),
          'productType',
          report.softwareByProductType.byQuarter,
        ),
      ],
    },
    {
      id: 's9',
      title: t('statistics.s9.title'),
      headlines: [],
      figures: [
        cumulativeFigure(
          t,
          's9',
          t('statistics.s9.caption'),
          'cause',
          report.softwareByCause.cumulative,
          report.softwareByCause.base,
          'bar',
        ),
        perQuarterFigure(
          t,
          's9-quarters',
          t('statistics.s9.quartersCaption'),
          'cause',
          report.softwareByCause.byQuarter,
        ),
      ],
    },
    (() => {
      const sectors = categoryOrder([pd.cumulative, pd.inQuarter]);
      const labels = sectors.map((s) => categoryLabel(t, 'prioritySector', s));
      return {
        id: 's10',
        title: t('statistics.s10.title'),
        headlines: [{ label: t('statistics.s10.total'), value: n(pd.total) }],
        figures: [
          {
            id: 's10',
            caption: t('statistics.s10.caption'),
            chart:
              pd.total === 0
                ? null
                : {
                    kind: 'bar',
                    categories: labels,
                    series: [
                      { name: c('cumulative'), values: sectors.map((s) => countOf(pd.cumulative, s)) },
                      { name: c('inQuarter'), values: sectors.map((s) => countOf(pd.inQuarter, s)) },
                    ],
                    axisNames: [t('statistics.unit.disclosures')],
                  },
            table: {
              columns: [
                { label: c('sector'), kind: 'text' },
                { label: c('cumulative'), kind: 'count' },
                { label: c('inQuarter'), kind: 'count' },
              ],
              rows: [
                ...sectors.map((s, i) => ({
                  head: labels[i]!,
                  cells: [countOf(pd.cumulative, s), countOf(pd.inQuarter, s)],
                })),
                { head: c('total'), cells: [pd.total, sum(pd.inQuarter.map((x) => x.count))] },
              ],
            },
          },
        ],
      };
    })(),
    (() => {
      const rows: Row[] = [
        { head: t('statistics.s11.listed'), cells: [un.listed] },
        { head: t('statistics.s11.resumed'), cells: [un.resumed] },
        { head: t('statistics.s11.completed'), cells: [un.completed], sub: true },
        { head: t('statistics.s11.stillUnreachable'), cells: [un.stillUnreachable] },
      ];
      return {
        id: 's11',
        title: t('statistics.s11.title'),
        headlines: [],
        figures: [
          {
            id: 's11',
            caption: t('statistics.s11.caption'),
            chart:
              un.listed === 0
                ? null
                : {
                    kind: 'bar',
                    horizontal: true,
                    categories: rows.map((r) => r.head),
                    series: [{ name: c('count'), values: rows.map((r) => Number(r.cells[0])) }],
                    axisNames: [t('statistics.unit.developers')],
                  },
            table: {
              columns: [
                { label: c('status'), kind: 'text' },
                { label: c('count'), kind: 'count' },
              ],
              rows,
            },
          },
        ],
      };
    })(),
    (() => {
      const types = df.byType.map((x) => categoryLabel(t, 'websiteVulnerabilityType', x.type));
      const trendQuarters = df.within90Trend.map((x) => quarterShort(x.quarter));
      return {
        id: 's12',
        title: t('statistics.s12.title'),
        headlines: [
          {
            label: t('statistics.s12.within30'),
            value: t('statistics.shareOf', { pct: df.within30Pct, count: n(df.within30), base: n(df.base) }),
          },
          {
            label: t('statistics.s12.within90'),
            value: t('statistics.shareOf', { pct: df.within90Pct, count: n(df.within90), base: n(df.base) }),
          },
        ],
        figures: [
          histogramFigure(t, 's12', t('statistics.s12.caption'), df.histogram, df.base),
          {
            id: 's12-types',
            caption: t('statistics.s12.typesCaption'),
            chart:
              df.byType.length === 0
                ? null
                : {
                    kind: 'bar',
                    horizontal: true,
                    categories: types,
                    series: [
                      {
                        name: t('statistics.s12.within30'),
                        values: df.byType.map((x) => sharePct(x.within30, x.base)),
                      },
                      {
                        name: t('statistics.s12.within90'),
                        values: df.byType.map((x) => sharePct(x.within90, x.base)),
                      },
                    ],
                    axisNames: [t('statistics.unit.percent')],
                  },
            table: {
              columns: [
                { label: t('statistics.col.vulnerabilityType'), kind: 'text' },
                { label: t('statistics.s12.fixed'), kind: 'count' },
                { label: t('statistics.s12.within30Count'), kind: 'count' },
                { label: t('statistics.s12.within30'), kind: 'pct' },
                { label: t('statistics.s12.within90Count'), kind: 'count' },
                { label: t('statistics.s12.within90'), kind: 'pct' },
              ],
              rows: [
                ...df.byType.map((x, i) => ({
                  head: types[i]!,
                  cells: [
                    x.base,
                    x.within30,
                    sharePct(x.within30, x.base),
                    x.within90,
                    sharePct(x.within90, x.base),
                  ],
                })),
                {
                  head: c('total'),
                  cells: [df.base, df.within30, df.within30Pct, df.within90, df.within90Pct],
                },
              ],
            },
          },
          {
            id: 's12-trend',
            caption: t('statistics.s12.trendCaption'),
            chart:
              df.within90Trend.length === 0
                ? null
                : {
                    kind: 'bar',
                    categories: trendQuarters,
                    series: [
                      {
                        name: t('statistics.s12.cumulativeFixed'),
                        values: df.within90Trend.map((x) => x.cumulativeFixed),
                      },
                      {
                        name: t('statistics.s12.within90Count'),
                        values: df.within90Trend.map((x) => x.within90),
                      },
                      {
                        name: t('statistics.s12.within90'),
                        type: 'line',
                        axis: 1,
                        values: df.within90Trend.map((x) => x.pct),
                      },
                    ],
                    axisNames: [t('statistics.unit.reports'), t('statistics.unit.percent')],
                    percentAxis: true,
                  },
            // like the seed's table: quarters across, three rows
            table: {
              columns: [
                { label: c('quarter'), kind: 'text' },
                ...trendQuarters.map((label) => ({ label, kind: 'count' as const })),
              ],
              rows: [
                {
                  head: t('statistics.s12.cumulativeFixed'),
                  cells: df.within90Trend.map((x) => x.cumulativeFixed),
                },
                { head: t('statistics.s12.within90Count'), cells: df.within90Trend.map((x) => x.within90) },
                {
                  head: t('statistics.s12.within90'),
                  cells: df.within90Trend.map((x) => x.pct),
                  kind: 'pct',
                },
              ],
            },
          },
        ],
      };
    })(),
    {
      id: 's13',
      title: t('statistics.s13.title'),
      headlines: [],
      figures: [
        cumulativeFigure(
          t,
          's13',
          t('statistics.s13.caption'),
          'websiteVulnerabilityType',
          report.websiteByVulnerabilityType.cumulative,
          report.websiteByVulnerabilityType.base,
          'pie',
        ),
        perQuarterFigure(
          t,
          's13-quarters',
          t('statistics.s13.quartersCaption'),
          'websiteVulnerabilityType',
          report.websiteByVulnerabilityType.byQuarter,
        ),
      ],
    },
    {
      id: 's14',
      title: t('statistics.s14.title'),
      headlines: [],
      figures: [
        cumulativeFigure(
          t,
          's14',
          t('statistics.s14.caption'),
          'threat',
          report.websiteByThreat.cumulative,
          report.websiteByThreat.base,
          'pie',
        ),
        perQuarterFigure(
          t,
          's14-quarters',
          t('statistics.s14.quartersCaption'),
          'threat',
          report.websiteByThreat.byQuarter,
        ),
      ],
    },
    (() => {
      const cats = categoryOrder(lr.buckets.map((b) => b.byType));
      const labels = cats.map((x) => categoryLabel(t, 'websiteVulnerabilityType', x));
      const buckets = lr.buckets.map((b) => bucketLabel(t, b));
      return {
        id: 's15',
        title: t('statistics.s15.title'),
        headlines: [
          { label: t('statistics.s15.total'), value: n(lr.total) },
          { label: t('statistics.s15.yearBefore'), value: n(lr.yearBefore) },
        ],
        figures: [
          {
            id: 's15',
            caption: t('statistics.s15.caption'),
            chart:
              lr.total === 0
                ? null
                : {
                    kind: 'bar',
                    categories: buckets,
                    series: cats
                      .map((x, i) => ({
                        name: labels[i]!,
                        stack: 'types',
                        values: lr.buckets.map((b) => countOf(b.byType, x)),
                      }))
                      .filter((s) => s.values.some((v) => v > 0)),
                    axisNames: [t('statistics.unit.cases')],
                  },
            table: {
              columns: [
                { label: c('days'), kind: 'text' },
                ...labels.map((label) => ({ label, kind: 'count' as const })),
                { label: c('total'), kind: 'count' },
              ],
              rows: [
                ...lr.buckets.map((b, i) => ({
                  head: buckets[i]!,
                  cells: [...cats.map((x) => countOf(b.byType, x)), b.count],
                })),
                {
                  head: c('total'),
                  cells: [...cats.map((x) => sum(lr.buckets.map((b) => countOf(b.byType, x)))), lr.total],
                },
              ],
            },
          },
        ],
      };
    })(),
    (() => {
      const op = report.websiteByOperatorType;
      const latest = op.byQuarter[op.byQuarter.length - 1];
      return {
        id: 's16',
        title: t('statistics.s16.title'),
        headlines: [],
        figures: [
          perQuarterFigure(t, 's16', t('statistics.s16.caption'), 'operatorType', op.byQuarter),
          ...(latest
            ? [
                cumulativeFigure(
                  t,
                  's16-latest',
                  t('statistics.s16.latestCaption', { quarter: quarterShort(latest.quarter) }),
                  'operatorType',
                  latest.counts,
                  latest.base,
                  'bar',
                ),
              ]
            : []),
        ],
      };
    })(),
  ];
  for (const s of sections) s.empty = s.figures.every((f) => f.chart === null);
  return sections;
}

/** The figures of the dashboard: S1, S3, S4, S6 and S12's headline figures and charts. */
export const DASHBOARD_FIGURES = ['s1', 's3', 's4', 's12-trend'] as const;

export function allFigures(sections: Section[]): Figure[] {
  return sections.flatMap((s) => s.figures);
}
