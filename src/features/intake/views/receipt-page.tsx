// The receipt (受付): the tracking number and the secret follow-up link, shown once.
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';

export function ReceiptPage({
  v,
  trackingNumber,
  followUpUrl,
  mailed,
}: {
  v: ViewContext;
  trackingNumber: string;
  followUpUrl: string;
  mailed: boolean;
}) {
  const { t } = v;
  return (
    <Layout v={v} title={t('intake.receipt.title')}>
      <h1>{t('intake.receipt.title')}</h1>
      <p>{t('intake.receipt.lead')}</p>
      <dl>
        <dt>{t('intake.receipt.trackingNumber')}</dt>
        <dd>
          <strong class="secret" id="tracking-number">
            {trackingNumber}
          </strong>
        </dd>
        <dt>{t('intake.receipt.followUpLink')}</dt>
        <dd>
          <p class="secret">
            <a href={followUpUrl} id="follow-up-link">
              {followUpUrl}
            </a>
          </p>
        </dd>
      </dl>
      <div class="notice" role="status">
        <p>{t('intake.receipt.keep')}</p>
        <p>{t(mailed ? 'intake.receipt.mailed' : 'intake.receipt.notMailed')}</p>
      </div>
      <p>{t('intake.receipt.quote')}</p>
    </Layout>
  );
}

export function ReceiptGonePage({ v }: { v: ViewContext }) {
  const { t } = v;
  return (
    <Layout v={v} title={t('intake.receipt.goneTitle')}>
      <h1>{t('intake.receipt.goneTitle')}</h1>
      <p>{t('intake.receipt.goneText')}</p>
      <p>
        <a href="/reports/new">{t('intake.nav.report')}</a>
      </p>
    </Layout>
  );
}
