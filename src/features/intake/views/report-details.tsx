// The parts of a finder's report page that describe the report: status, history, the text, attachments.
import { formatInstant } from '../../../domain/time.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { FinderReportView } from '../finder-report-view.js';

export function statusText(
  v: ViewContext,
  r: Pick<FinderReportView, 'state' | 'track' | 'discontinueReason'>,
) {
  const { t } = v;
  switch (r.state) {
    case 'accepted':
      return t(`intake.status.accepted_${r.track}`);
    case 'discontinued':
      return t('intake.status.discontinued', {
        reason: r.discontinueReason ? t(`intake.reasons.${r.discontinueReason}`) : '',
      });
    default:
      return t(`intake.status.${r.state}`);
  }
}

export function StatusSection({ v, report }: { v: ViewContext; report: FinderReportView }) {
  return (
    <section aria-labelledby="status">
      <h2 id="status">{v.t('intake.status.title')}</h2>
      <p class="notice" id="status-text">
        {statusText(v, report)}
      </p>
    </section>
  );
}

export function Timeline({ v, report }: { v: ViewContext; report: FinderReportView }) {
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{v.t('intake.followUp.timeline')}</h2>
      <ol class="timeline">
        {report.timeline.map((e, i) => (
          <li key={`${e.kind}-${i}`}>
            <time dateTime={e.at.toISOString()}>{formatInstant(e.at, v)}</time>{' '}
            {v.t(`intake.events.${e.kind}`, { track: e.track ? v.t(`intake.tracks.${e.track}`) : '' })}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One row of the report's text; long texts keep their line breaks. */
function Row({ label, value, pre = false }: { label: string; value: string | undefined; pre?: boolean }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{pre ? <pre class="mail">{value}</pre> : value}</dd>
    </>
  );
}

export function ReportText({ v, report }: { v: ViewContext; report: FinderReportView }) {
  const { t } = v;
  const b = report.body;
  const f = (name: string) => t(`intake.form.fields.${name}`);
  const yesNo = (x: boolean) => t(x ? 'intake.followUp.yes' : 'intake.followUp.no');
  const website = b.track === 'website';
  return (
    <section aria-labelledby="report-text">
      <h2 id="report-text">{t('intake.followUp.yourReport')}</h2>
      <dl>
        <dt>{t('intake.followUp.track')}</dt>
        <dd>{t(`intake.tracks.${report.track}`)}</dd>
        <dt>{t('intake.followUp.submittedAt')}</dt>
        <dd>{formatInstant(report.submittedAt, v)}</dd>
        {b.track === 'software' ? (
          <>
            <Row label={f('productName')} value={b.productName} />
            <Row label={f('developerName')} value={b.developerName} />
            <Row label={f('versions')} value={b.versions} />
          </>
        ) : (
          <>
            <Row label={f('siteUrl')} value={b.siteUrl} />
            <Row label={f('siteName')} value={b.siteName} />
            <Row label={f('vulnerabilityType')} value={t(`intake.types.${b.vulnerabilityType}`)} />
          </>
        )}
        <dt>{f('description')}</dt>
        <dd>
          {b.encryptedDescription && <p>{t('intake.followUp.encrypted')}</p>}
          <pre class="mail">{b.description}</pre>
        </dd>
        <Row label={f('steps')} value={b.steps} pre />
        {b.track === 'software' ? (
          <>
            <Row label={f('environment')} value={b.environment} pre />
            <Row label={f('impact')} value={b.impact} pre />
            <Row label={f('countermeasure')} value={b.countermeasure} pre />
          </>
        ) : (
          <Row label={f('threat')} value={b.threat} pre />
        )}
      </dl>
      <h3>{t('intake.followUp.consents')}</h3>
      <dl>
        {!website && (
          <Row
            label={t('intake.form.consent.identityToCoordinator')}
            value={yesNo(report.consents.identityToCoordinator)}
          />
        )}
        <Row
          label={t(
            website ? 'intake.form.consent.identityToOperator' : 'intake.form.consent.identityToVendor',
          )}
          value={yesNo(report.consents.identityToVendor)}
        />
        <Row
          label={t(
            website ? 'intake.form.consent.directContactOperator' : 'intake.form.consent.directContact',
          )}
          value={yesNo(report.consents.directContact)}
        />
        <Row label={t('intake.form.consent.publicCredit')} value={yesNo(report.consents.publicCredit)} />
      </dl>
    </section>
  );
}

/** 1536 → "1.5 KB": sizes for reading, in binary units like the configured limits. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

export function AttachmentList({ v, report }: { v: ViewContext; report: FinderReportView }) {
  const { t } = v;
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">{t('intake.followUp.attachments')}</h2>
      {report.attachments.length === 0 ? (
        <p>{t('intake.followUp.noAttachments')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('intake.followUp.fileName')}</th>
                <th scope="col">{t('intake.followUp.fileSize')}</th>
                <th scope="col">{t('intake.followUp.fileType')}</th>
              </tr>
            </thead>
            <tbody>
              {report.attachments.map((a, i) => (
                <tr key={`${a.name}-${i}`}>
                  <td>{a.name}</td>
                  <td>{formatBytes(a.sizeBytes)}</td>
                  <td>{a.detectedType}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
