// The report brief as sections of a page: what was reported, the finder (or the withheld marker), the finder's
// consents and the attachments. Used by the case page and by the reception body's report page.
import type { ComponentChildren } from 'preact';
import { formatInstant } from '../../../domain/time.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { FinderView, ReportBrief } from '../report-brief.js';
import { formatBytes } from './format.js';

function Text({ value, none }: { value: string | undefined | null; none: string }) {
  if (!value) return <span class="hint">{none}</span>;
  return value.includes('\n') || value.length > 120 ? <pre class="mail">{value}</pre> : <span>{value}</span>;
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function ReportDetailsSection({ v, brief }: { v: ViewContext; brief: ReportBrief }) {
  const { t } = v;
  const none = t('cases.brief.none');
  const f = (k: string) => t(`cases.brief.fields.${k}`);
  const d = brief.details;
  return (
    <section aria-labelledby="report-details">
      <h2 id="report-details">{t('cases.brief.heading')}</h2>
      <dl>
        <Row label={t('cases.brief.trackingNumber')}>{brief.trackingNumber}</Row>
        <Row label={t('cases.case.track')}>
          {t(`cases.tracks.${brief.track}`)}
          {brief.reclassifiedFrom && (
            <>
              {' '}
              ({t('cases.brief.reclassifiedFrom', { track: t(`cases.tracks.${brief.reclassifiedFrom}`) })})
            </>
          )}
        </Row>
        <Row label={t('cases.brief.submitted')}>
          {formatInstant(brief.submittedAt, { locale: v.locale, timeZone: v.timeZone })}
        </Row>
        <Row label={t('cases.brief.source')}>{t(`cases.brief.sources.${brief.source}`)}</Row>
        {d.track === 'software' ? (
          <>
            <Row label={f('productName')}>
              <Text value={d.productName} none={none} />
            </Row>
            <Row label={f('developerName')}>
              <Text value={d.developerName} none={none} />
            </Row>
            <Row label={f('versions')}>
              <Text value={d.versions} none={none} />
            </Row>
          </>
        ) : (
          <>
            <Row label={f('siteUrl')}>
              <Text value={d.siteUrl} none={none} />
            </Row>
            <Row label={f('siteName')}>
              <Text value={d.siteName} none={none} />
            </Row>
            <Row label={f('vulnerabilityType')}>{t(`cases.vulnTypes.${d.vulnerabilityType}`)}</Row>
          </>
        )}
        <Row label={f('description')}>
          <Text value={d.description} none={none} />
        </Row>
        <Row label={f('steps')}>
          <Text value={d.steps} none={none} />
        </Row>
        {d.track === 'software' ? (
          <>
            <Row label={f('environment')}>
              <Text value={d.environment} none={none} />
            </Row>
            <Row label={f('impact')}>
              <Text value={d.impact} none={none} />
            </Row>
            {d.countermeasure && (
              <Row label={f('countermeasure')}>
                <Text value={d.countermeasure} none={none} />
              </Row>
            )}
          </>
        ) : (
          <Row label={f('threat')}>
            <Text value={d.threat} none={none} />
          </Row>
        )}
      </dl>
    </section>
  );
}

export function FinderSection({ v, finder }: { v: ViewContext; finder: FinderView }) {
  const { t } = v;
  const none = t('cases.brief.none');
  const contactable = t(
    finder.contactable ? 'cases.brief.finder.contactableYes' : 'cases.brief.finder.contactableNo',
  );
  return (
    <section aria-labelledby="finder">
      <h2 id="finder">{t('cases.brief.finder.heading')}</h2>
      {finder.disclosed ? (
        <dl>
          <Row label={t('cases.brief.finder.name')}>
            <Text value={finder.name} none={none} />
          </Row>
          <Row label={t('cases.brief.finder.email')}>
            <Text value={finder.email} none={none} />
          </Row>
          <Row label={t('cases.brief.finder.phone')}>
            <Text value={finder.phone} none={none} />
          </Row>
          <Row label={t('cases.brief.finder.organization')}>
            <Text value={finder.organization} none={none} />
          </Row>
          <Row label={t('cases.brief.finder.creditName')}>
            <Text value={finder.creditName} none={none} />
          </Row>
          <Row label={t('cases.brief.finder.contactable')}>{contactable}</Row>
        </dl>
      ) : (
        <>
          <p class="notice withheld">
            <strong>{t('cases.brief.finder.withheld')}</strong>
          </p>
          <dl>
            <Row label={t('cases.brief.finder.contactable')}>{contactable}</Row>
          </dl>
        </>
      )}
    </section>
  );
}

export function ConsentsSection({ v, brief }: { v: ViewContext; brief: ReportBrief }) {
  const { t } = v;
  const keys = ['identityToCoordinator', 'identityToVendor', 'directContact', 'publicCredit'] as const;
  return (
    <section aria-labelledby="consents">
      <h2 id="consents">{t('cases.brief.consents.heading')}</h2>
      <dl>
        {keys.map((k) => (
          <Row key={k} label={t(`cases.brief.consents.${k}`)}>
            <strong>{t(brief.consents[k] ? 'cases.brief.consents.yes' : 'cases.brief.consents.no')}</strong>
          </Row>
        ))}
      </dl>
    </section>
  );
}

export function AttachmentsSection({
  v,
  brief,
  href,
}: {
  v: ViewContext;
  brief: ReportBrief;
  /** the download path of an attachment, or null where this viewer may not download */
  href: (attachmentId: string) => string | null;
}) {
  const { t } = v;
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">{t('cases.brief.attachments.heading')}</h2>
      {brief.attachments.length === 0 ? (
        <p>{t('cases.brief.attachments.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('cases.brief.attachments.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.brief.attachments.name')}</th>
                <th scope="col">{t('cases.brief.attachments.type')}</th>
                <th scope="col">{t('cases.brief.attachments.size')}</th>
                <th scope="col">{t('cases.brief.attachments.sha256')}</th>
                <th scope="col">{t('cases.brief.attachments.download')}</th>
              </tr>
            </thead>
            <tbody>
              {brief.attachments.map((a) => {
                const link = href(a.id);
                return (
                  <tr key={a.id}>
                    <th scope="row">{a.filename}</th>
                    <td>{a.detectedType}</td>
                    <td>{formatBytes(a.sizeBytes)}</td>
                    <td>
                      <code>{a.sha256}</code>
                    </td>
                    <td>
                      {link && (
                        <a
                          href={link}
                          download
                          aria-label={t('cases.brief.attachments.downloadLabel', { name: a.filename })}
                        >
                          {t('cases.brief.attachments.download')}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
