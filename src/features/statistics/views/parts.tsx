// Pieces the statistics pages share: a figure (caption, the server-drawn SVG chart, the same data as a table,
// and its CSV link), headline figures, the quarters to navigate, and the page's stylesheet (charts, print).
import type { ViewContext } from '../../../platform/views/view-context.js';
import { renderChart } from '../charts.js';
import type { Column, ColumnKind, Figure, Headline, Row, Section } from '../figures.js';

export function formatCell(locale: string, kind: ColumnKind, value: number | string | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'pct':
      return `${value}%`;
    case 'decimal':
      return value.toFixed(2);
    case 'count':
      return value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US');
    default:
      return String(value);
  }
}

/** The stylesheet of the statistics pages (charts, tables, print); a body link, allowed for stylesheets. */
export function StatisticsStyles() {
  return <link rel="stylesheet" href="/assets/statistics.css" />;
}

export function DataTableView({ v, figure }: { v: ViewContext; figure: Figure }) {
  const { columns, rows } = figure.table;
  const [head, ...rest] = columns as [Column, ...Column[]];
  return (
    <div class="table-wrap">
      <table class="stat-table">
        <caption>{figure.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head.label}</th>
            {rest.map((c) => (
              <th scope="col" key={c.label} class="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r: Row) => (
            <tr key={r.head} class={r.sub ? 'sub' : undefined}>
              <th scope="row">{r.head}</th>
              {r.cells.map((x, i) => (
                <td key={i} class="num">
                  {formatCell(v.locale, r.kind ?? rest[i]?.kind ?? 'count', x)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One figure: its chart (SVG drawn by ECharts on the server; see charts.ts), its table, its CSV. */
export function FigureView({ v, figure, csvHref }: { v: ViewContext; figure: Figure; csvHref: string }) {
  const captionId = `fig-${figure.id}-caption`;
  return (
    <figure class="stat-figure" id={`fig-${figure.id}`} aria-labelledby={captionId}>
      <figcaption id={captionId}>{figure.caption}</figcaption>
      {figure.chart ? (
        // the one place raw markup is inserted: ECharts' SVG, its texts escaped by ECharts (charts.ts)
        <div class="chart" dangerouslySetInnerHTML={{ __html: renderChart(figure.chart, captionId) }} />
      ) : (
        <p class="no-data">{v.t('statistics.noData')}</p>
      )}
      <DataTableView v={v} figure={figure} />
      <p class="csv-link">
        <a href={csvHref} aria-label={v.t('statistics.csvLink', { caption: figure.caption })}>
          {v.t('statistics.csv')}
        </a>
      </p>
    </figure>
  );
}

export function Headlines({ items, label }: { items: Headline[]; label?: string }) {
  if (items.length === 0) return null;
  return (
    <dl class="stat-headlines" aria-label={label}>
      {items.map((h) => (
        <div key={h.label}>
          <dt>{h.label}</dt>
          <dd>{h.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SectionView({
  v,
  section,
  csvHref,
}: {
  v: ViewContext;
  section: Section;
  csvHref: (figureId: string) => string;
}) {
  const headingId = `sec-${section.id}`;
  return (
    <section class="stat-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      <Headlines items={section.headlines} />
      {section.figures.map((f) => (
        <FigureView key={f.id} v={v} figure={f} csvHref={csvHref(f.id)} />
      ))}
    </section>
  );
}

/** The quarters a visitor can open, newest year first, each year's quarters in order. */
export function QuarterList({
  v,
  quarters,
  current,
}: {
  v: ViewContext;
  quarters: string[];
  current?: string;
}) {
  const years = new Map<string, string[]>();
  for (const q of quarters) {
    const y = q.slice(0, 4);
    years.set(y, [...(years.get(y) ?? []), q]);
  }
  return (
    <ul class="quarter-list">
      {[...years].map(([year, qs]) => (
        <li key={year}>
          <span class="year">{v.t('statistics.quarter.year', { year })}</span>
          <ul>
            {[...qs].sort().map((q) => (
              <li key={q}>
                <a
                  href={`/statistics/quarters/${q}`}
                  aria-current={q === current ? 'page' : undefined}
                  aria-label={v.t('statistics.quarter.title', { year, q: q.slice(5) })}
                >
                  {v.t('statistics.quarter.quarterShort', { q: q.slice(5) })}
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
