// /statistics: the headline figures as of today (or ?asOf=), the key charts with their tables, the quarterly
// reports to open, and the downloads.
import { ErrorSummary, Field } from '../../../platform/views/form-fields.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import { DASHBOARD_FIGURES, type Figure, type Headline, type Section } from '../figures.js';
import type { StatisticsReport } from '../report.js';
import { FigureView, Headlines, QuarterList, StatisticsStyles } from './parts.js';
import { quarterHeading } from './quarter-page.js';

export function DashboardPage({
  v,
  report,
  sections,
  quarters,
  typedAsOf,
  asOfError,
  schemeStart,
  today,
}: {
  v: ViewContext;
  /** null when the as-of day asked for cannot be used */
  report: StatisticsReport | null;
  sections: Section[];
  quarters: string[];
  typedAsOf: string;
  asOfError: string | null;
  schemeStart: string;
  today: string;
}) {
  const { t } = v;
  const errors = asOfError ? { asOf: [asOfError] } : undefined;
  const figures = new Map<string, Figure>(sections.flatMap((s) => s.figures.map((f) => [f.id, f] as const)));
  const headlines: Headline[] = sections.flatMap((s) => s.headlines);
  const asOfParam = report && report.asOf !== today ? `asOf=${report.asOf}&` : '';
  return (
    <Layout
      v={v}
      title={report ? `${t('statistics.dashboard.heading')} (${report.asOf})` : t('statistics.title')}
    >
      <StatisticsStyles />
      <h1>{t('statistics.dashboard.heading')}</h1>
      <p>{t('statistics.dashboard.intro', { start: schemeStart })}</p>
      <ErrorSummary v={v} errors={errors} />
      <form method="get" action="/statistics" class="stat-asof-form">
        <Field
          name="asOf"
          type="date"
          label={t('statistics.dashboard.asOfLabel')}
          hint={t('statistics.dashboard.asOfHint')}
          value={typedAsOf}
          errors={errors}
        />
        <button type="submit">{t('statistics.dashboard.show')}</button>
      </form>
      {report && (
        <>
          <p class="stat-asof">
            <strong>{t('statistics.dashboard.asOf', { date: report.asOf })}</strong>{' '}
            <a href={`/statistics/quarters/${report.quarter}`}>
              {t('statistics.dashboard.quarterReport', { quarter: quarterHeading(v, report.quarter) })}
            </a>
          </p>
          <section aria-labelledby="headlines">
            <h2 id="headlines">{t('statistics.dashboard.headlines')}</h2>
            <Headlines items={headlines} />
          </section>
          <section aria-labelledby="key-charts">
            <h2 id="key-charts">{t('statistics.dashboard.keyCharts')}</h2>
            {DASHBOARD_FIGURES.map((id) => {
              const f = figures.get(id);
              return f ? (
                <FigureView key={id} v={v} figure={f} csvHref={`/statistics.csv?${asOfParam}section=${id}`} />
              ) : null;
            })}
          </section>
          <section aria-labelledby="downloads" class="stat-downloads">
            <h2 id="downloads">{t('statistics.dashboard.downloads')}</h2>
            <ul>
              <li>
                <a href={`/statistics.csv${asOfParam ? `?asOf=${report.asOf}` : ''}`}>
                  {t('statistics.quarter.csvAll')}
                </a>
              </li>
              <li>
                <a href={`/api/v1/statistics${asOfParam ? `?asOf=${report.asOf}` : ''}`}>
                  {t('statistics.dashboard.api')}
                </a>
              </li>
            </ul>
          </section>
        </>
      )}
      <section aria-labelledby="quarters" class="stat-quarters">
        <h2 id="quarters">{t('statistics.dashboard.quarters')}</h2>
        <QuarterList v={v} quarters={quarters} />
      </section>
    </Layout>
  );
}
