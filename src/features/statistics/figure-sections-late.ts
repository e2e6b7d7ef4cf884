// The quarterly report's sections S10–S16 (S1–S9 and the context they share: figures.ts).
import {
  bucketLabel,
  categoryLabel,
  categoryOrder,
  countOf,
  cumulativeFigure,
  histogramFigure,
  perQuarterFigure,
  quarterShort,
  type Row,
  type Section,
  sum,
} from './figure-model.js';
import type { SectionContext } from './figures.js';
import { sharePct } from './report.js';

/** S10–S16. */
export function lateSections(x: SectionContext): Section[] {
  const { report, t, n, c, df, pd, un, lr } = x;
  return [
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
}
