// A finder's own reports (自分の届出), newest first.
import { formatInstant } from '../../../domain/time.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { FinderProgressStep } from '../../cases/case-progress.js';
import type { ReportState } from '../report-states.js';
import { CompactProgress } from './case-progress.js';

export type OwnReportRow = {
  trackingNumber: string;
  track: 'software' | 'website';
  state: ReportState;
  submittedAt: Date;
  /** after acceptance: what happened to it since */
  progress: FinderProgressStep[];
};

export function ownReportPath(trackingNumber: string): string {
  return `/my/reports/${encodeURIComponent(trackingNumber)}`;
}

export function MyReportsPage({ v, reports }: { v: ViewContext; reports: OwnReportRow[] }) {
  const { t } = v;
  return (
    <Layout v={v} title={t('intake.my.title')}>
      <h1>{t('intake.my.title')}</h1>
      <p>{t('intake.my.intro')}</p>
      <p>
        <a href="/reports/new">{t('intake.my.newReport')}</a>
      </p>
      {reports.length === 0 ? (
        <p>{t('intake.my.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('intake.my.trackingNumber')}</th>
                <th scope="col">{t('intake.my.track')}</th>
                <th scope="col">{t('intake.my.status')}</th>
                <th scope="col">{t('intake.my.submittedAt')}</th>
                <th scope="col">{t('intake.progress.title')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.trackingNumber}>
                  <td>
                    <a href={ownReportPath(r.trackingNumber)}>{r.trackingNumber}</a>
                  </td>
                  <td>{t(`intake.tracks.${r.track}`)}</td>
                  <td>{t(`intake.my.statusShort.${r.state}`)}</td>
                  <td>{formatInstant(r.submittedAt, v)}</td>
                  <td>
                    <CompactProgress v={v} steps={r.progress} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
