// One outgoing message: its envelope as a description list and its plain-text body, exactly as sent.
import { formatInstant } from '../../../domain/time.js';
import { Layout } from '../../../platform/views/layout.js';
import type { ViewContext } from '../../../platform/views/view-context.js';
import type { MailMessage } from '../read-mail.js';

export function MailPage({ v, mail }: { v: ViewContext; mail: MailMessage }) {
  const { t } = v;
  const z = { locale: v.locale, timeZone: v.timeZone };
  return (
    <Layout v={v} title={`${t('outbox.message.title')}: ${mail.subject}`}>
      <p>
        <a href="/admin/outbox">{t('outbox.message.back')}</a>
      </p>
      <h1 lang={mail.locale}>{mail.subject}</h1>
      <h2>{t('outbox.message.details')}</h2>
      <dl>
        <dt>{t('outbox.columns.to')}</dt>
        <dd>{mail.to}</dd>
        <dt>{t('outbox.columns.status')}</dt>
        <dd>{t(`outbox.status.${mail.status}`)}</dd>
        <dt>{t('outbox.columns.template')}</dt>
        <dd>
          <code>{mail.template}</code>
        </dd>
        <dt>{t('outbox.message.locale')}</dt>
        <dd>{t(`lang.${mail.locale}`)}</dd>
        <dt>{t('outbox.columns.created')}</dt>
        <dd>{formatInstant(mail.createdAt, z)}</dd>
        {mail.sentAt && (
          <>
            <dt>{t('outbox.message.sentAt')}</dt>
            <dd>{formatInstant(mail.sentAt, z)}</dd>
          </>
        )}
        <dt>{t('outbox.columns.attempts')}</dt>
        <dd>{mail.attempts}</dd>
        {mail.lastError && (
          <>
            <dt>{t('outbox.columns.lastError')}</dt>
            <dd>{mail.lastError}</dd>
          </>
        )}
        {mail.related && (
          <>
            <dt>{t('outbox.message.related')}</dt>
            <dd>
              <code>
                {mail.related.type} {mail.related.id}
              </code>
            </dd>
          </>
        )}
      </dl>
      <h2 id="mail-body">{t('outbox.message.body')}</h2>
      <pre class="mail" lang={mail.locale}>
        {mail.body}
      </pre>
    </Layout>
  );
}
