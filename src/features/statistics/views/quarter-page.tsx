// /statistics/quarters/:quarter: the quarterly report as of the quarter's last day (today for the quarter under
// way), every section in the seeds' order (S1–S16) with its charts, tables and CSV links; the quarters to
// navigate; downloads of the whole report as CSV and JSON.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { Section } from '../figures.js';
import type { StatisticsReport } from '../report.js';
import { QuarterList, SectionView, StatisticsStyles } from './parts.js';

export function quarterHeading(v: ViewContext, quarter: string): string {
  return v.t('statistics.quarter.title', { year: quarter.slice(0, 4), q: quarter.slice(5) });
}

export function QuarterPage({
  v,
  report,
  sections,
  quarters,
  period,
}: {
  v: ViewContext;
  report: StatisticsReport;
  sections: Section[];
  quarters: string[];
  period: { from: string; to: string };
}) {
  const { t } = v;
  const q = report.quarter;
  const base = `/statistics/quarters/${q}`;
  const heading = quarterHeading(v, q);
  return (
    <Layout v={v} title={heading}>
      <StatisticsStyles />
      <p class="breadcrumb">
        <a href="/statistics">{t('statistics.quarter.back')}</a>
      </p>
      <h1>{heading}</h1>
      <p>{t('statistics.quarter.period', { ...period, asOf: report.asOf })}</p>
      <nav aria-labelledby="toc" class="stat-toc">
        <h2 id="toc">{t('statistics.sectionNav')}</h2>
        <ol>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#sec-${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="downloads" class="stat-downloads">
        <h2 id="downloads">{t('statistics.quarter.downloads')}</h2>
        <ul>
          <li>
            <a href={`${base}.csv`}>{t('statistics.quarter.csvAll')}</a>
          </li>
          <li>
            <a href={`${base}.json`}>{t('statistics.quarter.json')}</a>
          </li>
        </ul>
      </section>
      {sections.map((s) => (
        <SectionView key={s.id} v={v} section={s} csvHref={(id) => `${base}.csv?section=${id}`} />
      ))}
      <section aria-labelledby="quarters" class="stat-quarters">
        <h2 id="quarters">{t('statistics.dashboard.quarters')}</h2>
        <QuarterList v={v} quarters={quarters} current={q} />
      </section>
    </Layout>
  );
}
