// The report as figures: each figure is one chart and the table with the same data (the chart is drawn from the
// table's numbers, so the two cannot disagree), in the order of the seeds' quarterly report (S1–S16). Pages,
// charts and CSV downloads all start here; labels come from messages, categories from
// `statistics.categories.<group>.<code>` (the code itself when there is no label).
import type { T } from '../../platform/i18n/i18n.js';
import {
  type BarSpec,
  type Column,
  cumulativeFigure,
  type Figure,
  fmtCount,
  histogramFigure,
  perQuarterFigure,
  quarterShort,
  type Row,
  type Section,
} from './figure-model.js';
import { lateSections } from './figure-sections-late.js';
import type { StatisticsReport } from './report.js';
import { sharePct } from './report.js';

export {
  type BarSeries,
  type BarSpec,
  bucketLabel,
  type CategoryGroup,
  type ChartSpec,
  type Column,
  type ColumnKind,
  categoryLabel,
  type DataTable,
  FIGURE_ID,
  type Figure,
  type Headline,
  type PieSpec,
  quarterShort,
  type Row,
  type Section,
} from './figure-model.js';

/** What every section is drawn from: the report, the translator and the numbers sections share. */
export function sectionContext(report: StatisticsReport, t: T, locale: string) {
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

  return {
    report,
    t,
    locale,
    n,
    c,
    q,
    quarters,
    last,
    ss,
    ws,
    fixedByApp,
    dp,
    df,
    pub,
    pd,
    un,
    lr,
    statusBar,
    softwareRows,
    websiteMain,
    websiteRows,
    websiteCats,
    statusColumns,
  };
}
export type SectionContext = ReturnType<typeof sectionContext>;

/** Every section of the quarterly report, in the seeds' order. */
export function reportSections(report: StatisticsReport, t: T, locale: string): Section[] {
  const x = sectionContext(report, t, locale);
  const sections: Section[] = [...earlySections(x), ...lateSections(x)];
  for (const s of sections) s.empty = s.figures.every((f) => f.chart === null);
  return sections;
}

/** S1–S9. */
function earlySections(x: SectionContext): Section[] {
  const {
    report,
    t,
    n,
    c,
    q,
    quarters,
    last,
    ss,
    ws,
    fixedByApp,
    dp,
    pub,
    statusBar,
    softwareRows,
    websiteMain,
    websiteRows,
    websiteCats,
    statusColumns,
  } = x;
  return [
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
  ];
}

/** The figures of the dashboard: S1, S3, S4, S6 and S12's headline figures and charts. */
export const DASHBOARD_FIGURES = ['s1', 's3', 's4', 's12-trend'] as const;

export function allFigures(sections: Section[]): Figure[] {
  return sections.flatMap((s) => s.figures);
}
