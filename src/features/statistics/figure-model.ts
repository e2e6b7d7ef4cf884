// The figures' model (chart + table of the same numbers) and the builders every section uses; the sections
// themselves are in figures.ts (S1–S9) and figure-sections-late.ts (S10–S16).
import type { T } from '../../platform/i18n/i18n.js';
import type { CategoryCount, DayBucket, QuarterKey } from './report.js';
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

export const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

export function fmtCount(locale: string, n: number): string {
  return n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US');
}

/** Categories that appear anywhere in the lists, in first-seen order. */
export function categoryOrder(lists: CategoryCount[][]): string[] {
  const seen = new Set<string>();
  for (const l of lists) for (const c of l) seen.add(c.category);
  return [...seen];
}

export function countOf(list: CategoryCount[], category: string): number {
  return list.find((c) => c.category === category)?.count ?? 0;
}

export function cumulativeFigure(
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

export function perQuarterFigure(
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

export function histogramFigure(
  t: T,
  id: string,
  caption: string,
  buckets: DayBucket[],
  base: number,
): Figure {
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
